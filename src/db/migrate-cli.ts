import { loadConfig } from '../config';
import { migrate, openDatabase } from './database';

/** `npm run migrate`: applies pending migrations and exits, for deployments that migrate apart from start. */
const config = loadConfig();
const orm = await openDatabase(config.database, 1);
try {
  const applied = await migrate(orm, config.database);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
} finally {
  await orm.close();
}
