import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { captureLogs, LEVELS } from '../support/log-capture';
import { receiverPool } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
import { eventually } from '../support/wait';

const ATTEMPT = 'delivery attempt';
const EXHAUSTED = 'delivery failed: no attempts left';

describe.each(DATABASE_KINDS)('delivery logs on %s', (kind) => {
  let server: TestServer;
  const logs = captureLogs('debug');
  const receivers = receiverPool();

  beforeAll(async () => {
    server = await startTestServer(kind, { HOOKWIRE_RETRY_SCHEDULE: '20ms,20ms', HOOKWIRE_POLL_INTERVAL: '50ms' }, { logger: logs.logger });
  });
  afterAll(async () => {
    await server?.close();
    await receivers.closeAll();
  });

  /** Waits for an attempt to a fresh healthy hook: every line of batches recorded before it is written by then. */
  const sentinel = async () => {
    const endpoint = await receivers.start();
    const hook = await server.createHook(endpoint.url, ['PostSignIn']);
    await server.emit('PostSignIn');
    await logs.waitFor(ATTEMPT, { hookId: hook.id });
  };

  it('warns when a 410 Gone disables a hook, with its id and the reason', async () => {
    const endpoint = await receivers.start();
    endpoint.reply(() => ({ status: 410 }));
    const hook = await server.createHook(endpoint.url, ['User.Deleted']);
    await server.emit('User.Deleted');
    const [line] = await logs.waitFor('hook disabled', { hookId: hook.id });
    expect(line.level).toBe(LEVELS.warn);
    expect(line.reason).toMatch(/410 Gone/);
  });

  it('warns when deliveries run out of attempts, once per hook however many do, and logs each attempt at debug', async () => {
    const endpoint = await receivers.start();
    endpoint.reply(() => ({ status: 500 }));
    const hook = await server.createHook(endpoint.url, ['Role.Created']);
    await server.admin.EmitEvents({ inputs: Array.from({ length: 4 }, (_, n) => ({ event: 'Role.Created', payload: { n } })) });
    const deliveries = await eventually(async () => {
      const nodes = await server.deliveriesOf(hook.id);
      return nodes.length === 4 && nodes.every((d) => d.status === 'FAILED') ? nodes : undefined;
    });
    await sentinel();

    const exhausted = logs.find(EXHAUSTED, { hookId: hook.id });
    expect(exhausted).toHaveLength(1);
    expect(exhausted[0]).toMatchObject({ level: LEVELS.warn, attempts: 3, reason: 'HTTP 500' });
    expect(deliveries.map((d) => d.id)).toContain(exhausted[0].deliveryId);
    const attempts = logs.find(ATTEMPT, { hookId: hook.id });
    expect(attempts).toHaveLength(12);
    expect(attempts.every((line) => line.level === LEVELS.debug && line.outcome === 'http-error')).toBe(true);
  });

  it('says at info when a failing hook succeeds again', async () => {
    const endpoint = await receivers.start();
    endpoint.reply((_request, index) => (index < 2 ? { status: 503 } : { status: 200 }));
    const hook = await server.createHook(endpoint.url, ['Role.Deleted']);
    await server.emit('Role.Deleted');
    const [line] = await logs.waitFor('hook recovered: an attempt succeeded after failures', { hookId: hook.id });
    expect(line).toMatchObject({ level: LEVELS.info, failures: 2 });
    expect(typeof line.failingSince).toBe('string');
  });
});
