import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  parse,
  print,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { BYTES_PER_COST, ENVELOPE_BYTES, largeFieldWeights, type FieldWeights } from '../../src/server/field-weights';
import { CONNECTION_COST, fragmentsOf, LIST_SIZES, MAX_QUERY_COST, operationCost } from '../../src/server/query-cost';

const ROOT = join(import.meta.dirname, '..', '..');
const schema = buildSchema(readFileSync(join(ROOT, 'schema.graphql'), 'utf8'));
// The weights of the default limits (256 KiB payloads, 4 KiB answers), as the server computes them.
const WEIGHTS = largeFieldWeights(loadConfig({}));

function costOf(document: string, variables?: Record<string, unknown>, weights: FieldWeights = WEIGHTS): number {
  const parsed = parse(document);
  const operation = parsed.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return operationCost(schema, operation, fragmentsOf(parsed.definitions), variables, weights);
}

/**
 * The console's operations as it sends them: every `graphql(`…`)` in src/console/src that holds
 * an operation, with the fragments defined in any of them (the client preset appends each
 * fragment a document spreads, wherever it was defined).
 */
function consoleDocuments(): string[] {
  const sources = consoleSources();
  // The SDK's fragments are among the console's documents too (codegen.ts).
  const sdkFragments = readFileSync(join(ROOT, 'src/sdk/operations/fragments.graphql'), 'utf8');
  const fragments = [...sources, sdkFragments].flatMap((source) => parse(source).definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION));
  const fragmentText = fragments.map((fragment) => print(fragment)).join('\n');
  return sources.filter((source) => /(?:query|mutation|subscription) \w+/.test(source)).map((source) => `${source}\n${fragmentText}`);
}

