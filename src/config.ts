import { pino } from 'pino';
import { parseCidrs } from './delivery/address-guard';
import { DEFAULT_RETRY_SCHEDULE } from './delivery/retry-policy';
import { parseByteSize, parseDuration, parseDurationList } from './util/duration';

/** Which parts of hookwire a process runs: `api` serves GraphQL, `worker` sends, `all` both. */
export type Role = 'api' | 'worker' | 'all';

/** Everything hookwire reads from its environment, validated and typed once at boot. */
export interface Config {
  /** `PORT`: the HTTP and WebSocket port (0 picks a free one). Default 4000. */
  port: number;
  /** `HOST`: the interface to listen on. Default: all interfaces. */
  host: string | undefined;
  /** `DATABASE_URL`: `postgres://…` for PostgreSQL; a SQLite file path (or `file:` URL) otherwise. Default `./data/hookwire.db`. */
  database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; schema?: string };
  /** `REDIS_URL`: carries the live feed between processes when set. */
  redisUrl: string | undefined;
  /** `HOOKWIRE_ADMIN_KEY`: a key with every scope. When unset, one is generated on an empty database. */
  adminKey: string | undefined;
  /** `HOOKWIRE_ROLE`: `api`, `worker` or `all` (default). */
  role: Role;
  /** `HOOKWIRE_REQUEST_TIMEOUT`: the whole-request deadline of one delivery attempt. Default 10s. */
  requestTimeoutMs: number;
  /** `HOOKWIRE_RETRY_SCHEDULE`: waits before attempts 2, 3, …. Default `5s,5m,30m,2h,5h,10h,10h`. */
  retryDelaysMs: number[];
  /** `HOOKWIRE_MAX_RETRY_AFTER`: the longest `Retry-After` hookwire will honour. Default 1h. */
  maxRetryAfterMs: number;
  /** `HOOKWIRE_ALLOW_PRIVATE_TARGETS`: deliver to loopback and private addresses. Default false. */
  allowPrivateTargets: boolean;
  /** `HOOKWIRE_ALLOWED_CIDRS`: comma-separated ranges exempt from the private-address guard. */
  allowedCidrs: string[];
  /** `HOOKWIRE_MAX_PAYLOAD_BYTES`: the largest event payload accepted. Default 256 KiB. */
  maxPayloadBytes: number;
  /** `HOOKWIRE_MAX_UNSENT_BYTES`: how far (in bytes) a WebSocket client may fall behind before it is closed with 4008. Default 4 MiB. */
  maxUnsentBytes: number;
  /** `HOOKWIRE_MAX_RESPONSE_BYTES`: how much of an endpoint's answer is read and stored. Default 4 KiB. */
  maxResponseBytes: number;
  /**
   * `HOOKWIRE_MAX_RESPONSE_PAYLOAD_BYTES`: how many bytes of stored payloads, request bodies and
   * response bodies one answer (one subscription event) may carry; the fields past it fail with
   * RESPONSE_TOO_LARGE before they are parsed (the first such field of an answer is always sent). Default 4 MiB.
   */
  maxResponsePayloadBytes: number;
  /** `HOOKWIRE_MAX_CONNECTIONS_PER_KEY`: WebSocket connections one API key may hold open on one api process. Default 1000. */
  maxConnectionsPerKey: number;
  /** `HOOKWIRE_MAX_SUBSCRIPTIONS_PER_KEY`: live subscriptions one API key may hold on one api process. Default 5000. */
  maxSubscriptionsPerKey: number;
  /** `HOOKWIRE_CONCURRENCY`: requests in flight per worker process. Default 128. */
  concurrency: number;
  /** `HOOKWIRE_HOOK_CONCURRENCY`: requests in flight to one hook per worker process. Default 16. */
  hookConcurrency: number;
  /** `HOOKWIRE_LEASE`: how long a claimed delivery stays locked to its worker. Default 60s. */
  leaseMs: number;
  /** `HOOKWIRE_POLL_INTERVAL`: the slow poll for due retries; new events wake the worker at once. Default 1s. */
  pollIntervalMs: number;
  /** `HOOKWIRE_SHUTDOWN_GRACE`: how long SIGTERM waits for in-flight requests. Default 10s. */
  shutdownGraceMs: number;
  /** `HOOKWIRE_RETENTION`: events and delivery attempts older than this are deleted (an event with a waiting delivery is kept). Default 30d. */
  retentionMs: number;
  /** `HOOKWIRE_DISABLE_AFTER`: a hook whose attempts all failed for this long (and at least 5 times) is disabled. Default 5d. */
  disableAfterMs: number;
  /** `LOG_LEVEL`: one of pino's levels (`LOG_LEVELS`). Default `info`. */
  logLevel: string;
}

/** The values `LOG_LEVEL` accepts: pino's levels, quietest last. */
export const LOG_LEVELS: readonly string[] = [...Object.keys(pino.levels.values).sort((a, b) => pino.levels.values[b] - pino.levels.values[a]), 'silent'];

/**
 * A setting hookwire cannot run with. Its message names the variable and what it accepts;
 * `npm start` prints it as one line and exits, without a stack (the stack is ours, not the operator's).
 */
