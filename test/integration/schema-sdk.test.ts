import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { buildSchema, Kind, parse, type GraphQLObjectType, type OperationTypeNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import codegenConfig from '../../codegen';
import { createLivePubSub } from '../../src/realtime/pubsub';
import { printHookwireSchema } from '../../src/server/print-schema';
import { buildHookwireSchema } from '../../src/server/schema';

const ROOT = join(import.meta.dirname, '..', '..');
const OPERATIONS = join(ROOT, 'src', 'sdk', 'operations');
const FIX = 'run `npm run schema && npm run codegen` and commit the result';

/** Compares two generated files, ignoring only trailing whitespace at line ends and the end. */
function normalise(text: string): string {
  return text.replace(/[ \t]+$/gm, '').trimEnd();
}

describe('schema.graphql and the generated SDK', () => {
  it('schema.graphql is what the resolvers build', async () => {
    const live = createLivePubSub();
    try {
      const printed = printHookwireSchema(await buildHookwireSchema(live.pubSub));
      const committed = readFileSync(join(ROOT, 'schema.graphql'), 'utf8');
      expect(normalise(committed), `schema.graphql is stale: ${FIX}`).toBe(normalise(printed));
    } finally {
      await live.close();
    }
  });

  it('src/sdk/generated.ts and the console\'s src/console/src/gql/ are what codegen.ts produces', async () => {
    const outputs: Array<{ filename: string; content: string }> = await generate({ ...codegenConfig, cwd: ROOT, silent: true }, false);
    // A key of `generates` is a file, or a folder (ending in /) that the client preset fills.
    const expected = Object.keys(codegenConfig.generates).flatMap((target) =>
      target.endsWith('/') ? readdirSync(join(ROOT, target)).map((file) => `${target}${file}`) : [target],
    );
    expect(outputs.map((output) => output.filename).sort(), `generated files were added or removed: ${FIX}`).toEqual(expected.sort());
    for (const output of outputs) {
      const committed = readFileSync(join(ROOT, output.filename), 'utf8');
      expect(normalise(committed), `${output.filename} is stale: ${FIX}`).toBe(normalise(output.content));
    }
  });

  it('the SDK has an operation for every query, mutation and subscription', () => {
    const schema = buildSchema(readFileSync(join(ROOT, 'schema.graphql'), 'utf8'));
    const used: Record<OperationTypeNode, Set<string>> = { query: new Set(), mutation: new Set(), subscription: new Set() };
    const files = readdirSync(OPERATIONS).filter((file) => file.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const document = parse(readFileSync(join(OPERATIONS, file), 'utf8'));
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        for (const selection of definition.selectionSet.selections) {
          // Root fields are selected directly in the operations (no root-level fragments).
          if (selection.kind === Kind.FIELD) used[definition.operation].add(selection.name.value);
        }
      }
    }
    const roots: Array<[OperationTypeNode, GraphQLObjectType | null | undefined]> = [
      ['query' as OperationTypeNode, schema.getQueryType()],
      ['mutation' as OperationTypeNode, schema.getMutationType()],
      ['subscription' as OperationTypeNode, schema.getSubscriptionType()],
    ];
    const missing: string[] = [];
    for (const [operation, type] of roots) {
      for (const field of Object.keys(type?.getFields() ?? {})) {
        if (!used[operation].has(field)) missing.push(`${operation} ${field}`);
      }
    }
    expect(missing, 'add an operation to src/sdk/operations/*.graphql and run `npm run codegen`').toEqual([]);
  });
});
