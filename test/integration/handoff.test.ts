import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingRequest, Sender } from '../../src/delivery/sender';
import type { SendResult } from '../../src/delivery/outcome';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/server';
import { eventually } from '../support/wait';

/** A sender whose requests wait until `open()`: what is in flight can be looked at meanwhile. */
function gatedSender() {
  const sent: OutgoingRequest[] = [];
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  const sender: Sender = {
    async send(request): Promise<SendResult> {
      sent.push(request);
      await opened;
      return { kind: 'success', status: 204, body: '', durationMs: 1 };
    },
    async close() {},
  };
  return { sender, sent, open };
}

describe.each(DATABASE_KINDS)('handing new deliveries to the local worker on %s', (kind) => {
  let server: TestServer;
  const gate = gatedSender();
  const rows = async () =>
    (await server.app.orm.em
      .getConnection()
      .execute('select status, locked_by, next_attempt_at, locked_until from deliveries')) as Array<Record<string, unknown>>;

  beforeAll(async () => {
    // One request at a time to a hook, so most of a batch cannot be handed over.
    server = await startTestServer(kind, { HOOKWIRE_HOOK_CONCURRENCY: '1', HOOKWIRE_POLL_INTERVAL: '50ms' }, { sender: gate.sender });
  });
  afterAll(async () => {
    gate.open();
    await server?.close();
  });

  it('leases to the worker what it has room for, queues the rest for claiming, and sends each delivery once', async () => {
    await server.admin.CreateHook({ input: { name: 'gated', url: 'https://example.com/hook', events: ['User.Created'] } });
    await server.admin.EmitEvents({ inputs: Array.from({ length: 20 }, (_, i) => ({ event: 'User.Created', payload: { i } })) });

    // Sent without a claim: the dispatcher got it from the emit itself.
    await eventually(() => gate.sent.length === 1);
    const workerId = server.app.engine.workerId;
    const before = await rows();
    expect(before).toHaveLength(20);
    const leased = before.filter((row) => row.locked_by === workerId);
    const queued = before.filter((row) => row.locked_by === null);
    // Leased ones are due again only when their lease ends, so no other worker takes them.
    expect(leased.length).toBeGreaterThanOrEqual(1);
    for (const row of leased) expect(String(row.next_attempt_at)).toBe(String(row.locked_until));
    // More than the hook's one slot (plus what it may hold) stays in the queue, due now.
    expect(queued.length).toBeGreaterThan(0);
    expect(leased.length + queued.length).toBe(20);

    gate.open();
    await eventually(async () => (await rows()).every((row) => row.status === 'SUCCEEDED' && row.locked_by === null), 20_000);
    expect(gate.sent).toHaveLength(20);
    expect(new Set(gate.sent.map((request) => request.body)).size).toBe(20);
  });
});
