import { keysInGrace } from '../delivery/signer';
import type { Hook } from '../db/tables/hook.entity';
import type { HookNode } from './hook.types';

/** The GraphQL form of a hook. */
export function toHookNode(hook: Hook): HookNode {
  return {
    id: hook.id,
    name: hook.name,
    events: hook.events,
    url: hook.url,
    headers: hook.headers,
    enabled: hook.enabled,
    ordered: hook.ordered,
    rateLimit: hook.rateLimit ?? null,
    signingKey: hook.signingKey,
    retiredSigningKeys: keysInGrace(hook.retiredSigningKeys, new Date()).map((retired) => ({ key: retired.key, expiresAt: new Date(retired.expiresAt) })),
    createdAt: hook.createdAt,
    updatedAt: hook.updatedAt,
    disabledAt: hook.disabledAt ?? null,
    disabledReason: hook.disabledReason ?? null,
    failingSince: hook.failingSince ?? null,
  };
}
