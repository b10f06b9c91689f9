/** Boundaries of server/src (docs/architecture.md): checked by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles, type-only imports included, make the load order and the layers unreadable.',
      from: { path: '^server/src' },
      to: { circular: true },
    },
    {
      name: 'no-foreign-repository',
      severity: 'error',
      comment: "A feature reaches another feature's tables through that feature's service, never its repository or entity.",
      from: { path: '^server/src/([^/]+)/', pathNot: '^server/src/db/entities\\.ts$' },
      to: { path: '^server/src/[a-z-]+/.*[.](repository|entity|entities)[.]ts$', pathNot: '^server/src/$1/' },
    },
    {
      name: 'resolvers-import-services-only',
      severity: 'error',
      comment:
        'Resolvers check roles, call one service method and map the result: they import GraphQL types and helpers, domain types and roles, nothing that does I/O itself.',
      from: { path: '\\.resolver\\.ts$' },
      to: {
        path: '^server/src',
        pathNot: ['\\.graphql\\.ts$', '\\.types\\.ts$', '\\.service\\.ts$', '^server/src/graphql/', '^server/src/auth/roles\\.ts$'],
      },
    },
    {
      name: 'nothing-imports-up',
      severity: 'error',
      comment: 'Data flows one way: http/graphql/jobs -> feature services -> ledger -> PostgreSQL. Features never import the edge.',
      from: {
        path: '^server/src/(?!app\\.ts|main\\.ts|routes\\.ts|services\\.ts|http/|graphql/|jobs/)',
        pathNot: '\\.(resolver|routes|graphql)\\.ts$',
      },
      to: {
        path: '^server/src/(app|main|routes)\\.ts$|^server/src/http/(?!authenticate)|^server/src/graphql/(?!enums|scalars|connection)',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
