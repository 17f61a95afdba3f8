import { parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/principal';
import type { GraphQLContext } from '../../src/graphql/context';
import type { Loaders } from '../../src/history/loaders';
import { pubSubOver, type HookwirePubSub, type Target } from '../../src/realtime/pubsub';
import type { EventMessage } from '../../src/realtime/topics';
import { buildHookwireSchema } from '../../src/server/schema';
import { createSharedSubscriptions, type SharedSubscriptions } from '../../src/server/shared-subscriptions';
import type { Services } from '../../src/services';

/** An in-process EventTarget that counts its listeners: one per group is the point. */
class CountingTarget extends EventTarget implements Target {
  listeners = 0;
  override addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners++;
    super.addEventListener(type, listener);
  }
  override removeEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners--;
    super.removeEventListener(type, listener);
  }
}

const reader: Principal = { keyId: 'key_reader', name: 'reader', scopes: ['READ'] };
// The feed validates its types against the catalogue; these tests are about sharing, so every type passes.
const services = () => ({ pubSub, eventTypes: { validateSelection: async (types: readonly string[]) => [...types] } }) as unknown as Services;
const contextOf = (principal: Principal | null): GraphQLContext => ({ principal, services: services(), loaders: {} as Loaders, requestId: 'test' });
const USERS = 'subscription { events(types: ["User.*"]) { id event } }';

let target: CountingTarget;
let pubSub: HookwirePubSub;
let schema: GraphQLSchema;
let shared: SharedSubscriptions;
let published = 0;

beforeAll(async () => {
  target = new CountingTarget();
  pubSub = pubSubOver(target, '');
  schema = await buildHookwireSchema(pubSub);
});

function start(bufferSize = 100): void {
  shared = createSharedSubscriptions({
    contextKey: (context) => (context as GraphQLContext).principal?.keyId ?? '',
    bufferSize,
  });
}

async function subscribe(query: string, variables?: Record<string, unknown>, principal: Principal | null = reader) {
  const result = await shared.subscribe({ schema, document: parse(query), variableValues: variables, contextValue: contextOf(principal) });
  if (!(Symbol.asyncIterator in result)) throw new Error(`not started: ${JSON.stringify(result)}`);
  return result as Required<AsyncIterableIterator<ExecutionResult>>;
}

function publish(event: string): EventMessage {
  const message = { id: `evt_${++published}`, event, payload: { n: published }, idempotencyKey: null, createdAt: new Date(0).toISOString() };
  pubSub.publish('EVENT_EMITTED', message);
  return message;
}

