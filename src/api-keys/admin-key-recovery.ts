import type { Config } from '../config';
import { migrate, openDatabase } from '../db/database';
import { issueApiKey } from './issue-api-key';

/** The name a recovered admin key gets when the operator gives none. */
export const RECOVERY_KEY_NAME = 'recovery admin';

/**
 * Writes a new ADMIN key straight into the database, for an operator locked out of the API
 * (every admin key lost or revoked, no `HOOKWIRE_ADMIN_KEY`). Migrates an empty or older
 * database first. Safe while servers run on the same database: it is one insert (SQLite's
 * WAL and busy timeout let it in beside the server), and servers look unknown keys up in the
 * database, so the key works at once. Returns the secret, which exists nowhere else.
 */
export async function recoverAdminKey(database: Config['database'], name = RECOVERY_KEY_NAME): Promise<{ id: string; secret: string }> {
  const orm = await openDatabase(database, 1);
  try {
    await migrate(orm, database);
    const { secret, apiKey } = await issueApiKey(orm.em.fork(), name, ['ADMIN']);
    return { id: apiKey.id, secret };
  } finally {
    await orm.close();
  }
}
