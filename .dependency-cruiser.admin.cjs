/** Boundaries of the console (admin/): checked by `npm run lint`, like server/src's in .dependency-cruiser.cjs. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles, type-only imports included, make the load order and the layers unreadable.',
      from: { path: '^admin/' },
      to: { circular: true },
    },
    {
      name: 'console-imports-only-shared-server-code',
      severity: 'error',
      comment:
        'The console is bundled for the browser: of the server it imports only the modules written to be shared (no Node imports), and its tests the shared cases.',
      from: { path: '^admin/' },
      to: { path: '^server/', pathNot: ['^server/src/money/format\\.ts$', '^server/src/shared/return-to\\.ts$', '^server/test/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^admin/(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.admin.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'browser', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
};
