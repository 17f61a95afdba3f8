import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { startReceiver, type Receiver } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
import { eventually, expectCode } from '../support/wait';

describe.each(DATABASE_KINDS)('the overview numbers on %s', (kind) => {
  let server: TestServer;
  let ok: Receiver;
  let broken: Receiver;

  beforeAll(async () => {
    // One retry an hour away: each failing delivery makes exactly one attempt during the test.
    server = await startTestServer(kind, { HOOKWIRE_RETRY_SCHEDULE: '1h' });
    [ok, broken] = await Promise.all([startReceiver(), startReceiver()]);
    broken.reply(() => ({ status: 500 }));
    await server.createHook(ok.url, ['User.Created']);
    await server.createHook(broken.url, ['User.Created']);
  });
  afterAll(async () => {
    await server?.close();
    await Promise.all([ok?.close(), broken?.close()]);
  });

  it('counts attempts per hour over the last 24 hours, succeeded against failed, oldest hour first', async () => {
    const before = (await server.admin.AttemptSeries()).attemptSeries;
    expect(before).toHaveLength(24);
    expect(before.every((hour) => hour.succeeded === 0 && hour.failed === 0)).toBe(true);
    const starts = before.map((hour) => Date.parse(hour.hour));
    expect(starts.every((start, index) => index === 0 || start - starts[index - 1] === 3_600_000)).toBe(true);
    expect(starts[23]).toBeLessThanOrEqual(Date.now());
    expect(Date.now() - starts[23]).toBeLessThan(3_600_000);

    await server.emit('User.Created');
    await server.emit('User.Created');
    const series = await eventually(async () => {
      const current = (await server.admin.AttemptSeries({ hours: 24 })).attemptSeries;
      const total = current.reduce((sum, hour) => sum + hour.succeeded + hour.failed, 0);
      return total === 4 ? current : undefined;
    });
    expect(series.reduce((sum, hour) => sum + hour.succeeded, 0)).toBe(2);
    expect(series.reduce((sum, hour) => sum + hour.failed, 0)).toBe(2);
    expect((await server.admin.AttemptSeries({ hours: 168 })).attemptSeries).toHaveLength(168);
    await expectCode(server.admin.AttemptSeries({ hours: 0 }), 'BAD_USER_INPUT');
    await expectCode(server.admin.AttemptSeries({ hours: 169 }), 'BAD_USER_INPUT');
  });

  it('reports the queue: open deliveries, and how long the oldest due one has waited', async () => {
    // An api-only process on the same database claims nothing: what it queues stays due.
    const api = await startTestServer(kind, { HOOKWIRE_ROLE: 'api' });
    try {
      expect((await api.admin.Queue()).queue).toEqual({ due: 0, open: 0, oldestDueAt: null, oldestDueAgeSeconds: null });
      await api.createHook(ok.url, ['User.Deleted']);
      const event = await api.emit('User.Deleted');
      const queue = (await api.admin.Queue()).queue;
      expect(queue).toMatchObject({ due: 1, open: 1 });
      expect(Date.parse(queue.oldestDueAt ?? '')).toBeGreaterThanOrEqual(Date.parse(event.createdAt) - 1000);
      expect(queue.oldestDueAgeSeconds).toBeGreaterThanOrEqual(0);
    } finally {
      await api.close();
    }
  });
});
