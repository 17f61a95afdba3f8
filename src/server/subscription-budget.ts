import type { GraphQLError } from 'graphql';
import { SubscriptionBudgetError, TooManySubscriptionsError } from '../errors';
import { MAX_QUERY_COST } from './query-cost';

/**
 * The live subscriptions one WebSocket connection may hold. Each runs once per event, and
 * distinct aliases keep identical ones from sharing an execution (shared-subscriptions.ts).
 */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 100;
/** The live subscriptions one API key may hold on one api process, over all its connections. */
export const MAX_SUBSCRIPTIONS_PER_KEY = 500;
/** The WebSocket connections one API key may hold open on one api process. */
export const MAX_CONNECTIONS_PER_KEY = 100;
/**
 * The most one key's live subscriptions on one process may cost together (query-cost.ts):
 * each is executed again for every event, so together they are what one event costs the key.
 */
export const MAX_SUBSCRIPTION_COST_PER_KEY = MAX_QUERY_COST;

/** What a connection over {@link MAX_CONNECTIONS_PER_KEY} is closed with (graphql-ws's client does not retry 4429). */
export const TOO_MANY_CONNECTIONS_CLOSE = { code: 4429, reason: 'Too many connections for this API key' } as const;

interface KeyUsage {
  connections: number;
  subscriptions: number;
  cost: number;
}

/** Counts, per API key on this process, the connections and live subscriptions it holds and what they cost. */
export interface SubscriptionBudget {
  /** Counts a connection of `keyId`; false (nothing counted) when the key holds its most already. */
  connect(keyId: string): boolean;
  /** Uncounts a connection `connect` accepted. */
  disconnect(keyId: string): void;
  /**
   * Charges subscription `id` of connection `socket` (authenticated as `keyId`) costing `cost`,
   * or returns why it may not start (nothing charged).
   */
  reserve(keyId: string, socket: object, id: string, cost: number): GraphQLError | null;
  /** Gives back what subscription `id` of `socket` was charged; nothing when it was not. */
  release(socket: object, id: string): void;
  /** Gives back everything charged to `socket`'s subscriptions. */
  releaseAll(socket: object): void;
}

/** A budget with the limits above. */
export function createSubscriptionBudget(): SubscriptionBudget {
  const keys = new Map<string, KeyUsage>();
  // Per connection: its key and each charged subscription's cost.
  const sockets = new WeakMap<object, { keyId: string; costs: Map<string, number> }>();
  const usage = (keyId: string) => {
    let found = keys.get(keyId);
    if (!found) keys.set(keyId, (found = { connections: 0, subscriptions: 0, cost: 0 }));
    return found;
  };
  const forgetIdle = (keyId: string, found: KeyUsage) => {
    if (found.connections === 0 && found.subscriptions === 0) keys.delete(keyId);
  };
  const release = (socket: object, id: string) => {
    const charged = sockets.get(socket);
    const cost = charged?.costs.get(id);
    if (!charged || cost === undefined) return;
    charged.costs.delete(id);
    const found = usage(charged.keyId);
    found.subscriptions--;
    found.cost -= cost;
    forgetIdle(charged.keyId, found);
  };
  return {
    connect(keyId) {
      const found = usage(keyId);
      if (found.connections >= MAX_CONNECTIONS_PER_KEY) return false;
      found.connections++;
      return true;
    },
    disconnect(keyId) {
      const found = usage(keyId);
      found.connections--;
      forgetIdle(keyId, found);
    },
    reserve(keyId, socket, id, cost) {
      let charged = sockets.get(socket);
      if (!charged) sockets.set(socket, (charged = { keyId, costs: new Map() }));
      if (charged.costs.size >= MAX_SUBSCRIPTIONS_PER_SOCKET) return new TooManySubscriptionsError('connection', MAX_SUBSCRIPTIONS_PER_SOCKET);
      const found = usage(keyId);
      if (found.subscriptions >= MAX_SUBSCRIPTIONS_PER_KEY) return new TooManySubscriptionsError('key', MAX_SUBSCRIPTIONS_PER_KEY);
      if (found.cost + cost > MAX_SUBSCRIPTION_COST_PER_KEY) {
        return new SubscriptionBudgetError(cost, found.cost, MAX_SUBSCRIPTION_COST_PER_KEY);
      }
      charged.costs.set(id, cost);
      found.subscriptions++;
      found.cost += cost;
      return null;
    },
    release,
    releaseAll(socket) {
      for (const id of [...(sockets.get(socket)?.costs.keys() ?? [])]) release(socket, id);
    },
  };
}
