import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isUnionType,
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { MAX_SERIES_HOURS } from '../history/overview.service';
import { DEFAULT_RETRY_DELAYS } from '../delivery/retry-policy';
import { OWN_HEADER_NAMES } from '../delivery/request-builder';
import { MAX_BATCH } from '../events/event.service';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../db/page';
import { MAX_HEADERS } from '../hooks/hook-validation';
import { echoedWeights, type FieldWeights } from './field-weights';

/**
 * The largest cost an operation may have. The SDK's and the console's largest operation at its
 * largest page is the SDK's `Events` at `first: 100`: 100 payloads of up to 256 KiB (26,204 at
 * the default limits); every other one costs under 17,000 (`Hooks`, 16,404). Ten pages of 100
 * payloads behind aliases cost 258,000 (25,800 each), one hook's 100 deliveries with every
 * attempt's request body 208,201 (test/unit/query-cost.test.ts pins these). A value costs about what
 * 100 bytes of payload do (CPU and memory, `bench/expensive-read.ts`), so 30,000 values take
 * about 0.2 s of CPU; a page of 100 payloads of 256 KiB took 0.2 s (one long string each) to
 * 0.94 s (31,000 small objects each) and 140 to 220 MB.
 */
export const MAX_QUERY_COST = 30_000;

/**
 * What a connection costs besides its nodes: its page and count statements. Loaded once per
 * parent, a connection of one node took 0.88 ms of CPU on SQLite (3,000 took 2.65 s and
 * ~200 MB), about what 100 values cost (7.3 µs each: 158,000 took 1.15 s); batched per page of
 * parents (loaders.ts), 0.17 ms (1,500 took 0.26 s). At this weight 294 one-node connections
 * (102 each) fit {@link MAX_QUERY_COST}: about 0.26 s unbatched. The weight stays at the
 * unbatched figure: a connection whose arguments differ from its siblings' (aliases) is still a
 * statement pair of its own.
 */
export const CONNECTION_COST = 100;

/**
 * How many items a list field without `first` returns at most, by `Type.field`. Where the
 * schema or the engine sets a bound, it is that bound; where nothing does, a declared estimate.
 * A list field missing here counts as a full page ({@link MAX_PAGE_SIZE}).
 */
export const LIST_SIZES: Readonly<Record<string, number>> = Object.freeze({
  // One round of the default retry schedule. A redelivery (ADMIN only) starts another round,
  // so a delivery can hold more; rounds beyond the first are rare enough to be an estimate.
  'Delivery.attempts': DEFAULT_RETRY_DELAYS.length + 1,
  // A hook's custom headers plus those hookwire sets on every attempt.
  'AttemptRequest.headers': MAX_HEADERS + OWN_HEADER_NAMES.size,
  'Hook.headers': MAX_HEADERS,
  // One per rotation within the grace period (at most 7 days): an estimate.
  'Hook.retiredSigningKeys': 5,
  // Logto's catalogue (~30) plus custom types: an estimate.
  'Query.eventTypes': 100,
  'Mutation.emitEvents': MAX_BATCH,
  // One point per hour of the series.
  'Query.attemptSeries': MAX_SERIES_HOURS,
});

/**
 * The mutations whose events echo their input, by `Type.field`, with the argument holding it:
 * their payloads (and the bodies sent of them) are those of the request, known before anything
 * runs, so they cost what the request carries rather than what a payload could hold. An
 * idempotent repeat returns the first event, whose input is the same (or it is a CONFLICT).
 */
const ECHOED_INPUTS: Readonly<Record<string, string>> = Object.freeze({
  'Mutation.emitEvent': 'input',
  'Mutation.emitEvents': 'inputs',
});

type Variables = Readonly<Record<string, unknown>> | null | undefined;

interface Walk {
  schema: GraphQLSchema;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Record<string, unknown>;
  visiting: Set<string>;
  weights: FieldWeights;
  /** Each fragment's cost by name and page: a fragment spread twice in each of 30 others is walked once. */
  fragmentCosts: Map<string, number>;
}

