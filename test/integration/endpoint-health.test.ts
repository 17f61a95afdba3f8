import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { startReceiver, type Receiver } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
import { eventually } from '../support/wait';

const REASON = /^every attempt failed since (\S+) \((\d+) attempts in a row\)$/;

/** What a test in this file needs of its server, receivers and hooks. */
function harness(kind: 'sqlite' | 'postgres', env: Record<string, string>) {
  const h = {
    server: undefined as unknown as TestServer,
    receivers: [] as Receiver[],
    async receiver() {
      const created = await startReceiver();
      h.receivers.push(created);
      return created;
    },
    async createHook(url: string, events: string[]) {
      return (await h.server.admin.CreateHook({ input: { name: `hook ${url}`, url, events } })).createHook;
    },
    async emit(event: string, payload: Record<string, unknown> = {}) {
      return (await h.server.admin.EmitEvent({ input: { event, payload } })).emitEvent;
    },
    async deliveriesOf(hookId: string) {
      return (await h.server.admin.HookDeliveries({ id: hookId, first: 100 })).hook.deliveries.nodes;
    },
    async deliveryOf(eventId: string, hookId: string) {
      return eventually(async () => (await h.deliveriesOf(hookId)).find((d) => d.eventId === eventId));
    },
    async detail(deliveryId: string) {
      return (await h.server.admin.Delivery({ id: deliveryId })).delivery;
    },
    async settle(deliveryId: string, status: string, attempts = 0) {
      return eventually(async () => {
        const current = await h.detail(deliveryId);
        return current.status === status && current.attemptCount >= attempts ? current : undefined;
      });
    },
    async hook(id: string) {
      return (await h.server.admin.Hook({ id })).hook;
    },
    async disabled(id: string) {
      return eventually(async () => {
        const current = await h.hook(id);
        return current.enabled ? undefined : current;
      });
    },
    /**
     * Returns once every attempt recorded before the call has had its operational events
     * stored: it waits for a sentinel delivery, emitted now, to be recorded. The worker writes
     * results one batch after another and stores a batch's operational events before it
     * writes the next, so the sentinel's batch is written only after theirs.
     */
    async recordedSince() {
      const sentinel = await h.receiver();
      const hook = await h.createHook(sentinel.url, ['User.Created']);
      const event = await h.emit('User.Created');
      await h.settle((await h.deliveryOf(event.id, hook.id)).id, 'SUCCEEDED');
    },
    /** Stored events of the given types (newest first). */
    async events(types: string[]) {
      return (await h.server.admin.Events({ types, first: 100 })).events.nodes;
    },
  };
  beforeAll(async () => {
    h.server = await startTestServer(kind, { HOOKWIRE_REQUEST_TIMEOUT: '1s', HOOKWIRE_LEASE: '5s', HOOKWIRE_POLL_INTERVAL: '50ms', ...env });
  });
  afterAll(async () => {
    await h.server?.close();
    await Promise.all(h.receivers.map((created) => created.close()));
  });
  return h;
}

/** The subject of an operational event: its payload's `data`. */
const dataOf = (payload: Record<string, unknown>) => payload.data as Record<string, unknown>;