/** Lets the group read its source and execute (a few microtasks and a turn). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('shared subscriptions', () => {
  it('executes once per group: identical subscriptions share one listener and one result', async () => {
    start();
    const first = await subscribe(USERS);
    const second = await subscribe(USERS);
    expect(shared.groupCount()).toBe(1);
    await settle();
    expect(target.listeners).toBe(1);
    const message = publish('User.Created');
    const [a, b] = await Promise.all([first.next(), second.next()]);
    expect(a.value).toEqual({ data: { events: { id: message.id, event: 'User.Created' } } });
    expect(a.value).toBe(b.value);
    await Promise.all([first.return(), second.return()]);
  });

  it('gives subscribers with different selections or types exactly what each asked for', async () => {
    start();
    const users = await subscribe(USERS);
    const roles = await subscribe('subscription Roles($types: [String!]) { events(types: $types) { payload } }', { types: ['Role.Created'] });
    const everything = await subscribe('subscription { events { id } }');
    expect(shared.groupCount()).toBe(3);
    await settle();
    const user = publish('User.Created');
    const role = publish('Role.Created');
    publish('Role.Deleted');
    const next = async (stream: AsyncIterator<ExecutionResult>) => (await stream.next()).value;
    expect(await next(users)).toEqual({ data: { events: { id: user.id, event: 'User.Created' } } });
    expect(await next(roles)).toEqual({ data: { events: { payload: role.payload } } });
    expect(await next(everything)).toEqual({ data: { events: { id: user.id } } });
    expect(await next(everything)).toEqual({ data: { events: { id: role.id } } });
    // Nothing else is waiting for `users` and `roles`: the next User and Role events come next.
    const laterUser = publish('User.Deleted');
    const laterRole = publish('Role.Created');
    expect(await next(users)).toEqual({ data: { events: { id: laterUser.id, event: 'User.Deleted' } } });
    expect(await next(roles)).toEqual({ data: { events: { payload: laterRole.payload } } });
    await Promise.all([users.return(), roles.return(), everything.return()]);
  });

  it('keeps callers with different keys in different groups', async () => {
    start();
    const mine = await subscribe(USERS);
    const theirs = await subscribe(USERS, undefined, { keyId: 'key_other', name: 'other', scopes: ['ADMIN'] });
    expect(shared.groupCount()).toBe(2);
    await Promise.all([mine.return(), theirs.return()]);
  });

  it('decides authorisation per subscriber, when it subscribes', async () => {
    start();
    const open = await subscribe(USERS);
    const attempt = async (principal: Principal | null) =>
      (await shared.subscribe({ schema, document: parse(USERS), contextValue: contextOf(principal) })) as ExecutionResult;
    const anonymous = await attempt(null);
    expect(anonymous.errors?.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
    const emitter = await attempt({ keyId: 'key_reader', name: 'same id, fewer scopes', scopes: ['EMIT'] });
    expect(emitter.errors?.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);
    expect(shared.groupCount()).toBe(1);
    await open.return();
  });

  it('ends a group, and its listener, when the last member leaves', async () => {
    start();
    await settle();
    const before = target.listeners;
    const first = await subscribe(USERS);
    const second = await subscribe(USERS);
    await settle();
    expect(target.listeners).toBe(before + 1);
    await first.return();
    expect(shared.groupCount()).toBe(1);
    await second.return();
    expect(shared.groupCount()).toBe(0);
    await settle();
    expect(target.listeners).toBe(before);
    // A new subscriber starts a new group.
    const third = await subscribe(USERS);
    expect(shared.groupCount()).toBe(1);
    await third.return();
  });

  it('keeps a slow subscriber’s newest results without holding up the others', async () => {
    start(2);
    const slow = await subscribe(USERS);
    const fast = await subscribe(USERS);
    await settle();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const waiting = fast.next();
      ids.push(publish('User.Created').id);
      expect((await waiting).value?.data).toEqual({ events: { id: ids[i], event: 'User.Created' } });
    }
    const kept = [(await slow.next()).value, (await slow.next()).value];
    expect(kept.map((result) => (result?.data?.events as { id: string }).id)).toEqual(ids.slice(-2));
    await Promise.all([slow.return(), fast.return()]);
  });

  it('hands results to a bypass while the reader is idle, and queues them when it declines', async () => {
    start();
    const stream = await subscribe(USERS);
    let accept = true;
    const bypassed: ExecutionResult[] = [];
    shared.bypass(stream, (result) => {
      if (accept) bypassed.push(result);
      return accept;
    });
    await settle();
    const waiting = stream.next(); // the reader is idle: it has sent everything so far
    const taken = publish('User.Created');
    await settle();
    expect(bypassed.map((result) => result.data)).toEqual([{ events: { id: taken.id, event: 'User.Created' } }]);
    accept = false;
    const queued = publish('User.Created');
    expect((await waiting).value?.data).toEqual({ events: { id: queued.id, event: 'User.Created' } });
    // The reader is busy now (it has not asked for more): results queue and keep their order.
    accept = true;
    const later = publish('User.Created');
    await settle();
    expect(bypassed).toHaveLength(1);
    expect((await stream.next()).value?.data).toEqual({ events: { id: later.id, event: 'User.Created' } });
    await stream.return();
  });
});
