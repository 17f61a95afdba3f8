import { LockMode, type EntityManager } from '@mikro-orm/core';
import { ConflictError, NotFoundError } from '../errors';
import { dialectOf, type Orm } from '../db/database';
import { findPage } from '../db/paginate';
import type { Page } from '../db/page';
import type { HookwirePubSub } from '../realtime/pubsub';
import { ApiKey, type Scope } from '../db/tables/api-key.entity';
import { issueApiKey } from './issue-api-key';
import { hashApiKey, hashesEqual } from '../auth/key-secret';
import type { Principal } from '../auth/principal';

// Found keys are cached briefly so a busy emitter costs no lookup per request. A revocation
// made in this process applies at once, one made by another process as soon as its KEY_REVOKED
// message arrives, and at the latest after this long (should the message be lost).
const CACHE_TTL_MS = 5_000;
const CACHE_LIMIT = 10_000;

/** Why the last admin key cannot be revoked, and the way out. */
const LAST_ADMIN_MESSAGE =
  'this is the last active ADMIN key: create another ADMIN key (or set HOOKWIRE_ADMIN_KEY) before revoking it; ' +
  'an operator locked out can make a new one with `npm run admin-key`';

/** Issues, revokes and checks API keys. */
export class ApiKeyService {
  private cache = new Map<string, { principal: Principal | null; expires: number }>();
  // Bumped by every revocation and `forget`: a lookup that began before one may have read the
  // key as it was, and must not cache it after the revocation cleared it.
  private revocations = 0;
  // Told of every revocation made in this process, directly: KEY_REVOKED travels over the live
  // feed, which drops messages while Redis is down.
  private readonly revokedListeners = new Set<(keyId: string) => void>();
  // Hashed once: every request's key is hashed anyway, and compared with this in constant time.
  private readonly envAdminKeyHash: string | undefined;

  constructor(
    private readonly orm: Orm,
    envAdminKey: string | undefined,
    private readonly pubSub: HookwirePubSub,
  ) {
    this.envAdminKeyHash = envAdminKey ? hashApiKey(envAdminKey) : undefined;
  }

  /** The principal a secret stands for, or null when it is unknown or revoked. */
  async authenticate(secret: string): Promise<Principal | null> {
    const hash = hashApiKey(secret);
    if (this.envAdminKeyHash && hashesEqual(hash, this.envAdminKeyHash)) {
      return { keyId: 'env', name: 'HOOKWIRE_ADMIN_KEY', scopes: ['ADMIN'] };
    }
    const cached = this.cache.get(hash);
    if (cached && cached.expires > Date.now()) return cached.principal;
    const generation = this.revocations;
    const key = await this.orm.em.fork().findOne(ApiKey, { keyHash: hash });
    const principal = key && !key.revokedAt ? { keyId: key.id, name: key.name, scopes: key.scopes } : null;
    if (generation !== this.revocations) return principal;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(hash, { principal, expires: Date.now() + CACHE_TTL_MS });
    return principal;
  }

  /** Creates a key; the secret is returned this once and only its hash is kept. */
  async create(name: string, scopes: readonly Scope[]): Promise<{ secret: string; apiKey: ApiKey }> {
    return issueApiKey(this.orm.em.fork(), name, scopes);
  }

  /**
   * Revokes a key at once: requests with it fail from now on, the `onRevoked` listeners close
   * its WebSocket connections on this process, and KEY_REVOKED on the live pub/sub makes every
   * other api process close them and drop the key from its cache (see server/revocation.ts,
   * which also looks revocations up when the feed comes back, in case the message was lost). Refuses (CONFLICT)
   * to revoke the last active ADMIN key while `HOOKWIRE_ADMIN_KEY` is unset: nobody could
   * manage hookwire afterwards, and a restart makes no new key once any key exists.
   */
  async revoke(id: string): Promise<ApiKey> {
    const apiKey = await this.orm.em.fork().transactional(async (em) => {
      const active = await this.lockActiveKeys(em);
      const key = active.find((candidate) => candidate.id === id);
      if (!key) {
        // Unknown, or revoked already: a second revocation keeps the first time.
        const revoked = await em.findOne(ApiKey, { id });
        if (!revoked) throw new NotFoundError('API key', id);
        return revoked;
      }
      const anotherAdmin = active.some((other) => other !== key && other.scopes.includes('ADMIN'));
      if (key.scopes.includes('ADMIN') && !anotherAdmin && !this.envAdminKeyHash) throw new ConflictError(LAST_ADMIN_MESSAGE);
      key.revokedAt = new Date();
      return key;
    });
    this.revocations++;
    this.cache.delete(apiKey.keyHash);
    for (const listener of this.revokedListeners) listener(apiKey.id);
    // Sent again on a repeated revocation: harmless, and a second chance if the first was lost.
    this.pubSub.publish('KEY_REVOKED', { keyId: apiKey.id });
    return apiKey;
  }

  /** Calls `listener` with the id of every key revoked through this service; returns the unsubscribe. */
  onRevoked(listener: (keyId: string) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  /** Which of the keys `keyIds` are revoked (unknown ids are left out). */
  async revokedAmong(keyIds: readonly string[]): Promise<string[]> {
    if (keyIds.length === 0) return [];
    const revoked = await this.orm.em.fork().find(ApiKey, { id: { $in: [...keyIds] }, revokedAt: { $ne: null } }, { fields: ['id'] });
    return revoked.map((key) => key.id);
  }

  /** Drops what this process cached about key `keyId`, so its next request is looked up afresh. */
  forget(keyId: string): void {
    this.revocations++;
    for (const [hash, entry] of this.cache) {
      if (entry.principal?.keyId === keyId) this.cache.delete(hash);
    }
  }

  /** A page of every key, revoked ones included (their `revokedAt` says so), each mapped by `map`; never a secret. */
  async list<N>(args: { first?: number | null; after?: string | null }, map: (key: ApiKey) => N): Promise<Page<N>> {
    return findPage(this.orm.em.fork(), ApiKey, {}, args, map);
  }

  /**
   * On first start without `HOOKWIRE_ADMIN_KEY` and with no keys stored, makes an admin key
   * and returns its secret so boot can print it once. Otherwise returns undefined.
   */
  async bootstrapAdminKey(): Promise<string | undefined> {
    if (this.envAdminKeyHash) return undefined;
    const count = await this.orm.em.fork().count(ApiKey, {});
    if (count > 0) return undefined;
    const { secret } = await this.create('bootstrap admin', ['ADMIN']);
    return secret;
  }

  /**
   * The keys not revoked. On PostgreSQL they stay locked until the transaction ends, so two
   * revocations of the last two admin keys take turns and the second sees the first one's
   * change; SQLite runs one transaction at a time (one connection) anyway.
   */
  private async lockActiveKeys(em: EntityManager): Promise<ApiKey[]> {
    const lockMode = dialectOf(this.orm) === 'postgres' ? LockMode.PESSIMISTIC_WRITE : undefined;
    return em.find(ApiKey, { revokedAt: null }, { lockMode });
  }
}
