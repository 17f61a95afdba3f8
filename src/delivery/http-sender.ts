import { promises as dns, type LookupAddress, type LookupOptions } from 'node:dns';
import type { IncomingHttpHeaders } from 'node:http';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { StringDecoder } from 'node:string_decoder';
import { Pool } from 'undici';
import { parseHttpUrl } from '../util/http-url';
import { blockedAddressMessage, ipLiteralOf, unsendableUrlMessage, type AddressGuard } from './address-guard';
import type { AttemptOutcome } from './outcome';
import { parseRetryAfter } from './retry-policy';
import type { OutgoingRequest, Sender } from './sender';

/** Options of {@link createHttpSender}. */
export interface HttpSenderOptions {
  /** Which addresses may be connected to (see `createAddressGuard`); the same guard checks a hook's URL when it is saved. */
  guard: AddressGuard;
  /** Response bodies are read up to this many bytes; the rest is discarded. */
  maxResponseBytes: number;
  /** Keep-alive connections kept per origin (scheme + host + port). Default 32. */
  connectionsPerOrigin?: number;
  /** Resolves a host name to all its addresses. Default: `dns.lookup` (the OS resolver); tests inject names. */
  resolveHost?: (hostname: string, options: LookupOptions) => Promise<LookupAddress[]>;
}

/** Thrown from the DNS lookup to abort a connection to a private address. */
class BlockedTargetError extends Error {
  readonly code = 'HOOKWIRE_BLOCKED_TARGET';
}

// Pools hold no sockets once idle, so this only bounds the bookkeeping for one-off origins.
const MAX_ORIGINS = 1000;
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/**
 * A {@link Sender} on undici: one keep-alive `Pool` per origin, POST only,
 * redirects never followed (a 3xx is an `http-error`), no automatic retry.
 *
 * `timeoutMs` is a whole-request deadline: connecting (and waiting for a free pooled
 * connection), the response headers and the capped body must all fit in it.
 *
 * Targets the guard blocks (unless it allows private targets: those not public unicast) are
 * refused: IP-literal hosts before anything is sent, DNS names in the connection's own
 * lookup, so the address checked is the address connected to (no DNS-rebinding gap).
 * A name resolving to several addresses is refused if any of them is private.
 */
