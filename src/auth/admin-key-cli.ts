import { loadConfig } from '../config';
import { recoverAdminKey } from './admin-key-recovery';

/**
 * `npm run admin-key [-- <name>]`: writes a new ADMIN key into the database that
 * `DATABASE_URL` names and prints it once. For recovery when no admin credential is left;
 * it works while hookwire runs.
 */
let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(`hookwire: invalid configuration: ${(error as Error).message}`);
  process.exit(1);
}
const name = process.argv.slice(2).join(' ').trim() || undefined;
try {
  const { id, secret } = await recoverAdminKey(config.database, name);
  console.log(`\nhookwire created an admin API key ${id} (shown only now):\n\n  ${secret}\n`);
} catch (error) {
  console.error(`hookwire: could not create an admin key: ${(error as Error).message}`);
  process.exit(1);
}