/**
 * The cost of one operation: how many values its answer can hold. Every field counts 1, an
 * object or a scalar alike, except a large one, which counts its `weights` (1 per KiB it can
 * hold, see field-weights.ts), once per item of every list around it; a connection counts 100 (its
 * page and count statements) plus its `nodes` `first` times (the variable's value when `first`
 * is one, else the argument's default, at most {@link MAX_PAGE_SIZE}); other lists count
 * {@link LIST_SIZES} times. Introspection (`__schema`, `__type`, `__typename`) is free: its size
 * is the schema's. Unknown fields and fragments count nothing; validation reports them.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables?: Variables,
  weights: FieldWeights = {},
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  // A variable the request leaves out takes the default its definition declares.
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) values[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  Object.assign(values, variables ?? {});
  return selectionCost({ schema, fragments, variables: values, weights, visiting: new Set(), fragmentCosts: new Map() }, operation.selectionSet, root, 1);
}

/** The fragment definitions of a document, by name. */
export function fragmentsOf(definitions: readonly { kind: Kind }[]): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      fragments[fragment.name.value] = fragment;
    }
  }
  return fragments;
}

// `page` is the `first` of the connection whose fields these are: it sizes `nodes`.
function selectionCost(walk: Walk, selectionSet: SelectionSetNode, parent: GraphQLCompositeType, page: number): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += fieldCost(walk, selection, parent, page);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value;
      const type = typeName ? walk.schema.getType(typeName) : parent;
      if (type && isCompositeType(type)) cost += selectionCost(walk, selection.selectionSet, type, page);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments[name];
      const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      // A fragment spreading itself is reported by graphql-js's own rules.
      if (!fragment || !type || !isCompositeType(type) || walk.visiting.has(name)) continue;
      const key = `${name}:${page}`;
      let fragmentCost = walk.fragmentCosts.get(key);
      if (fragmentCost === undefined) {
        walk.visiting.add(name);
        fragmentCost = selectionCost(walk, fragment.selectionSet, type, page);
        walk.visiting.delete(name);
        walk.fragmentCosts.set(key, fragmentCost);
      }
      cost += fragmentCost;
    }
  }
  return cost;
}

function fieldCost(walk: Walk, node: FieldNode, parent: GraphQLCompositeType, page: number): number {
  if (node.name.value.startsWith('__') || isUnionType(parent)) return 0;
  const field = parent.getFields()[node.name.value];
  if (!field) return 0;
  const type = getNamedType(field.type);
  const coordinate = `${parent.name}.${field.name}`;
  if (!node.selectionSet || !isCompositeType(type)) return walk.weights[coordinate] ?? 1;
  const echoed = ECHOED_INPUTS[coordinate];
  let listLength: number | undefined;
  if (echoed) {
    const value = argumentValue(walk, node, echoed);
    const inputs = Array.isArray(value) ? (value as unknown[]) : [value];
    if (Array.isArray(value)) listLength = Math.min(value.length, listSize(coordinate));
    // Another weight for the events below: a fresh fragment cache goes with it.
    walk = { ...walk, weights: echoedWeights(walk.weights, inputs), fragmentCosts: new Map() };
  }
  const children = (childPage: number) => selectionCost(walk, node.selectionSet!, type, childPage);
  // A connection is two statements (the page and its count) whatever it selects.
  if (field.args.some((arg) => arg.name === 'first')) return CONNECTION_COST + children(pageArgument(walk, node, field));
  if (!isListType(getNullableType(field.type))) return 1 + children(1);
  const size = parent.name.endsWith('Connection') && field.name === 'nodes' ? page : (listLength ?? listSize(coordinate));
  return size * (1 + children(1));
}

/** The list sizes for `Type.field`: {@link LIST_SIZES}, or a full page for a list nobody sized. */
export function listSize(coordinate: string): number {
  return LIST_SIZES[coordinate] ?? MAX_PAGE_SIZE;
}

function argumentValue(walk: Walk, node: FieldNode, name: string): unknown {
  const argument = node.arguments?.find((arg) => arg.name.value === name);
  return argument ? valueFromASTUntyped(argument.value, walk.variables) : undefined;
}

function pageArgument(walk: Walk, node: FieldNode, field: GraphQLField<unknown, unknown>): number {
  const argument = node.arguments?.find((arg) => arg.name.value === 'first');
  const defaultValue = field.args.find((arg) => arg.name === 'first')?.defaultValue;
  let value: unknown = argument ? valueFromASTUntyped(argument.value, walk.variables) : undefined;
  if (value === undefined || value === null) value = defaultValue ?? DEFAULT_PAGE_SIZE;
  // The resolver refuses anything outside 1…100; until then, a value it would refuse costs a full page.
  if (typeof value !== 'number' || !Number.isInteger(value)) return MAX_PAGE_SIZE;
  return Math.min(Math.max(value, 0), MAX_PAGE_SIZE);
}