describe.each(DATABASE_KINDS)('endpoint health on %s', (kind) => {
  describe('auto-disable', () => {
    // Attempts every ~150 ms (120 ms at least), twelve per round: the 4th comes 360 ms or more
    // after the 1st, past HOOKWIRE_DISABLE_AFTER, so only the count holds the disable back to the 5th.
    const h = harness(kind, { HOOKWIRE_DISABLE_AFTER: '300ms', HOOKWIRE_RETRY_SCHEDULE: Array(11).fill('150ms').join(',') });

    it('disables a hook whose attempts all failed for HOOKWIRE_DISABLE_AFTER and at least 5 times, and says why', async () => {
      const endpoint = await h.receiver();
      endpoint.reply(() => ({ status: 500 }));
      const hook = await h.createHook(endpoint.url, ['Role.Created']);
      const event = await h.emit('Role.Created');
      const disabled = await h.disabled(hook.id);

      const [, since, count] = REASON.exec(disabled.disabledReason ?? '') ?? [];
      const delivery = await h.detail((await h.deliveryOf(event.id, hook.id)).id);
      // The streak began with the first attempt. By the 4th the streak was old enough, but
      // four failures are too few: the 5th disabled it.
      expect(since).toBe(delivery.attempts[0].startedAt);
      expect(Date.parse(delivery.attempts[3].startedAt) - Date.parse(since)).toBeGreaterThanOrEqual(300);
      expect(Number(count)).toBe(5);
      expect(delivery.attempts).toHaveLength(5);
      expect(Date.parse(disabled.disabledAt ?? '') - Date.parse(since)).toBeGreaterThanOrEqual(300);
      // The delivery waits, parked, for the hook to come back. The park is written in the
      // transaction that disabled the hook, and a claim takes only rows with a due time: the
      // parked row is the sentinel that no 6th attempt can follow.
      expect(delivery).toMatchObject({ status: 'RETRYING', nextAttemptAt: null });
      expect(endpoint.requests).toHaveLength(5);

      // Hook.Disabled is an event like any other, listed by type.
      const [announced] = await eventually(async () => {
        const found = (await h.events(['Hook.Disabled'])).filter((e) => dataOf(e.payload).hookId === hook.id);
        return found.length ? found : undefined;
      });
      expect(announced.payload).toEqual({ data: { hookId: hook.id, reason: disabled.disabledReason, disabledAt: disabled.disabledAt } });

      // Enabling clears the reason and the streak: the resumed delivery keeps failing, and the
      // hook is disabled again only by a new streak of its own, counted from the first failure
      // after enabling. (A carried-over count would disable it at the 3rd or 4th; a carried-over
      // start would name the first attempt.)
      const { updateHook } = await h.server.admin.UpdateHook({ id: hook.id, input: { enabled: true } });
      expect(updateHook).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null });
      const again = await h.disabled(hook.id);
      const [, sinceAgain, countAgain] = REASON.exec(again.disabledReason ?? '') ?? [];
      const after = await h.detail(delivery.id);
      expect(after.attempts).toHaveLength(10);
      expect(sinceAgain).toBe(after.attempts[5].startedAt);
      expect(Number(countAgain)).toBe(5);
      expect(Date.parse(again.disabledAt ?? '')).toBeGreaterThan(Date.parse(disabled.disabledAt ?? ''));
    });

    it('does not disable for many failures within HOOKWIRE_DISABLE_AFTER', async () => {
      const endpoint = await h.receiver();
      endpoint.reply(() => ({ status: 500 }));
      const hook = await h.createHook(endpoint.url, ['Role.Deleted']);
      // Six deliveries fail at once: six failures in a row within milliseconds.
      await Promise.all([1, 2, 3, 4, 5, 6].map((n) => h.emit('Role.Deleted', { n })));
      const disabled = await h.disabled(hook.id);
      const [, since, count] = REASON.exec(disabled.disabledReason ?? '') ?? [];
      const attempts = (await Promise.all((await h.deliveriesOf(hook.id)).map((d) => h.detail(d.id)))).flatMap((d) => d.attempts);
      expect(attempts.length).toBeGreaterThanOrEqual(Number(count));
      expect(since).toBe(attempts.map((a) => a.startedAt).sort()[0]);
      // Not disabled by the first six failures: only once the streak was 300 ms old.
      expect(Number(count)).toBeGreaterThan(6);
      expect(Date.parse(disabled.disabledAt ?? '') - Date.parse(since)).toBeGreaterThanOrEqual(300);
    });

    it('resets the streak on any success', async () => {
      const endpoint = await h.receiver();
      // Three failures, a success, then failures for good.
      endpoint.reply((_request, index) => (index === 3 ? { status: 200 } : { status: 500 }));
      const hook = await h.createHook(endpoint.url, ['Scope.Deleted']);
      const first = await h.emit('Scope.Deleted', { n: 1 });
      const recovered = await h.settle((await h.deliveryOf(first.id, hook.id)).id, 'SUCCEEDED');
      expect(recovered.attempts).toHaveLength(4);
      const second = await h.emit('Scope.Deleted', { n: 2 });
      const disabled = await h.disabled(hook.id);

      const [, since, count] = REASON.exec(disabled.disabledReason ?? '') ?? [];
      const failing = await h.detail((await h.deliveryOf(second.id, hook.id)).id);
      // Counted from the first failure after the success, not from the failures before it.
      expect(since).toBe(failing.attempts[0].startedAt);
      expect(disabled.failingSince).toBe(since);
      expect(Date.parse(since)).toBeGreaterThan(Date.parse(recovered.attempts[3].startedAt));
      expect(Number(count)).toBe(5);
      expect(failing.attempts).toHaveLength(5);
    });
  });

  describe('operational events', () => {
    // Six attempts per round, ~50 ms apart; the default HOOKWIRE_DISABLE_AFTER (5 days) never triggers.
    const h = harness(kind, { HOOKWIRE_RETRY_SCHEDULE: '50ms,50ms,50ms,50ms,50ms' });
    let observer: Receiver;
    let observerHookId: string;
    /** Operational events the observer hook received, by their body. */
    const observed = () => observer.requests.map((r) => JSON.parse(r.body) as Record<string, unknown> & { data: Record<string, unknown> });

    beforeAll(async () => {
      observer = await h.receiver();
      observerHookId = (await h.createHook(observer.url, ['Delivery.*', 'Hook.Disabled'])).id;
    });

    it('lists the operational types in the catalogue', async () => {
      const { eventTypes } = await h.server.admin.EventTypes();
      expect(eventTypes.filter((t) => t.group === 'OPERATIONAL').map((t) => t.name).sort()).toEqual([
        'Delivery.Exhausted',
        'Delivery.Failing',
        'Delivery.Recovered',
        'Hook.Disabled',
      ]);
    });

    it('emits Delivery.Failing after the 4th failed attempt, Delivery.Exhausted after the last, Delivery.Recovered after a late success', async () => {
      const failingForGood = await h.receiver();
      failingForGood.reply(() => ({ status: 500, body: 'broken' }));
      const recovering = await h.receiver();
      recovering.reply((_request, index) => (index < 4 ? { status: 500 } : { status: 200 }));
      const earlySuccess = await h.receiver();
      earlySuccess.reply((_request, index) => (index < 3 ? { status: 500 } : { status: 200 }));
      const x = await h.createHook(failingForGood.url, ['Organization.Created']);
      const y = await h.createHook(recovering.url, ['Organization.Created']);
      const z = await h.createHook(earlySuccess.url, ['Organization.Created']);
      const event = await h.emit('Organization.Created', { organizationId: 'org_1' });
      const dx = await h.settle((await h.deliveryOf(event.id, x.id)).id, 'FAILED');
      const dy = await h.settle((await h.deliveryOf(event.id, y.id)).id, 'SUCCEEDED');
      const dz = await h.settle((await h.deliveryOf(event.id, z.id)).id, 'SUCCEEDED');
      expect([dx.attemptCount, dy.attemptCount, dz.attemptCount]).toEqual([6, 5, 4]);

      const mine = <T extends { payload: Record<string, unknown> }>(nodes: T[]) =>
        nodes.filter((e) => [dx.id, dy.id, dz.id].includes(dataOf(e.payload).deliveryId as string));
      const types = ['Delivery.Failing', 'Delivery.Exhausted', 'Delivery.Recovered'];
      const stored = await eventually(async () => {
        const found = mine(await h.events(types));
        return found.length >= 4 ? found : undefined;
      });
      await h.recordedSince();
      expect(mine(await h.events(types))).toHaveLength(4);
      const byKind = (type: string, deliveryId: string) => stored.filter((e) => e.event === type && dataOf(e.payload).deliveryId === deliveryId);

      const [failing] = byKind('Delivery.Failing', dx.id);
      expect(failing.payload).toEqual({
        data: {
          deliveryId: dx.id,
          hookId: x.id,
          eventId: event.id,
          eventType: 'Organization.Created',
          attemptCount: 4,
          lastError: 'HTTP 500',
          nextAttemptAt: expect.any(String),
        },
      });
      // nextAttemptAt is when the 5th attempt was due: after the 4th began, about when the 5th did.
      const nextAt = Date.parse(String(dataOf(failing.payload).nextAttemptAt));
      expect(nextAt).toBeGreaterThan(Date.parse(dx.attempts[3].startedAt));
      expect(nextAt).toBeLessThanOrEqual(Date.parse(dx.attempts[4].startedAt));
      const [exhausted] = byKind('Delivery.Exhausted', dx.id);
      expect(exhausted.payload).toEqual({
        data: { deliveryId: dx.id, hookId: x.id, eventId: event.id, eventType: 'Organization.Created', attemptCount: 6, lastError: 'HTTP 500' },
      });
      expect(exhausted.id > failing.id).toBe(true);
      expect(byKind('Delivery.Failing', dy.id)).toHaveLength(1);
      const [recovered] = byKind('Delivery.Recovered', dy.id);
      expect(recovered.payload).toEqual({
        data: { deliveryId: dy.id, hookId: y.id, eventId: event.id, eventType: 'Organization.Created', attemptCount: 5, lastError: null },
      });
      // z succeeded on its 4th attempt: it was never reported failing, so nothing about it.
      expect(stored.filter((e) => dataOf(e.payload).deliveryId === dz.id)).toEqual([]);

      // The observer hook, subscribed to Delivery.*, receives them as ordinary deliveries.
      const received = await eventually(() => {
        const found = observed().filter((body) => [dx.id, dy.id].includes(body.data?.deliveryId as string));
        return found.length >= 4 ? found : undefined;
      });
      expect(received.map((body) => body.event).sort()).toEqual(['Delivery.Exhausted', 'Delivery.Failing', 'Delivery.Failing', 'Delivery.Recovered']);
      for (const body of received) {
        expect(body.hookId).toBe(observerHookId);
        expect(body.data).toEqual(stored.find((e) => e.event === body.event && dataOf(e.payload).deliveryId === body.data.deliveryId)?.payload.data);
      }
    });

    it('emits Hook.Disabled when a 410 Gone disables a hook, and no Delivery.Exhausted for it', async () => {
      const gone = await h.receiver();
      gone.reply(() => ({ status: 410 }));
      const hook = await h.createHook(gone.url, ['Organization.Deleted']);
      const event = await h.emit('Organization.Deleted');
      const disabled = await h.disabled(hook.id);
      expect(disabled.disabledReason).toMatch(/410 Gone/);
      const delivery = await h.settle((await h.deliveryOf(event.id, hook.id)).id, 'FAILED');
      expect(delivery.attemptCount).toBe(1);

      const body = await eventually(() => observed().find((b) => b.event === 'Hook.Disabled' && b.data?.hookId === hook.id));
      expect(body).toMatchObject({ hookId: observerHookId, data: { hookId: hook.id, reason: disabled.disabledReason, disabledAt: disabled.disabledAt } });
      const listed = (await h.events(['Hook.Disabled'])).filter((e) => dataOf(e.payload).hookId === hook.id);
      expect(listed).toHaveLength(1);
      // Hook.Disabled is the sentinel: a batch's operational events are stored in one
      // transaction, and the delivery, FAILED with no due time, has no later attempt to report.
      const aboutIt = await h.events(['Delivery.Failing', 'Delivery.Exhausted', 'Delivery.Recovered']);
      expect(aboutIt.filter((e) => dataOf(e.payload).deliveryId === delivery.id)).toEqual([]);
    });

    it('never emits operational events about deliveries of operational events', async () => {
      const broken = await h.receiver();
      broken.reply(() => ({ status: 500 }));
      const brokenHook = await h.createHook(broken.url, ['Delivery.*']);
      // A failing delivery of an ordinary event, to produce Delivery.Failing and Delivery.Exhausted.
      const failing = await h.receiver();
      failing.reply(() => ({ status: 500 }));
      const source = await h.createHook(failing.url, ['Scope.Created']);
      const event = await h.emit('Scope.Created');
      const sourceDelivery = await h.settle((await h.deliveryOf(event.id, source.id)).id, 'FAILED');

      // The broken hook gets both, and fails each of them through a whole round (past the 4th attempt).
      const brokenDeliveries = await eventually(async () => {
        const nodes = await h.deliveriesOf(brokenHook.id);
        const mine = nodes.filter((d) => d.event === 'Delivery.Failing' || d.event === 'Delivery.Exhausted');
        return mine.length === 2 && mine.every((d) => d.status === 'FAILED') ? nodes : undefined;
      });
      expect(brokenDeliveries.map((d) => d.attemptCount)).toEqual([6, 6]);
      const bodies = broken.requests.map((r) => JSON.parse(r.body) as { event: string; data: { deliveryId: string } });
      expect(new Set(bodies.map((b) => `${b.event} ${b.data.deliveryId}`))).toEqual(
        new Set([`Delivery.Failing ${sourceDelivery.id}`, `Delivery.Exhausted ${sourceDelivery.id}`]),
      );

      await h.recordedSince();
      const all = await h.events(['Delivery.Failing', 'Delivery.Exhausted', 'Delivery.Recovered', 'Hook.Disabled']);
      expect(all.filter((e) => dataOf(e.payload).hookId === brokenHook.id)).toEqual([]);
      expect(all.filter((e) => dataOf(e.payload).deliveryId === sourceDelivery.id).map((e) => e.event).sort()).toEqual([
        'Delivery.Exhausted',
        'Delivery.Failing',
      ]);
      // Nothing fed on itself: the broken hook has exactly the two deliveries.
      expect(await h.deliveriesOf(brokenHook.id)).toHaveLength(2);
      expect(broken.requests).toHaveLength(12);
    });
  });
});
