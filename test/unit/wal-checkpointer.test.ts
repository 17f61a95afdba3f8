import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { startWalCheckpointer } from '../../src/db/wal-checkpointer';

const logger = { warn: () => {} };
const folders: string[] = [];

/** A WAL database whose writer never checkpoints, holding ~2 MB of committed rows. */
function writtenDatabase(): { path: string; close(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'hookwire-wal-'));
  folders.push(folder);
  const path = join(folder, 'db.sqlite');
  const db = new Database(path);
  db.exec('pragma journal_mode = wal; pragma wal_autocheckpoint = 0; create table t (id integer primary key, body text)');
  const insert = db.prepare('insert into t (body) values (?)');
  db.exec('begin');
  for (let i = 0; i < 2_000; i++) insert.run(['x'.repeat(1_000)]);
  db.exec('commit');
  return { path, close: () => db.close() };
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the WAL checkpoint thread', () => {
  it('copies committed pages from the WAL into the database file while the writer stays open', async () => {
    const writer = writtenDatabase();
    // The rows are in the WAL only: the main file still holds just its first pages.
    expect(statSync(writer.path).size).toBeLessThan(100_000);
    const checkpointer = startWalCheckpointer(writer.path, 20, logger);
    const deadline = Date.now() + 5_000;
    while (statSync(writer.path).size < 1_000_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(statSync(writer.path).size).toBeGreaterThan(1_000_000);
    await checkpointer.stop();
    writer.close();
  });

  it('stops promptly, with one last checkpoint', async () => {
    const writer = writtenDatabase();
    const checkpointer = startWalCheckpointer(writer.path, 60_000, logger);
    const started = Date.now();
    await checkpointer.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(statSync(writer.path).size).toBeGreaterThan(1_000_000);
    writer.close();
  });
});
