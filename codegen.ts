import type { CodegenConfig } from '@graphql-codegen/cli';

/** Scalars as they travel in JSON, shared by the SDK and the console. */
const scalars = { DateTime: 'string', JSONObject: 'Record<string, unknown>' };

/**
 * Generates, from the committed `schema.graphql`:
 * - the typed SDK (`src/sdk/generated.ts`) from the operations in `src/sdk/operations/`;
 * - the console's typed documents (`src/console/src/gql/`, client preset) from the
 *   `graphql(…)` calls in its sources.
 * Run `npm run codegen` after changing any of them; a test fails while a committed file
 * differs from what this produces.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/sdk/generated.ts': {
      documents: 'src/sdk/operations/*.graphql',
      plugins: ['typescript', 'typescript-operations', 'typescript-generic-sdk'],
      config: {
        documentMode: 'string',
        enumsAsConst: true,
        useTypeImports: true,
        avoidOptionals: { field: true },
        scalars,
        strictScalars: true,
      },
    },
    'src/console/src/gql/': {
      // The SDK's fragments too: the console selects what an SDK user gets (a hook, a delivery,
      // an attempt) by the same fragment, appended by the preset to each document that spreads it.
      documents: ['src/console/src/**/*.{ts,tsx}', '!src/console/src/gql/**', 'src/sdk/operations/fragments.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsConst: true,
        useTypeImports: true,
        avoidOptionals: { field: true },
        scalars,
        strictScalars: true,
      },
    },
  },
  hooks: {},
};

export { config as default };
