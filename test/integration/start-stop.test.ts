import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { REPOSITORY_ROOT, cleanupAfterAll, runChildToExit, startChildServer } from '../support/process';
import { ADMIN_KEY } from '../support/server';

const cleanup = cleanupAfterAll();

async function freshSqlite(): Promise<TestDatabase> {
  const db = await createTestDatabase('sqlite');
  cleanup.push(() => db.drop());
  return db;
}

/** True while a process with this id exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  it('stops hookwire gracefully when the npm process gets SIGTERM', async () => {
    const db = await freshSqlite();
    // --ignore-scripts skips only `prestart`: the global setup has built dist/ already, and a
    // rebuild would rewrite the files other suites' child processes are loading.
    const npm = spawn('npm', ['start', '--ignore-scripts'], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', HOOKWIRE_ADMIN_KEY: ADMIN_KEY },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so the cleanup can kill whatever it left behind.
      detached: true,
    });
    cleanup.push(async () => process.kill(-(npm.pid as number), 'SIGKILL'));
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // The pipes close when every process holding them has ended: npm, and hookwire under it.
    const closed = new Promise<void>((resolve) => npm.once('close', () => resolve()));
    const npmExit = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));

    const started = await new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = /"pid":(\d+),"port":(\d+).*"msg":"hookwire started"/.exec(output);
        if (match) resolve(match);
      };
      npm.stdout.on('data', check);
      npm.stderr.on('data', check);
      void npmExit.then(() => reject(new Error(`npm start ended before hookwire started:\n${output}`)));
    });
    const [pid, port] = [Number(started[1]), Number(started[2])];
    expect(pid).not.toBe(npm.pid);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    process.kill(npm.pid as number, 'SIGTERM');
    await closed;
    expect(output).toContain('"msg":"hookwire stopped"');
    expect(alive(pid)).toBe(false);
    expect(await npmExit).toBe(0);
  });
});

describe('one process per SQLite file', () => {
  it('refuses a second process on the same file, naming it', async () => {
    const db = await freshSqlite();
    const first = await startChildServer({ DATABASE_URL: db.url, HOOKWIRE_ADMIN_KEY: ADMIN_KEY });
    cleanup.push(async () => {
      first.process.kill('SIGKILL');
      await first.exited;
    });
    const second = await runChildToExit({ DATABASE_URL: db.url, HOOKWIRE_ADMIN_KEY: ADMIN_KEY });
    expect(second.code).not.toBe(0);
    expect(second.stderr.trim().split('\n')).toEqual([expect.stringContaining(`DATABASE_URL: ${db.url} is in use by another hookwire process`)]);
    expect(second.stdout).not.toContain('hookwire started');
    // The first one still serves.
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
  });

  it('creates the folder of a database that does not exist yet, as on a fresh clone', async () => {
    const db = await freshSqlite();
    const path = join(dirname(db.url), 'not', 'yet', 'hookwire.db');
    const server = await startChildServer({ DATABASE_URL: path, HOOKWIRE_ADMIN_KEY: ADMIN_KEY });
    cleanup.push(async () => {
      server.process.kill('SIGKILL');
      await server.exited;
    });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(existsSync(path)).toBe(true);
  });

  it('starts on a file whose previous server was killed with SIGKILL', async () => {
    const db = await freshSqlite();
    const first = await startChildServer({ DATABASE_URL: db.url, HOOKWIRE_ADMIN_KEY: ADMIN_KEY });
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const second = await startChildServer({ DATABASE_URL: db.url, HOOKWIRE_ADMIN_KEY: ADMIN_KEY });
    cleanup.push(async () => {
      second.process.kill('SIGKILL');
      await second.exited;
    });
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
  });
});

describe('a bad setting', () => {
  /** Asserts the start failed with exactly one line on stderr that names `variable`. */
  async function expectRefused(env: Record<string, string>, variable: string, says: RegExp): Promise<void> {
    const run = await runChildToExit({ HOOKWIRE_ADMIN_KEY: ADMIN_KEY, ...env });
    expect(run.code).not.toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toContain(`${variable}: `);
    expect(lines[0]).toMatch(says);
    expect(run.stdout).not.toContain('hookwire started');
  }

  it('DATABASE_URL with a scheme hookwire does not speak', async () => {
    const stray = join(REPOSITORY_ROOT, 'mysql:');
    cleanup.push(async () => rmSync(stray, { recursive: true, force: true }));
    await expectRefused({ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', /postgres:\/\/.*SQLite file path/);
    // It did not take the URL for a relative file path either.
    expect(existsSync(stray)).toBe(false);
  });

  it('LOG_LEVEL that is not a level', async () => {
    const db = await freshSqlite();
    await expectRefused({ DATABASE_URL: db.url, LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /fatal, error, warn, info, debug, trace, silent/);
  });

  it('PORT that another process listens on', async () => {
    const db = await freshSqlite();
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
    cleanup.push(() => new Promise((resolve) => taken.close(resolve)));
    const port = (taken.address() as { port: number }).port;
    await expectRefused({ DATABASE_URL: db.url, PORT: String(port) }, 'PORT', new RegExp(`${port} is in use`));
  });
});
