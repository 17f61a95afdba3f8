import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Generates the typed SDK (`src/sdk/generated.ts`) from the committed `schema.graphql` and
 * the operations in `src/sdk/operations/`. Run `npm run codegen` after changing either;
 * a test fails while the committed SDK differs from what this produces.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: 'src/sdk/operations/*.graphql',
  generates: {
    'src/sdk/generated.ts': {
      plugins: ['typescript', 'typescript-operations', 'typescript-generic-sdk'],
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true },
        scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>' },
        strictScalars: true,
      },
    },
  },
  hooks: {},
};

export { config as default };
