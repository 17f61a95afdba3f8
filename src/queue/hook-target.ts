import type { DeliveryJob } from '../delivery/job';
import { readBoolean, readJson } from '../db/sql-values';

/** The part of a job its hook decides: where it goes, with which headers, signed by which keys. */
export type HookTarget = Pick<DeliveryJob, 'hookId' | 'url' | 'headers' | 'signingKey' | 'retiredSigningKeys' | 'rateLimit' | 'ordered'>;

/** The SQL columns of `hooks` that {@link hookTargetFromRow} reads, for a table aliased `h`. */
export const HOOK_TARGET_COLUMNS = 'h.url, h.headers, h.signing_key, h.retired_signing_keys, h.rate_limit, h.ordered';

/** Reads a hook's target from a row holding {@link HOOK_TARGET_COLUMNS}. */
export function hookTargetFromRow(hookId: string, row: Record<string, unknown>): HookTarget {
  return {
    hookId,
    url: String(row.url),
    headers: readJson(row.headers),
    signingKey: String(row.signing_key),
    retiredSigningKeys: readJson(row.retired_signing_keys),
    rateLimit: readRateLimit(row.rate_limit),
    ordered: readBoolean(row.ordered),
  };
}

/** A hook's stored `rate_limit`: requests per second, or null for none. */
export function readRateLimit(value: unknown): number | null {
  return value == null ? null : Number(value);
}
