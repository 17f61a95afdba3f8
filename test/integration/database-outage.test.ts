import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HookwireRequestError } from '../../src/sdk';
import { createTestDatabase, POSTGRES_URL, type TestDatabase } from '../support/databases';
import { captureLogs, LEVELS, type LogCapture } from '../support/log-capture';
import { codesOf, postRaw } from '../support/raw';
import { openRawWs } from '../support/raw-ws';
import { receiverPool, type Receiver } from '../support/receiver';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { eventually } from '../support/wait';

const UNAVAILABLE = 'database unavailable';
const AVAILABLE = 'database available again';

/** Emits and returns the error it must fail with. */
async function failedEmit(server: TestServer, n: number): Promise<HookwireRequestError> {
  try {
    await server.admin.EmitEvent({ input: { event: 'User.Created', payload: { n } } });
  } catch (error) {
    if (error instanceof HookwireRequestError) return error;
    throw error;
  }
  throw new Error(`emit ${n} was accepted while the database was down`);
}

/** The lines at warn and above, by message. */
const loudLines = (logs: LogCapture) => logs.lines.filter((line) => line.level >= LEVELS.warn).map((line) => line.msg);

/** What every outage must look like from outside, whichever database it is. */
async function expectUnavailable(server: TestServer, logs: LogCapture, emits: number) {
  const errors = await Promise.all(Array.from({ length: emits }, (_, n) => failedEmit(server, n)));
  for (const error of errors) {
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.status).toBe(503);
    expect(error.retryable).toBe(true);
    expect(error.retryAfter).toBeGreaterThan(0);
    // The hint is for the server: clients never see Apollo's `http` extension.
    expect(error.errors[0].extensions).not.toHaveProperty('http');
  }
  const raw = await postRaw(server.app.url, { query: 'mutation { emitEvent(input: { event: "User.Created", payload: {} }) { id } }' }, { apiKey: ADMIN_KEY });
  expect(raw.status).toBe(503);
  expect(codesOf(raw)).toEqual(['SERVICE_UNAVAILABLE']);
  // One line for the whole outage, without a stack; nothing logged as an internal error.
  const [line, ...more] = logs.find(UNAVAILABLE);
  expect(more).toEqual([]);
  expect(line.level).toBe(LEVELS.error);
  expect(line).not.toHaveProperty('err');
  expect(logs.find('internal error in a GraphQL operation')).toEqual([]);
}

/** After the outage: logged once as over, emits accepted again, and every accepted event delivered. */
async function expectRecovered(server: TestServer, logs: LogCapture, receiver: Receiver, accepted: string[]) {
  const [back] = await logs.waitFor(AVAILABLE, {}, 1, 20_000);
  expect(back.level).toBe(LEVELS.info);
  for (let n = 0; n < 3; n++) accepted.push((await server.emit('User.Created', { after: n })).id);
  await receiver.waitFor(accepted.length, 20_000);
  expect(new Set(receiver.requests.map((request) => request.headers['webhook-id']))).toEqual(new Set(accepted));
  expect(logs.find(UNAVAILABLE)).toHaveLength(1);
  expect(logs.find(AVAILABLE)).toHaveLength(1);
}