export class ConfigError extends Error {
  constructor(
    /** The environment variable at fault. */
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the environment; throws a ConfigError naming the variable at fault. */
export function loadConfig(env: Env = process.env): Config {
  const read = <T>(name: string, fallback: string, parse: (text: string) => T): T => {
    const raw = env[name];
    const text = raw === undefined || raw === '' ? fallback : raw;
    try {
      return parse(text);
    } catch (error) {
      throw new ConfigError(name, (error as Error).message);
    }
  };
  const config: Config = {
    port: read('PORT', '4000', (t) => integer(t, 0, 65535)),
    host: env.HOST || undefined,
    database: read('DATABASE_URL', './data/hookwire.db', parseDatabaseUrl),
    redisUrl: env.REDIS_URL || undefined,
    adminKey: read('HOOKWIRE_ADMIN_KEY', '', (t) => (t === '' ? undefined : minLength(t, 16))),
    role: read('HOOKWIRE_ROLE', 'all', (t) => oneOf(t, ['api', 'worker', 'all'] as const)),
    requestTimeoutMs: read('HOOKWIRE_REQUEST_TIMEOUT', '10s', positiveDuration),
    retryDelaysMs: read('HOOKWIRE_RETRY_SCHEDULE', DEFAULT_RETRY_SCHEDULE, parseDurationList),
    maxRetryAfterMs: read('HOOKWIRE_MAX_RETRY_AFTER', '1h', parseDuration),
    allowPrivateTargets: read('HOOKWIRE_ALLOW_PRIVATE_TARGETS', 'false', boolean),
    allowedCidrs: read('HOOKWIRE_ALLOWED_CIDRS', '', (t) => {
      const cidrs = list(t);
      parseCidrs(cidrs); // throws naming the malformed entry
      return cidrs;
    }),
    maxPayloadBytes: read('HOOKWIRE_MAX_PAYLOAD_BYTES', '256KiB', parseByteSize),
    maxUnsentBytes: read('HOOKWIRE_MAX_UNSENT_BYTES', '4MiB', parseByteSize),
    maxResponseBytes: read('HOOKWIRE_MAX_RESPONSE_BYTES', '4KiB', parseByteSize),
    maxResponsePayloadBytes: read('HOOKWIRE_MAX_RESPONSE_PAYLOAD_BYTES', '4MiB', parseByteSize),
    maxConnectionsPerKey: read('HOOKWIRE_MAX_CONNECTIONS_PER_KEY', '1000', (t) => integer(t, 1, 100_000)),
    maxSubscriptionsPerKey: read('HOOKWIRE_MAX_SUBSCRIPTIONS_PER_KEY', '5000', (t) => integer(t, 1, 1_000_000)),
    concurrency: read('HOOKWIRE_CONCURRENCY', '128', (t) => integer(t, 1, 10_000)),
    hookConcurrency: read('HOOKWIRE_HOOK_CONCURRENCY', '16', (t) => integer(t, 1, 10_000)),
    leaseMs: read('HOOKWIRE_LEASE', '60s', positiveDuration),
    pollIntervalMs: read('HOOKWIRE_POLL_INTERVAL', '1s', positiveDuration),
    shutdownGraceMs: read('HOOKWIRE_SHUTDOWN_GRACE', '10s', parseDuration),
    retentionMs: read('HOOKWIRE_RETENTION', '30d', positiveDuration),
    disableAfterMs: read('HOOKWIRE_DISABLE_AFTER', '5d', positiveDuration),
    logLevel: read('LOG_LEVEL', 'info', (t) => oneOf(t, LOG_LEVELS)),
  };
  if (config.leaseMs <= config.requestTimeoutMs) {
    throw new ConfigError('HOOKWIRE_LEASE', 'must be longer than HOOKWIRE_REQUEST_TIMEOUT, or a slow attempt could be sent twice');
  }
  if (config.maxUnsentBytes < config.maxPayloadBytes + 64 * 1024) {
    throw new ConfigError('HOOKWIRE_MAX_UNSENT_BYTES', 'must be at least HOOKWIRE_MAX_PAYLOAD_BYTES + 64KiB, or one large event could close a subscriber that keeps up');
  }
  return Object.freeze(config);
}

// A URL scheme: letters, then `:`. One letter is a Windows drive (`C:\data`), not a scheme.
const URL_SCHEME = /^([a-z][a-z0-9+.-]+):/i;
const SQLITE_SCHEMES = ['file', 'sqlite'];

function parseDatabaseUrl(text: string): Config['database'] {
  if (/^postgres(ql)?:\/\//.test(text)) {
    // `?schema=x` selects a PostgreSQL schema; tests use it to get a fresh one per run.
    const url = new URL(text);
    const schema = url.searchParams.get('schema') ?? undefined;
    url.searchParams.delete('schema');
    return { kind: 'postgres', url: url.toString(), schema };
  }
  const scheme = URL_SCHEME.exec(text)?.[1];
  if (scheme !== undefined && !SQLITE_SCHEMES.includes(scheme.toLowerCase())) {
    throw new Error(`"${scheme}:" is not supported: give a postgres:// (or postgresql://) URL, or a SQLite file path (or file: URL)`);
  }
  const path = text.replace(/^(file|sqlite):(\/\/)?/i, '');
  if (path === '') throw new Error('a SQLite database needs a file path');
  return { kind: 'sqlite', path };
}

function integer(text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`"${text}" is not a whole number from ${min} to ${max}`);
  }
  return value;
}

function positiveDuration(text: string): number {
  const ms = parseDuration(text);
  if (ms <= 0) throw new Error('must be longer than zero');
  return ms;
}

function boolean(text: string): boolean {
  if (/^(true|1|yes)$/i.test(text)) return true;
  if (/^(false|0|no)$/i.test(text)) return false;
  throw new Error(`"${text}" is not true or false`);
}

function list(text: string): string[] {
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

function oneOf<T extends string>(text: string, options: readonly T[]): T {
  if (!(options as readonly string[]).includes(text)) throw new Error(`"${text}" is not one of ${options.join(', ')}`);
  return text as T;
}

function minLength(text: string, length: number): string {
  if (text.length < length) throw new Error(`must be at least ${length} characters`);
  return text;
}
