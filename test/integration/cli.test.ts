import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/sdk';
import { runCli, startCli } from '../support/cli';
import { createTestDatabase } from '../support/databases';
import { freePort } from '../support/ports';
import { startReceiver, type Receiver } from '../support/receiver';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';
import { eventually } from '../support/wait';

// The real `hookwire` command (src/cli/bin.mjs, as `npx hookwire` runs it) against a real
// server. The command does not touch the store itself, so SQLite suffices.
describe('the hookwire command', () => {
  let server: TestServer;
  let receiver: Receiver;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    receiver = await startReceiver();
    env = { HOOKWIRE_URL: server.app.url, HOOKWIRE_API_KEY: ADMIN_KEY };
  });
  afterAll(async () => {
    await receiver?.close();
    await server?.close();
  });

  it('creates, lists, updates, tests and deletes hooks', async () => {
    const created = await runCli(['--json', 'hooks', 'create', '--url', receiver.url, '--events', 'User.*,PostSignIn', '--header', 'X-Tenant=acme'], env);
    expect(created.code, created.stderr).toBe(0);
    const hook = JSON.parse(created.stdout) as { id: string; signingKey: string; events: string[]; headers: unknown[] };
    expect(hook.events).toEqual(['User.*', 'PostSignIn']);
    expect(hook.headers).toEqual([{ name: 'X-Tenant', value: 'acme' }]);
    expect(hook.signingKey).toMatch(/^whsec_/);

    const listed = await runCli(['hooks', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${hook.id} enabled ${receiver.url}`);

    const updated = await runCli(['hooks', 'update', hook.id, '--disable', '--name', 'renamed'], env);
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout).toMatch(new RegExp(`^${hook.id} disabled .* renamed$`, 'm'));

    const tested = await runCli(['hooks', 'test', hook.id], env);
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stdout).toMatch(/^ok 200 /);
    receiver.reply(() => ({ status: 500, body: 'no' }));
    const failing = await runCli(['hooks', 'test', hook.id], env);
    receiver.reply(() => ({ status: 200, body: 'ok' }));
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/^failed 500 /);

    const deleted = await runCli(['hooks', 'delete', hook.id], env);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout.trim()).toBe(`deleted ${hook.id}`);
    const gone = await runCli(['hooks', 'delete', hook.id], env);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^hookwire: NOT_FOUND: .+\n$/);
  });

  it('emits from --data and from stdin, lists deliveries by hook and status, and redelivers', async () => {
    await server.admin.CreateEventType({ input: { name: 'Invoice.Paid', description: 'paid' } });
    const hook = await server.createHook(receiver.url, ['Invoice.*', 'User.Created']);
    const fromFlag = await runCli(['emit', 'User.Created', '--data', '{"userId":"u_flag"}'], env);
    expect(fromFlag.code, fromFlag.stderr).toBe(0);
    const fromStdin = await runCli(['--json', 'emit', 'Invoice.Paid'], env, '{"invoice":"i_1"}');
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    const event = JSON.parse(fromStdin.stdout) as { id: string; payload: unknown };
    expect(event.payload).toEqual({ invoice: 'i_1' });
    expect((await server.admin.Event({ id: fromFlag.stdout.trim() })).event.payload).toEqual({ userId: 'u_flag' });

    await eventually(async () => (await server.deliveriesOf(hook.id)).filter((delivery) => delivery.status === 'SUCCEEDED').length === 2 || undefined);
    const listed = await runCli(['--json', 'deliveries', 'list', '--hook', hook.id, '--status', 'SUCCEEDED'], env);
    expect(listed.code, listed.stderr).toBe(0);
    const deliveries = listed.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; event: string });
    expect(deliveries.map((delivery) => delivery.event)).toEqual(['Invoice.Paid', 'User.Created']);
    const none = await runCli(['deliveries', 'list', '--hook', hook.id, '--status', 'FAILED'], env);
    expect(none).toMatchObject({ code: 0, stdout: '' });

    const redelivered = await runCli(['redeliver', deliveries[0].id], env);
    expect(redelivered.code, redelivered.stderr).toBe(0);
    expect(redelivered.stdout).toContain(deliveries[0].id);
    await eventually(async () => ((await server.admin.Delivery({ id: deliveries[0].id })).delivery.attemptCount === 2 ? true : undefined));
  });

  it('tails events of the given types as JSON lines, and stops cleanly on Ctrl-C', async () => {
    const tail = startCli(['tail', 'events', '--types', 'User.*', '--json'], env);
    try {
      // The subscription starts some time after the process: emit until it shows one of ours.
      // Each round emits a type the filter excludes, then one it takes: once the latter shows,
      // the former of its round was emitted while subscribed, and must not have shown.
      const skipped: string[] = [];
      const sentinel = await eventually(async () => {
        skipped.push((await server.emit('PostSignIn', { userId: 'u_not_shown' })).id);
        const { id } = await server.emit('User.Created', { userId: 'u_tail' });
        return tail.stdout().includes(id) ? id : undefined;
      }, 20_000, 200);
      const lines = tail.stdout().trim().split('\n').map((line) => JSON.parse(line) as { id: string; event: string });
      expect(lines.every((line) => line.event === 'User.Created')).toBe(true);
      expect(lines.map((line) => line.id).filter((id) => skipped.includes(id))).toEqual([]);
      expect(lines.map((line) => line.id)).toContain(sentinel);
    } finally {
      expect(await tail.stop()).toBe(0);
    }
    expect(tail.stderr()).toBe('');
  });

  it("tails a hook's delivery attempts, one line each with the outcome", async () => {
    const hook = await server.createHook(receiver.url, ['User.Deleted']);
    const tail = startCli(['tail', 'deliveries', '--hook', hook.id], env);
    try {
      await eventually(async () => {
        await server.emit('User.Deleted', { userId: 'u_gone' });
        return /^\S+ SUCCEEDED dlv_\w+ #1 hook_\w+ User\.Deleted 200 \d+ms$/m.test(tail.stdout()) || undefined;
      }, 20_000, 300);
      expect(tail.stdout()).toContain(hook.id);
    } finally {
      expect(await tail.stop()).toBe(0);
    }
  });

  it("forwards a hook's live deliveries to a local receiver (listen), signatures intact, printing its answer", async () => {
    const local = await startReceiver();
    local.reply(() => ({ status: 202, body: 'taken locally' }));
    const hook = await server.createHook(receiver.url, ['Role.Created']);
    const { hook: withKey } = await server.admin.HookSigningKey({ id: hook.id });
    const listen = startCli(['listen', String(new URL(local.url).port), '--hook', hook.id], env);
    try {
      await eventually(async () => {
        await server.emit('Role.Created', { roleId: 'r_1' });
        return local.requests.length > 0 || undefined;
      }, 20_000, 300);
      const [forwarded] = local.requests;
      const original = receiver.requests.find((request) => request.headers['webhook-id'] === forwarded.headers['webhook-id']);
      expect(original, 'the service delivered the same event to the hook itself').toBeDefined();
      expect(forwarded.body).toBe(original?.body);
      expect(forwarded.headers['webhook-signature']).toBe(original?.headers['webhook-signature']);
      expect(verifyWebhook(forwarded.body, forwarded.headers, withKey.signingKey as string)).toMatchObject({ event: 'Role.Created', roleId: 'r_1' });
      await eventually(() => /^dlv_\w+ #1 Role\.Created → 202 taken locally \d+ms$/m.test(listen.stdout()) || undefined);
      expect(listen.stderr()).toContain(`forwarding deliveries of ${hook.id} to http://localhost:`);
    } finally {
      expect(await listen.stop()).toBe(0);
      await local.close();
    }
  });

  it('verifies a captured request, and refuses one whose body was changed', async () => {
    const hook = await server.createHook(receiver.url, ['Organization.Created']);
    const { hook: withKey } = await server.admin.HookSigningKey({ id: hook.id });
    await server.emit('Organization.Created', { organizationId: 'o_1' });
    const [delivery] = await eventually(async () => {
      const found = (await server.deliveriesOf(hook.id)).filter((each) => each.attemptCount > 0);
      return found.length ? found : undefined;
    });
    const { request } = (await server.admin.Delivery({ id: delivery.id })).delivery.attempts[0];
    const secret = withKey.signingKey as string;
    const valid = await runCli(['verify', '--secret', secret], {}, JSON.stringify(request));
    expect(valid, valid.stderr).toMatchObject({ code: 0, stdout: 'valid: webhook-signature, logto-signature-sha-256\n' });
    const changed = await runCli(['verify', '--secret', secret], {}, JSON.stringify({ ...request, body: request.body.replace('o_1', 'o_2') }));
    expect(changed.code).toBe(1);
    expect(changed.stderr).toBe('hookwire: INVALID_SIGNATURE: no webhook-signature matches the signing key\n');
    const garbage = await runCli(['verify', '--secret', secret], {}, 'not json');
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toMatch(/^hookwire: BAD_JSON: stdin is not JSON: .+\n$/);
  });

  it('says what went wrong in one line with a code, and exits with the documented code', async () => {
    const refused = await runCli(['hooks', 'list'], { ...env, HOOKWIRE_API_KEY: 'hwk_wrong' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^hookwire: UNAUTHENTICATED: [^\n]+\n$/);
    const port = await freePort();
    const unreachable = await runCli(['--server', `http://127.0.0.1:${port}`, 'hooks', 'list'], env);
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toMatch(/^hookwire: UNREACHABLE: [^\n]+\n$/);
    const usage = await runCli(['emit'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^hookwire: USAGE: missing required argument 'type'/);
    const badJson = await runCli(['emit', 'User.Created', '--data', '[1]'], env);
    expect(badJson).toMatchObject({ code: 2, stderr: 'hookwire: BAD_JSON: --data must be a JSON object\n' });
    const noPayload = await runCli(['emit', 'User.Created'], env, '');
    expect(noPayload).toMatchObject({ code: 2, stderr: 'hookwire: NO_PAYLOAD: give the payload with --data or on stdin\n' });
    // A subscription the server refuses ends the tail with the server's code.
    const badTail = await runCli(['tail', 'events', '--types', 'Nope.Thing'], env);
    expect(badTail.code).toBe(1);
    expect(badTail.stderr).toMatch(/^hookwire: BAD_USER_INPUT: [^\n]+\n$/);
  });

  it('has --help on every command', async () => {
    for (const command of [[], ['hooks'], ['hooks', 'create'], ['tail', 'events'], ['listen'], ['verify'], ['serve'], ['admin-key']]) {
      const help = await runCli([...command, '--help']);
      expect(help.code, command.join(' ')).toBe(0);
      expect(help.stdout, command.join(' ')).toMatch(/^Usage: hookwire/);
    }
  });
});

describe('hookwire migrate, admin-key and serve', () => {
  it('migrates a new database, serves it as npm start does, and writes a recovery admin key it accepts', async () => {
    const db = await createTestDatabase('sqlite');
    const port = await freePort();
    const serverEnv = { DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', HOOKWIRE_ADMIN_KEY: ADMIN_KEY };
    try {
      const migrated = await runCli(['migrate'], serverEnv);
      expect(migrated.code, migrated.stderr).toBe(0);
      expect(migrated.stdout).toMatch(/^applied: /);
      const serve = startCli(['serve'], serverEnv);
      try {
        await eventually(() => serve.stdout().includes('"msg":"hookwire started"') || undefined, 30_000);
        const recovered = await runCli(['admin-key', 'cli', 'test'], serverEnv);
        expect(recovered.code, recovered.stderr).toBe(0);
        const key = /hwk_\S+/.exec(recovered.stdout)?.[0] as string;
        expect(recovered.stdout).toMatch(/created an admin API key key_\w+/);
        const listed = await runCli(['--json', 'hooks', 'list'], { HOOKWIRE_URL: `http://127.0.0.1:${port}`, HOOKWIRE_API_KEY: key });
        expect(listed).toMatchObject({ code: 0, stdout: '' });
      } finally {
        serve.child.kill('SIGTERM');
        expect(await serve.exited).toBe(0);
      }
    } finally {
      await db.drop();
    }
  }, 60_000);
});