/** A server on a fresh PostgreSQL schema reached through a TCP proxy, with one hook on `User.Created`: set up for the suite. */
function serverBehindProxy(logs: LogCapture) {
  const setup = {} as { database: TestDatabase; proxy: TcpProxy; server: TestServer; receiver: Receiver };
  const receivers = receiverPool();
  beforeAll(async () => {
    setup.database = await createTestDatabase('postgres');
    const direct = new URL(setup.database.url);
    setup.proxy = await startTcpProxy(direct.hostname, Number(direct.port || 5432));
    const proxied = new URL(setup.database.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(setup.proxy.port);
    setup.server = await startTestServer('postgres', { DATABASE_URL: proxied.toString() }, { logger: logs.logger });
    setup.receiver = await receivers.start();
    await setup.server.createHook(setup.receiver.url, ['User.Created']);
  });
  afterAll(async () => {
    setup.proxy?.restore();
    await setup.server?.close();
    await setup.proxy?.close();
    await receivers.closeAll();
    await setup.database?.drop();
  });
  return setup;
}

describe.skipIf(!POSTGRES_URL)('a PostgreSQL outage (the connection to it cut by a proxy)', () => {
  const logs = captureLogs('info');
  const setup = serverBehindProxy(logs);

  it('answers emits 503 SERVICE_UNAVAILABLE while it lasts, logs it once as it starts and once as it ends, and loses nothing accepted', async () => {
    const { server, receiver, proxy } = setup;
    const accepted = [(await server.emit('User.Created', { before: true })).id];
    await receiver.waitFor(1);
    // Never used yet, so not cached: connecting with it during the outage must look it up.
    const { key } = (await server.admin.CreateApiKey({ input: { name: 'outage socket', scopes: ['READ'] } })).createApiKey;
    proxy.cut();
    await expectUnavailable(server, logs, 20);
    // A WebSocket connecting meanwhile is told to try again later (1013), not closed as an internal error (4500).
    const ws = await openRawWs(server.app.url);
    ws.send({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } });
    expect(await ws.closed).toEqual({ code: 1013, reason: 'Try again later' });
    // Long enough for the worker to meet the outage at several turns (it backs off 0.1, 0.5, 1 s).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    proxy.restore();
    await expectRecovered(server, logs, receiver, accepted);
    // Everything said during the outage was said before it was logged as over: one line.
    expect(loudLines(logs)).toEqual([UNAVAILABLE]);
  });
});

describe.skipIf(!POSTGRES_URL)('a PostgreSQL write whose answer is lost (committed, then the connection cut)', () => {
  const logs = captureLogs('debug');
  const setup = serverBehindProxy(logs);
  const receivers = receiverPool();
  afterAll(() => receivers.closeAll());

  it('records the attempt once: the retry finds it already stored instead of failing on its id', async () => {
    const { server, receiver, proxy } = setup;
    const lost = proxy.loseAnswerTo('insert into delivery_attempts');
    await server.emit('User.Created', { n: 1 });
    await receiver.waitFor(1);
    await lost;
    proxy.restore();
    // The attempt is reported as recorded once the retry has settled it (the debug line comes after the write).
    await logs.waitFor('delivery attempt', { outcome: 'success', status: 'SUCCEEDED' }, 1, 20_000);
    const deliveries = (await server.admin.Deliveries({})).deliveries.nodes;
    expect(deliveries.map((delivery) => [delivery.status, delivery.attemptCount])).toEqual([['SUCCEEDED', 1]]);
    expect(loudLines(logs)).toEqual([UNAVAILABLE]);
  });

  it('still tells what the lost write did: the hook a 410 Gone disabled gets its Hook.Disabled', async () => {
    const { server, proxy } = setup;
    const gone = await receivers.start();
    gone.reply(() => ({ status: 410 }));
    const hook = await server.createHook(gone.url, ['Role.Created']);
    await server.emit('Role.Created', {});
    // Armed once the emit's own transaction is committed: the next commit is the one recording
    // the 410 (it lingers 10 ms for company), which disables the hook.
    const lost = proxy.loseAnswerTo('commit');
    await gone.waitFor(1);
    await lost;
    proxy.restore();
    const told = await eventually(async () => {
      const { nodes } = (await server.admin.Events({ types: ['Hook.Disabled'], first: 10 })).events;
      return nodes.find((event) => JSON.stringify(event.payload).includes(hook.id));
    }, 20_000);
    expect(JSON.stringify(told?.payload)).toMatch(/410 Gone/);
  });
});

describe('a SQLite database locked by another process', () => {
  let server: TestServer;
  let receiver: Receiver;
  const logs = captureLogs('info');
  const receivers = receiverPool();

  beforeAll(async () => {
    server = await startTestServer('sqlite', {}, { logger: logs.logger });
    receiver = await receivers.start();
    await server.createHook(receiver.url, ['User.Created']);
  });
  afterAll(async () => {
    await server?.close();
    await receivers.closeAll();
  });

  // Each write waits out the 5 s busy timeout before it fails.
  it('answers SERVICE_UNAVAILABLE once its busy timeout runs out, and takes emits again once the lock is gone', { timeout: 60_000 }, async () => {
    const accepted = [(await server.emit('User.Created', { before: true })).id];
    await receiver.waitFor(1);
    const other = new Database(server.db.url);
    other.exec('begin immediate');
    try {
      await expectUnavailable(server, logs, 1);
    } finally {
      other.exec('rollback');
      other.close();
    }
    await expectRecovered(server, logs, receiver, accepted);
  });
});
