import type { EntityManager } from '@mikro-orm/core';
import { BadUserInputError } from '../errors';
import { validateName } from '../graphql/names';
import { ApiKey, type Scope } from '../db/tables/api-key.entity';
import { generateApiKeySecret, hashApiKey } from '../auth/key-secret';

/**
 * Writes a new key and returns its secret, which exists nowhere else: only its hash is
 * stored. Shared by `createApiKey`, the first start's admin key and `npm run admin-key`.
 */
export async function issueApiKey(em: EntityManager, name: string, scopes: readonly Scope[]): Promise<{ secret: string; apiKey: ApiKey }> {
  const trimmed = validateName(name);
  if (scopes.length === 0) throw new BadUserInputError('scopes must name at least one scope', 'scopes');
  const secret = generateApiKeySecret();
  const apiKey = em.create(ApiKey, { name: trimmed, scopes: [...new Set(scopes)], keyHash: hashApiKey(secret) });
  await em.flush();
  return { secret, apiKey };
}
