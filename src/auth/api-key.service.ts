import { BadUserInputError, NotFoundError } from '../errors';
import type { Orm } from '../db/database';
import { findPage } from '../db/paginate';
import type { Page } from '../graphql/connection';
import { ApiKey, type Scope } from './api-key.entity';
import { generateApiKeySecret, hashApiKey, hashesEqual } from './key-secret';
import type { Principal } from './principal';

// Found keys are cached briefly so a busy emitter costs no lookup per request; a revocation
// made in this process applies at once, one made by another process within this long.
const CACHE_TTL_MS = 5_000;
const CACHE_LIMIT = 10_000;

/** Issues, revokes and checks API keys. */
export class ApiKeyService {
  private cache = new Map<string, { principal: Principal | null; expires: number }>();
  // Hashed once: every request's key is hashed anyway, and compared with this in constant time.
  private readonly envAdminKeyHash: string | undefined;

  constructor(
    private readonly orm: Orm,
    envAdminKey: string | undefined,
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
    const key = await this.orm.em.fork().findOne(ApiKey, { keyHash: hash });
    const principal = key && !key.revokedAt ? { keyId: key.id, name: key.name, scopes: key.scopes } : null;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(hash, { principal, expires: Date.now() + CACHE_TTL_MS });
    return principal;
  }

  /** Creates a key; the secret is returned this once and only its hash is kept. */
  async create(name: string, scopes: readonly Scope[]): Promise<{ secret: string; apiKey: ApiKey }> {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 256) throw new BadUserInputError('name must be 1 to 256 characters', 'name');
    if (scopes.length === 0) throw new BadUserInputError('scopes must name at least one scope', 'scopes');
    const secret = generateApiKeySecret();
    const em = this.orm.em.fork();
    const apiKey = em.create(ApiKey, { name: trimmed, scopes: [...new Set(scopes)], keyHash: hashApiKey(secret) });
    await em.flush();
    return { secret, apiKey };
  }

  /** Revokes a key at once (here) and within seconds on other processes. */
  async revoke(id: string): Promise<ApiKey> {
    const em = this.orm.em.fork();
    const apiKey = await em.findOne(ApiKey, { id });
    if (!apiKey) throw new NotFoundError('API key', id);
    apiKey.revokedAt ??= new Date();
    await em.flush();
    this.cache.delete(apiKey.keyHash);
    return apiKey;
  }

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
}
