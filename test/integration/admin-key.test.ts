import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createHookwireClient, type HookwireClient } from '../../src/sdk';
import { runCli, type CliRun } from '../support/cli';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases';
import { startTestServer } from '../support/server';
import { expectCode } from '../support/wait';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `npm run admin-key -- <args>` as the README tells an operator to, against `databaseUrl`. */
function runNpmAdminKey(databaseUrl: string, ...args: string[]): Promise<CliRun> {
  const child = spawn('npm', ['run', '--silent', 'admin-key', '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, HOOKWIRE_ADMIN_KEY: '', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** Runs `hookwire admin-key <args>` (the one command `npm run admin-key` runs too) against `databaseUrl`. */
function runAdminKey(databaseUrl: string, ...args: string[]): Promise<CliRun> {
  return runCli(['admin-key', ...args], { DATABASE_URL: databaseUrl, HOOKWIRE_ADMIN_KEY: '', LOG_LEVEL: 'silent' });
}

describe.each(DATABASE_KINDS)('the last admin key on %s', (kind) => {
  let db: TestDatabase;
  let app: App;
  let first: HookwireClient;
  let firstId: string;
  /** A client whose key is an active admin key, whichever that is by now. */
  let admin: HookwireClient;
  const clients: HookwireClient[] = [];
  const client = (apiKey: string) => {
    const created = createHookwireClient({ url: app.url, apiKey });
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    // No HOOKWIRE_ADMIN_KEY: the stored admin keys are the only way in.
    db = await createTestDatabase(kind);
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      HOOKWIRE_ADMIN_KEY: '',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      HOOKWIRE_SHUTDOWN_GRACE: '1s',
    });
    app = await startApp(config, { logger: createLogger(config.logLevel) });
    first = client(app.generatedAdminKey as string);
    firstId = (await first.ApiKeys()).apiKeys.nodes[0].id;
    admin = first;
  });
  afterAll(async () => {
    await Promise.all(clients.map((created) => created.close()));
    await app?.close();
    await db?.drop();
  });

  it('refuses to revoke the last active ADMIN key (CONFLICT), and the key keeps working', async () => {
    // A READ key is no admin credential.
    await first.CreateApiKey({ input: { name: 'reader', scopes: ['READ'] } });
    const error = await expectCode(first.RevokeApiKey({ id: firstId }), 'CONFLICT');
    expect(error.message).toMatch(/last active ADMIN key/);
    expect(error.message).toMatch(/npm run admin-key/);
    const listed = (await first.ApiKeys({ first: 100 })).apiKeys.nodes.find((key) => key.id === firstId);
    expect(listed?.revokedAt).toBeNull();
  });

  it('revokes an ADMIN key while another one remains, and then refuses the remaining one', async () => {
    const { createApiKey } = await first.CreateApiKey({ input: { name: 'second admin', scopes: ['ADMIN', 'READ'] } });
    const second = client(createApiKey.key);
    admin = second;
    // The second admin revokes the first; now it is the last one and cannot revoke itself.
    expect((await second.RevokeApiKey({ id: firstId })).revokeApiKey.revokedAt).not.toBeNull();
    await expectCode(first.ApiKeys(), 'UNAUTHENTICATED');
    await expectCode(second.RevokeApiKey({ id: createApiKey.apiKey.id }), 'CONFLICT');
    expect((await second.ApiKeys({ first: 100 })).apiKeys.nodes.find((key) => key.id === createApiKey.apiKey.id)?.revokedAt).toBeNull();
  });

  it('leaves one ADMIN key active when the last two are revoked at once', async () => {
    const made = await Promise.all(
      ['racer a', 'racer b'].map(async (name) => (await admin.CreateApiKey({ input: { name, scopes: ['ADMIN'] } })).createApiKey),
    );
    const [a, b] = made.map((key) => client(key.key));
    // Revoke every other admin first, so that a and b are the last two.
    const others = (await a.ApiKeys({ first: 100 })).apiKeys.nodes.filter(
      (key) => key.scopes.includes('ADMIN') && key.revokedAt === null && !made.some((racer) => racer.apiKey.id === key.id),
    );
    for (const other of others) await a.RevokeApiKey({ id: other.id });
    await b.ApiKeys();
    const outcomes = await Promise.allSettled([a.RevokeApiKey({ id: made[1].apiKey.id }), b.RevokeApiKey({ id: made[0].apiKey.id })]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    // The loser is refused as the last admin, or (if the winner committed before its request
    // was authenticated) as a revoked key: either way, one admin key is left.
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(['CONFLICT', 'UNAUTHENTICATED']).toContain((rejected.reason as { codes: string[] }).codes[0]);
    const winner = outcomes[0].status === 'fulfilled' ? a : b;
    const active = (await winner.ApiKeys({ first: 100 })).apiKeys.nodes.filter((key) => key.scopes.includes('ADMIN') && key.revokedAt === null);
    expect(active).toHaveLength(1);
    admin = winner;
  });

  it('npm run admin-key writes a new ADMIN key into the database of the running server and prints it once', async () => {
    const { code, stdout, stderr } = await runNpmAdminKey(db.url, 'on-call recovery');
    expect(code, stderr).toBe(0);
    const keys = stdout.match(/hwk_[A-Za-z0-9_-]{43}/g) ?? [];
    expect(keys, stdout).toHaveLength(1);
    const recovered = client(keys[0] as string);
    const listed = (await recovered.ApiKeys({ first: 100 })).apiKeys.nodes;
    const made = listed.find((key) => key.name === 'on-call recovery');
    expect(made).toEqual(expect.objectContaining({ scopes: ['ADMIN'], revokedAt: null }));
    expect(stdout).toContain(made?.id ?? 'the new key');
    // A full admin: it can manage hooks, and revoke the admin it replaces.
    await recovered.CreateHook({ input: { name: 'after recovery', events: ['*'], url: 'https://example.com' } });
    const previous = listed.filter((key) => key.scopes.includes('ADMIN') && key.revokedAt === null && key.id !== made?.id);
    for (const key of previous) await recovered.RevokeApiKey({ id: key.id });
  });
});

describe.each(DATABASE_KINDS)('the admin key command on %s', (kind) => {
  it('migrates an empty database first, and the key it prints opens a server started afterwards', async () => {
    const db = await createTestDatabase(kind);
    try {
      const { code, stdout, stderr } = await runAdminKey(db.url);
      expect(code, stderr).toBe(0);
      const [key] = stdout.match(/hwk_[A-Za-z0-9_-]{43}/g) ?? [];
      const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: db.url, HOOKWIRE_ADMIN_KEY: '', LOG_LEVEL: 'silent' });
      const app = await startApp(config, { logger: createLogger('silent') });
      const client = createHookwireClient({ url: app.url, apiKey: key });
      try {
        // A key exists, so the server generated none.
        expect(app.generatedAdminKey).toBeUndefined();
        expect((await client.ApiKeys()).apiKeys.nodes).toEqual([expect.objectContaining({ name: 'recovery admin', scopes: ['ADMIN'] })]);
      } finally {
        await client.close();
        await app.close();
      }
    } finally {
      await db.drop();
    }
  });

  it('exits 2 with one line on a bad configuration, through npm run admin-key as through hookwire admin-key', async () => {
    for (const run of [runAdminKey, runNpmAdminKey]) {
      const { code, stdout, stderr } = await run('nonsense://nowhere');
      expect(code, stderr).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^hookwire: INVALID_CONFIGURATION: [^\n]*DATABASE_URL[^\n]*\n$/);
    }
  });

  it('lets the last stored ADMIN key go while HOOKWIRE_ADMIN_KEY is set: that key remains', async () => {
    const server = await startTestServer(kind);
    try {
      const { createApiKey } = await server.admin.CreateApiKey({ input: { name: 'only stored admin', scopes: ['ADMIN'] } });
      expect((await server.client(createApiKey.key).RevokeApiKey({ id: createApiKey.apiKey.id })).revokeApiKey.revokedAt).not.toBeNull();
      expect((await server.admin.ApiKeys()).apiKeys.totalCount).toBe(1);
    } finally {
      await server.close();
    }
  });
});
