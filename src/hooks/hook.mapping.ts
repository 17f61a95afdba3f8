import type { Hook } from './hook.entity';
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
    signingKey: hook.signingKey,
    createdAt: hook.createdAt,
    updatedAt: hook.updatedAt,
    disabledAt: hook.disabledAt ?? null,
    disabledReason: hook.disabledReason ?? null,
  };
}