export function createHttpSender(options: HttpSenderOptions): Sender {
  const { guard } = options;
  const pools = createPools({
    connections: options.connectionsPerOrigin ?? 32,
    connect: { lookup: guardedLookup(guard, options.resolveHost ?? resolveWithOs) },
  });

  async function attempt(request: OutgoingRequest): Promise<AttemptOutcome> {
    const target = parseHttpUrl(request.url);
    if (!(target instanceof URL)) return { kind: 'blocked', message: unsendableUrlMessage(request.url, target) };
    // net.connect skips the lookup for IP literals, so they are checked here instead.
    const literal = ipLiteralOf(target);
    const reason = literal === null ? null : guard.blockedReason(literal);
    if (literal !== null && reason !== null) return { kind: 'blocked', message: blockedAddressMessage(literal, reason) };

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, request.timeoutMs);
    try {
      const response = await pools.get(target.origin).request({
        path: `${target.pathname}${target.search}`,
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
        headersTimeout: request.timeoutMs,
        bodyTimeout: request.timeoutMs,
      });
      const body = await readCapped(response.body, options.maxResponseBytes);
      return responseOutcome(response.statusCode, response.headers, body);
    } catch (error) {
      return errorOutcome(error, timedOut, request.timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async send(request) {
      const started = performance.now();
      const outcome = await attempt(request);
      return { ...outcome, durationMs: Math.round(performance.now() - started) };
    },
    close: () => pools.closeAll(),
  };
}

/**
 * One keep-alive pool per origin, the least recently used closed beyond `MAX_ORIGINS`.
 * Not undici's Agent: in undici 7.30 a disconnect can make the Agent close the pool
 * that replaced the disconnected one, so after one dropped connection every request
 * opened a new socket (nodejs/undici#5022, fixed upstream by #5034).
 */
function createPools(poolOptions: Pool.Options): { get(origin: string): Pool; closeAll(): Promise<void> } {
  const pools = new Map<string, Pool>();
  let closed = false;
  return {
    get(origin) {
      if (closed) throw Object.assign(new Error('the sender is closed'), { code: 'SENDER_CLOSED' });
      const pool = pools.get(origin) ?? new Pool(origin, poolOptions);
      pools.delete(origin);
      pools.set(origin, pool);
      for (const [oldest, evicted] of pools) {
        if (pools.size <= MAX_ORIGINS) break;
        pools.delete(oldest);
        void evicted.close();
      }
      return pool;
    },
    async closeAll() {
      closed = true;
      const closing = [...pools.values()].map((pool) => pool.close());
      pools.clear();
      await Promise.all(closing);
    },
  };
}

/** A `lookup` for net.connect that fails the connection when any resolved address is blocked. */
function guardedLookup(guard: AddressGuard, resolveHost: NonNullable<HttpSenderOptions['resolveHost']>): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolveHost(hostname, lookupOptions).then(
      (addresses) => {
        for (const { address } of addresses) {
          const reason = guard.blockedReason(address);
          if (reason !== null) return callback(new BlockedTargetError(blockedAddressMessage(address, reason, hostname)), '');
        }
        if (addresses.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
        // Node 20's autoSelectFamily asks for every address; a plain connect asks for one.
        if (lookupOptions.all) return callback(null, addresses);
        return callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

function resolveWithOs(hostname: string, options: LookupOptions): Promise<LookupAddress[]> {
  return dns.lookup(hostname, { ...options, all: true });
}

/** Reads at most `maxBytes`, then destroys the stream (closing that connection) rather than drain a huge body. */
async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body) {
    if (size + chunk.length > maxBytes) {
      chunks.push(chunk.subarray(0, maxBytes - size));
      truncated = true;
      break;
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  if (truncated) body.destroy();
  const bytes = Buffer.concat(chunks);
  // A cut can split a UTF-8 sequence: StringDecoder.write holds back the partial character.
  return truncated ? new StringDecoder('utf8').write(bytes) : bytes.toString('utf8');
}

function responseOutcome(status: number, headers: IncomingHttpHeaders, body: string): AttemptOutcome {
  if (status >= 200 && status < 300) return { kind: 'success', status, body };
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(headers['retry-after'], Date.now());
    if (retryAfterMs !== undefined) return { kind: 'http-error', status, body, retryAfterMs };
  }
  return { kind: 'http-error', status, body };
}

function errorOutcome(error: unknown, timedOut: boolean, timeoutMs: number): AttemptOutcome {
  if (timedOut) return { kind: 'timeout', message: `request timed out after ${timeoutMs} ms` };
  if (error instanceof BlockedTargetError) return { kind: 'blocked', message: error.message };
  const { code, message } = describeError(error);
  if (TIMEOUT_CODES.has(code)) return { kind: 'timeout', message };
  return { kind: 'network', code, message };
}

/** The code and message of a connection error, looking inside AggregateError (autoSelectFamily) and `cause`. */
function describeError(error: unknown): { code: string; message: string } {
  if (!(error instanceof Error)) return { code: 'UNKNOWN', message: String(error) };
  const inner = error instanceof AggregateError ? error.errors.filter((e): e is Error => e instanceof Error) : [];
  if (error.cause instanceof Error) inner.push(error.cause);
  const codes = [error, ...inner].map((e): unknown => (e as Error & { code?: unknown }).code);
  const code = codes.find((c): c is string => typeof c === 'string') ?? 'UNKNOWN';
  return { code, message: error.message || inner.map((e) => e.message).join('; ') || code };
}
