import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations from `schema.graphql` for the tests (and the console, once it exists). */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['server/test/**/*.ts', '!server/test/gql/**'],
  ignoreNoDocuments: true,
  emitLegacyCommonJSImports: false,
  generates: {
    'server/test/gql/': {
      preset: 'client',
      config: { useTypeImports: true, scalars: { DateTime: 'string', Millicredits: 'string' }, enumsAsTypes: true },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
