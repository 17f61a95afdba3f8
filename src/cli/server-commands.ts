import { Command } from 'commander';
import { CliError, EXIT } from './exit-codes.js';
import { fail } from './context.js';

/**
 * The repository's own commands, which run the server's code: `serve` (what `npm start` runs:
 * `src/main.ts`, configured by the environment), `migrate` and `admin-key`. Their modules are
 * imported only when run, so the client commands never load the server.
 */
export function serverCommands(): Command[] {
  const serve = new Command('serve')
    .description('start hookwire (as npm start does), configured by its environment (PORT, DATABASE_URL, …)')
    .action(async () => {
      process.env.NODE_ENV ??= 'production';
      await import('../main.js');
    });
  const migrate = new Command('migrate').description('apply pending migrations to DATABASE_URL and exit').action(
    guarded(async () => {
      const [{ loadConfig }, database] = await Promise.all([import('../config.js'), import('../db/database.js')]);
      const config = loadConfig();
      const orm = await database.openDatabase(config.database, 1);
      try {
        const applied = await database.migrate(orm, config.database);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      } finally {
        await orm.close();
      }
    }),
  );
  const adminKey = new Command('admin-key')
    .description('write a new ADMIN key into DATABASE_URL and print it once (recovery; works while hookwire runs)')
    .argument('[name...]', 'the key\'s name (default "recovery admin")')
    .action(
      guarded(async (name: string[]) => {
        const [{ loadConfig }, { recoverAdminKey }] = await Promise.all([import('../config.js'), import('../api-keys/admin-key-recovery.js')]);
        const { id, secret } = await recoverAdminKey(loadConfig().database, name.join(' ').trim() || undefined);
        console.log(`\nhookwire created an admin API key ${id} (shown only now):\n\n  ${secret}\n`);
      }),
    );
  return [serve, migrate, adminKey];
}

/** A server command's failure: a configuration error is a usage error (2), the rest a failure (1). */
function guarded<A extends unknown[]>(body: (...args: A) => Promise<void>) {
  return async (...args: A): Promise<void> => {
    try {
      await body(...args);
    } catch (error) {
      const config = (error as Error).name === 'ConfigError';
      fail(new CliError(config ? 'INVALID_CONFIGURATION' : 'FAILED', (error as Error).message, config ? EXIT.USAGE : EXIT.FAILED));
    }
  };
}