/** Every `graphql(`…`)` text in src/console/src. */
function consoleSources(): string[] {
  const documents: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'gql') walk(path);
      } else if (/\.tsx?$/.test(entry.name)) {
        for (const match of readFileSync(path, 'utf8').matchAll(/\bgraphql\(\s*`([^`]*)`/g)) documents.push(match[1]!);
      }
    }
  };
  walk(join(ROOT, 'src', 'console', 'src'));
  return documents;
}

// The largest batch an EMIT key can send: 500 inputs whose payloads fill the request body limit.
const FULL_BATCH = Array.from({ length: 500 }, (_, i) => ({ event: 'User.Created', payload: { n: i, fill: 'x'.repeat(1_100) } }));

const aliases = (count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: hooks(first: 100) { nodes { deliveries(first: 100) { nodes { attempts { id } } } } }`).join(' ')} }`;

describe('query cost', () => {
  const operationsDir = join(ROOT, 'src', 'sdk', 'operations');
  const sdk = parse(readdirSync(operationsDir).map((file) => readFileSync(join(operationsDir, file), 'utf8')).join('\n'));
  const operations = sdk.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);

  it.each(operations.map((operation) => [operation.name!.value, operation] as const))(
    'lets the SDK operation %s through at its largest pages',
    (_name, operation) => {
      // Every SDK operation names its page size `$first`; the emit mutations' payloads are their input's.
      const variables = { first: 100, hours: 168, input: { event: 'User.Created', payload: { fill: 'x'.repeat(256 * 1024 - 20) } }, inputs: FULL_BATCH };
      const cost = operationCost(schema, operation, fragmentsOf(sdk.definitions), variables, WEIGHTS);
      expect(cost).toBeGreaterThan(0);
      expect(cost).toBeLessThanOrEqual(MAX_QUERY_COST);
    },
  );

  it.each(consoleDocuments().map((document) => [/(?:query|mutation|subscription) (\w+)/.exec(document)![1]!, document] as const))(
    'lets the console operation %s through at its largest pages',
    (_name, document) => {
      const cost = costOf(document, { first: 100, hours: 168 });
      expect(cost).toBeGreaterThan(0);
      expect(cost).toBeLessThanOrEqual(MAX_QUERY_COST);
    },
  );

  it("lets the README's console query through, up to 40 hooks × 100 deliveries", () => {
    const page = (hooks: number, deliveries: number) =>
      `{ hooks(first: ${hooks}, enabled: true) { totalCount nodes { id name url events executionStats { requestCount successCount }
        deliveries(first: ${deliveries}, status: FAILED) { nodes { id event attemptCount lastError } } } pageInfo { endCursor hasNextPage } } }`;
    expect(costOf(page(20, 10))).toBeLessThan(MAX_QUERY_COST / 5);
    expect(costOf(page(40, 100))).toBeLessThanOrEqual(MAX_QUERY_COST);
  });

  it('refuses the attacks of issue 10, with and without aliases', () => {
    expect(costOf(aliases(30))).toBeGreaterThan(MAX_QUERY_COST);
    expect(costOf(aliases(5))).toBeGreaterThan(MAX_QUERY_COST);
    expect(costOf(aliases(1))).toBeGreaterThan(MAX_QUERY_COST);
    expect(costOf('{ hooks(first: 100) { nodes { deliveries(first: 100) { nodes { attempts { request { headers { name value } } } } } } } }')).toBeGreaterThan(
      MAX_QUERY_COST,
    );
  });

  it('has the figures the comments on MAX_QUERY_COST and CONNECTION_COST quote', () => {
    // At their largest pages and inputs, as above.
    const variables = { first: 100, hours: 168, input: { event: 'User.Created', payload: { fill: 'x'.repeat(256 * 1024 - 20) } }, inputs: FULL_BATCH };
    const costs = new Map(operations.map((operation) => [operation.name!.value, operationCost(schema, operation, fragmentsOf(sdk.definitions), variables, WEIGHTS)]));
    expect(costs.get('Events')).toBe(26_204);
    expect(costs.get('Hooks')).toBe(16_404);
    costs.delete('Events');
    costs.delete('Hooks');
    // Every other SDK operation, and every console one.
    for (const cost of costs.values()) expect(cost).toBeLessThan(16_404);
    for (const document of consoleDocuments()) expect(costOf(document, { first: 100, hours: 168 })).toBeLessThan(17_000);
    const payloads = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: events(first: 100) { nodes { payload } }`).join(' ')} }`;
    expect(costOf(payloads(1))).toBe(25_800);
    expect(costOf(payloads(10))).toBe(258_000);
    expect(costOf('{ hook(id: "h") { deliveries(first: 100) { nodes { attempts { request { body } } } } } }')).toBe(208_201);
    const connections = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: hooks(first: 1) { nodes { id } }`).join(' ')} }`;
    expect(costOf(connections(1))).toBe(CONNECTION_COST + 2);
    expect(costOf(connections(294))).toBeLessThanOrEqual(MAX_QUERY_COST);
    expect(costOf(connections(295))).toBeGreaterThan(MAX_QUERY_COST);
  });

  it('refuses large fields asked for many times: payloads behind aliases, request bodies of every attempt', () => {
    const payloads = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: events(first: 100) { nodes { payload } }`).join(' ')} }`;
    expect(costOf(payloads(1))).toBeLessThanOrEqual(MAX_QUERY_COST);
    expect(costOf(payloads(2))).toBeGreaterThan(MAX_QUERY_COST);
    expect(costOf(payloads(10))).toBeGreaterThan(MAX_QUERY_COST);
    expect(costOf('{ hooks(first: 50) { nodes { deliveries(first: 100) { nodes { attempts { request { body } } } } } } }')).toBeGreaterThan(MAX_QUERY_COST);
    expect(costOf('{ hook(id: "h") { deliveries(first: 100) { nodes { attempts { request { body } } } } } }')).toBeGreaterThan(MAX_QUERY_COST);
    expect(costOf('{ deliveries(first: 100) { nodes { attempts { responseBody } } } }')).toBeLessThanOrEqual(MAX_QUERY_COST);
    expect(costOf('subscription { events { a: payload b: payload c: payload } }')).toBe(1 + 3 * 256);
  });

  it('weighs the large fields 1 per KiB they can hold, following the configured limits', () => {
    expect(WEIGHTS).toEqual({
      'Event.payload': 256,
      'AttemptRequest.body': 256 + ENVELOPE_BYTES / BYTES_PER_COST,
      'DeliveryAttempt.responseBody': 4,
      'TestHookResult.responseBody': 4,
    });
    const large = largeFieldWeights(loadConfig({ HOOKWIRE_MAX_PAYLOAD_BYTES: '1MiB', HOOKWIRE_MAX_UNSENT_BYTES: '8MiB', HOOKWIRE_MAX_RESPONSE_BYTES: '100' }));
    expect(large).toMatchObject({ 'Event.payload': 1024, 'DeliveryAttempt.responseBody': 1 });
    expect(costOf('{ event(id: "e") { payload } }', {}, large)).toBe(1 + 1024);
    expect(costOf('{ events(first: 100) { nodes { payload } } }', {}, large)).toBeGreaterThan(MAX_QUERY_COST);
    // Without weights (or a field nobody weighed), every value counts 1.
    expect(costOf('{ event(id: "e") { payload } }', {}, {})).toBe(2);
    expect(costOf('{ delivery(id: "d") { attempts { request { body } } } }')).toBe(1 + 8 * (1 + 1 + WEIGHTS['AttemptRequest.body']!));
  });

  it("weighs an emitted event's payload by the input it echoes, never above the configured limit", () => {
    const emit = 'mutation M($input: EmitEventInput!) { emitEvent(input: $input) { payload deliveries(first: 100) { nodes { attempts { request { body } } } } } }';
    const small = { event: 'User.Created', payload: { userId: 'u_1' } };
    // 100 deliveries × 8 attempts, each body the small payload in its envelope (3 KiB at most).
    expect(costOf(emit, { input: small })).toBe(1 + 1 + CONNECTION_COST + 100 * (1 + 8 * (1 + 1 + 3)));
    const huge = { event: 'User.Created', payload: { fill: 'x'.repeat(1024 * 1024) } };
    expect(costOf(emit, { input: huge })).toBe(costOf(emit, { input: 'not an input' }));
    const batch = 'mutation M($inputs: [EmitEventInput!]!) { emitEvents(inputs: $inputs) { id payload } }';
    expect(costOf(batch, { inputs: [small, small] })).toBe(2 * 3);
    expect(costOf(batch, { inputs: FULL_BATCH })).toBe(500 * (1 + 1 + 2));
    // Unknown inputs cost a full batch of the largest payloads.
    expect(costOf(batch, {})).toBe(500 * (1 + 1 + 256));
  });

  it('counts each value once per item of the lists around it', () => {
    // hooks: the connection + pageInfo (1 + 2 scalars) + 10 nodes × (1 + id)
    expect(costOf('{ hooks(first: 10) { pageInfo { endCursor hasNextPage } nodes { id } } }')).toBe(CONNECTION_COST + 3 + 10 * 2);
    // The default page is 20; a delivery's attempts count a full round of the default schedule (8).
    expect(costOf('{ delivery(id: "d") { attempts { id number } } }')).toBe(1 + 8 * 3);
    expect(costOf('{ hooks { nodes { id } } }')).toBe(CONNECTION_COST + 20 * 2);
    // Each connection under a list counts once per parent: 10 hooks' pages of 5 deliveries.
    expect(costOf('{ hooks(first: 10) { nodes { deliveries(first: 5) { nodes { id } } } } }')).toBe(
      CONNECTION_COST + 10 * (1 + CONNECTION_COST + 5 * 2),
    );
  });

  it('sizes `first: $n` by the value of $n, its declared default, or else the argument default', () => {
    const query = 'query Q($n: Int) { hooks(first: $n) { nodes { id } } }';
    expect(costOf(query, { n: 5 })).toBe(CONNECTION_COST + 5 * 2);
    expect(costOf(query, {})).toBe(CONNECTION_COST + 20 * 2);
    expect(costOf('query Q($n: Int = 50) { hooks(first: $n) { nodes { id } } }', {})).toBe(CONNECTION_COST + 50 * 2);
    // Values the resolver refuses cost a full page until it does.
    expect(costOf(query, { n: 1_000_000 })).toBe(CONNECTION_COST + 100 * 2);
    expect(costOf(query, { n: 'many' })).toBe(CONNECTION_COST + 100 * 2);
  });

  it('counts fragments where they are spread, and walks a fragment spread many times once', () => {
    expect(costOf('{ hooks(first: 10) { nodes { ...F } } } fragment F on Hook { id name }')).toBe(CONNECTION_COST + 10 * 3);
    expect(costOf('{ hooks(first: 10) { nodes { ... on Hook { id } } } }')).toBe(CONNECTION_COST + 10 * 2);
    // 2^40 spreads of F0 if walked naively: the cost is computed at once all the same.
    const chain = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    expect(costOf(`{ ...F0 } ${chain} fragment F40 on Query { eventTypes { name } }`)).toBe(2 ** 40 * 200);
  });

  it('lets introspection through for free', () => {
    expect(costOf(getIntrospectionQuery())).toBe(0);
  });

  it('sizes every list of objects in the schema, and nothing else', () => {
    const unsized: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const listOfObjects = isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type));
        const sized = field.args.some((arg) => arg.name === 'first') || (type.name.endsWith('Connection') && field.name === 'nodes');
        if (listOfObjects && !sized && !(`${type.name}.${field.name}` in LIST_SIZES)) unsized.push(`${type.name}.${field.name}`);
      }
    }
    expect(unsized).toEqual([]);
    for (const coordinate of Object.keys(LIST_SIZES)) {
      const [typeName, fieldName] = coordinate.split('.');
      const type = schema.getType(typeName!);
      expect(isObjectType(type) && type.getFields()[fieldName!], coordinate).toBeTruthy();
    }
  });
});
