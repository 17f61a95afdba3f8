import type { GraphQLError } from 'graphql';
import { SubscriptionBudgetError, TooManySubscriptionsError } from '../errors';
import { MAX_QUERY_COST } from './query-cost';

/**
 * The live subscriptions one WebSocket connection may hold. Each runs once per event, and
 * distinct aliases keep identical ones from sharing an execution (shared-subscriptions.ts).
 */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 100;
/**
 * What one API key may hold on one api process, over all its connections (config.ts:
 * `HOOKWIRE_MAX_CONNECTIONS_PER_KEY`, default 1,000 — a dashboard's key shared by a thousand
 * open pages, as the live-feed benchmark runs; `HOOKWIRE_MAX_SUBSCRIPTIONS_PER_KEY`, default
 * 5,000 — identical subscriptions share an execution, so past the first each costs a socket
 * write per event).
 */
export interface KeyLimits {
  connectionsPerKey: number;
  subscriptionsPerKey: number;
}
/**
 * The most one key's live subscriptions on one process may cost together (query-cost.ts):
 * each distinct one is executed again for every event, so together they are what one event
 * costs the key. Identical subscriptions (the same document and variables) share one execution
 * and are charged once (`shareKey` in shared-subscriptions.ts).
 */
export const MAX_SUBSCRIPTION_COST_PER_KEY = MAX_QUERY_COST;

/** What a connection over {@link KeyLimits.connectionsPerKey} is closed with (graphql-ws's client does not retry 4429). */
export const TOO_MANY_CONNECTIONS_CLOSE = { code: 4429, reason: 'Too many connections for this API key' } as const;

interface KeyUsage {
  connections: number;
  subscriptions: number;
  cost: number;
  /** The live subscriptions of each shared group (same document and variables): charged once. */
  groups: Map<string, number>;
}

/** Counts, per API key on this process, the connections and live subscriptions it holds and what they cost. */
export interface SubscriptionBudget {
  /** Counts a connection of `keyId`; false (nothing counted) when the key holds its most already. */
  connect(keyId: string): boolean;
  /** Uncounts a connection `connect` accepted. */
  disconnect(keyId: string): void;
  /**
   * Charges subscription `id` of connection `socket` (authenticated as `keyId`) costing `cost`,
   * unless a live subscription of the key's in the same shared `group` already paid for the
   * execution; or returns why it may not start (nothing charged).
   */
  reserve(keyId: string, socket: object, id: string, cost: number, group: string): GraphQLError | null;
  /** Gives back what subscription `id` of `socket` was charged; nothing when it was not. */
  release(socket: object, id: string): void;
  /** Gives back everything charged to `socket`'s subscriptions. */
  releaseAll(socket: object): void;
}

/** A budget with the limits above. */
export function createSubscriptionBudget(limits: KeyLimits): SubscriptionBudget {
  const keys = new Map<string, KeyUsage>();
  // Per connection: its key and each live subscription's group and cost.
  const sockets = new WeakMap<object, { keyId: string; costs: Map<string, { group: string; cost: number }> }>();
  const usage = (keyId: string) => {
    let found = keys.get(keyId);
    if (!found) keys.set(keyId, (found = { connections: 0, subscriptions: 0, cost: 0, groups: new Map() }));
    return found;
  };
  const forgetIdle = (keyId: string, found: KeyUsage) => {
    if (found.connections === 0 && found.subscriptions === 0) keys.delete(keyId);
  };
  const release = (socket: object, id: string) => {
    const charged = sockets.get(socket);
    const live = charged?.costs.get(id);
    if (!charged || live === undefined) return;
    charged.costs.delete(id);
    const found = usage(charged.keyId);
    found.subscriptions--;
    const members = (found.groups.get(live.group) ?? 1) - 1;
    if (members > 0) found.groups.set(live.group, members);
    else {
      found.groups.delete(live.group);
      found.cost -= live.cost;
    }
    forgetIdle(charged.keyId, found);
  };
  return {
    connect(keyId) {
      const found = usage(keyId);
      if (found.connections >= limits.connectionsPerKey) return false;
      found.connections++;
      return true;
    },
    disconnect(keyId) {
      const found = usage(keyId);
      found.connections--;
      forgetIdle(keyId, found);
    },
    reserve(keyId, socket, id, cost, group) {
      let charged = sockets.get(socket);
      if (!charged) sockets.set(socket, (charged = { keyId, costs: new Map() }));
      if (charged.costs.size >= MAX_SUBSCRIPTIONS_PER_SOCKET) return new TooManySubscriptionsError('connection', MAX_SUBSCRIPTIONS_PER_SOCKET);
      const found = usage(keyId);
      if (found.subscriptions >= limits.subscriptionsPerKey) return new TooManySubscriptionsError('key', limits.subscriptionsPerKey);
      const members = found.groups.get(group) ?? 0;
      if (members === 0 && found.cost + cost > MAX_SUBSCRIPTION_COST_PER_KEY) {
        return new SubscriptionBudgetError(cost, found.cost, MAX_SUBSCRIPTION_COST_PER_KEY);
      }
      charged.costs.set(id, { group, cost });
      found.subscriptions++;
      found.groups.set(group, members + 1);
      if (members === 0) found.cost += cost;
      return null;
    },
    release,
    releaseAll(socket) {
      for (const id of [...(sockets.get(socket)?.costs.keys() ?? [])]) release(socket, id);
    },
  };
}
