import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations from `schema.graphql`: for the server's tests, and for the web pages in `admin/`. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  emitLegacyCommonJSImports: false,
  generates: {
    'server/test/gql/': {
      documents: ['server/test/**/*.ts', '!server/test/gql/**'],
      preset: 'client',
      config: { useTypeImports: true, scalars: { DateTime: 'string', Millicredits: 'string' }, enumsAsTypes: true },
      presetConfig: { fragmentMasking: false },
    },
    // String documents: the pages send them as they are, without graphql-js in the bundle.
    'admin/shared/gql/': {
      documents: ['admin/{console,credits,shared}/**/*.{ts,tsx}', '!admin/shared/gql/**'],
      preset: 'client',
      config: { useTypeImports: true, scalars: { DateTime: 'string', Millicredits: 'string', JSON: 'unknown' }, enumsAsTypes: true, documentMode: 'string' },
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
    },
  },
};

export default config;
