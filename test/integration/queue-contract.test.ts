import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Orm } from '../../src/db/database';
import { createSql, type Sql } from '../../src/db/sql';
import { readDate } from '../../src/db/sql-values';
import type { AttemptResult, DeliveryJob, NextStep } from '../../src/delivery/job';
import type { AttemptOutcome } from '../../src/delivery/outcome';
import { matchesAnyEventPattern, patternsSelecting } from '../../src/events/event-pattern';
import { Event } from '../../src/db/tables/event.entity';
import { eventsInsert } from '../../src/events/event-insert';
import { Hook } from '../../src/db/tables/hook.entity';
import { syncHookPatterns } from '../../src/hooks/hook-patterns';
import { Queue } from '../../src/queue/queue';
import { newId } from '../../src/util/ids';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases';

const LEASE_MS = 30_000;
const ok: AttemptOutcome = { kind: 'success', status: 200, body: '' };
const failed: AttemptOutcome = { kind: 'http-error', status: 500, body: '' };

// The same cases against the real queue on every database (graphql-ws runs one suite over each
// server adapter): what the dispatcher relies on must hold on SQLite and PostgreSQL alike. Time
// is a plain fake clock; the queue takes `now` from its callers.
describe.each(DATABASE_KINDS)('the queue on %s', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  let sql: Sql;
  let queue: Queue;
  let time = Date.UTC(2030, 0, 1);
  const clock = { now: () => new Date(time) };
  const later = (ms: number) => new Date(time + ms);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    orm = await openDatabase(database.database);
    await migrate(orm, database.database);
    sql = createSql(orm);
    queue = new Queue(sql, { disableAfterMs: 60_000, minFailures: 2 });
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });
  beforeEach(() => {
    time += 24 * 3_600_000;
  });

  async function hook(options: { ordered?: boolean; enabled?: boolean } = {}): Promise<string> {
    const em = orm.em.fork();
    const type = `Test.${newId('hook').slice(5)}`;
    return em.transactional(async (tx) => {
      const created = tx.create(Hook, { name: type, events: [type], url: 'http://127.0.0.1:9/', signingKey: 'whsec_x', ...options });
      await tx.flush();
      await syncHookPatterns(tx, created.id, created.events);
      return created.id;
    });
  }

  /** Emits `count` events of the hook's one type; returns their delivery ids, oldest first. */
  async function emit(hookId: string, count = 1): Promise<string[]> {
    const [{ events }] = await sql.all('select events from hooks where id = ?', [hookId]);
    const type = (typeof events === 'string' ? JSON.parse(events) : events)[0] as string;
    const fresh = Array.from({ length: count }, () => Object.assign(new Event(), { type, payload: { n: 1 } }));
    const { insert, queued } = eventsInsert(kind, fresh);
    await queue.enqueueWithEvents(insert, queued, { now: clock.now(), selects: matchesAnyEventPattern, patternsSelecting });
    const rows = await sql.all('select id from deliveries where hook_id = ? order by event_id', [hookId]);
    return rows.map((row) => String(row.id)).slice(-count);
  }

  const claim = (hookId: string, workerId = 'worker-a', options: { ordered?: boolean; limit?: number; now?: Date } = {}) =>
    queue.claimForHook({ hookId, ordered: options.ordered ?? false, workerId, limit: options.limit ?? 10, leaseMs: LEASE_MS, now: options.now ?? clock.now() });

  function result(job: DeliveryJob, outcome: AttemptOutcome, next: NextStep, extra: Partial<AttemptResult> = {}): AttemptResult {
    return {
      job,
      attemptId: newId('att'),
      number: job.attemptCount + 1,
      trigger: job.trigger,
      startedAt: clock.now(),
      durationMs: 5,
      request: { url: job.url, headers: { 'content-type': 'application/json' }, body: job.payloadJson },
      outcome,
      next,
      ...extra,
    };
  }

  async function delivery(id: string) {
    const [row] = await sql.all('select status, attempt_count, next_attempt_at, locked_by, next_trigger, round_offset from deliveries where id = ?', [id]);
    return { status: row.status, attempts: Number(row.attempt_count), dueAt: readDate(row.next_attempt_at), lockedBy: row.locked_by, trigger: row.next_trigger, roundOffset: Number(row.round_offset) };
  }

  it('writes events and their deliveries together or not at all', async () => {
    const hookId = await hook();
    const [{ events }] = await sql.all('select events from hooks where id = ?', [hookId]);
    const type = (typeof events === 'string' ? JSON.parse(events) : events)[0] as string;
    const options = { now: clock.now(), selects: matchesAnyEventPattern, patternsSelecting };
    const count = async (table: string) => Number((await sql.all(`select count(*) as n from ${table}`))[0].n);
    const [eventsBefore, deliveriesBefore] = [await count('events'), await count('deliveries')];
    // A delivery whose event is not in the insert fails on its reference: the events written with it go too.
    const written = eventsInsert(kind, [Object.assign(new Event(), { type, payload: { n: 1 } })]);
    const stray = eventsInsert(kind, [Object.assign(new Event(), { type, payload: { n: 2 } })]).queued;
    await expect(queue.enqueueWithEvents(written.insert, [...written.queued, ...stray], options)).rejects.toThrow();
    expect([await count('events'), await count('deliveries')]).toEqual([eventsBefore, deliveriesBefore]);
    // An event id already stored fails the events: none of the deliveries planned with them is written.
    await queue.enqueueWithEvents(written.insert, written.queued, options);
    const duplicate = eventsInsert(kind, [
      Object.assign(new Event(), { type, payload: { n: 3 } }),
      Object.assign(new Event(), { id: written.queued[0].id, type, payload: { n: 4 } }),
    ]);
    await expect(queue.enqueueWithEvents(duplicate.insert, duplicate.queued, options)).rejects.toThrow();
    expect([await count('events'), await count('deliveries')]).toEqual([eventsBefore + 1, deliveriesBefore + 1]);
  });

  it('claims a due delivery once, with its event and hook, and lists its hook as due until then', async () => {
    const hookId = await hook();
    const [id] = await emit(hookId);
    expect((await queue.dueHooks(clock.now())).map((due) => due.hookId)).toContain(hookId);
    const [job] = await claim(hookId);
    expect(job).toMatchObject({ deliveryId: id, hookId, attemptCount: 0, trigger: 'SCHEDULED', payloadJson: '{"n":1}' });
    expect(await claim(hookId, 'worker-b')).toEqual([]);
    expect((await queue.dueHooks(clock.now())).map((due) => due.hookId)).not.toContain(hookId);
    expect(await delivery(id)).toMatchObject({ lockedBy: 'worker-a', dueAt: later(LEASE_MS) });
  });

  it('makes a claimed delivery claimable by another worker once its lease is over', async () => {
    const hookId = await hook();
    const [id] = await emit(hookId);
    await claim(hookId);
    expect(await claim(hookId, 'worker-b', { now: later(LEASE_MS - 1) })).toEqual([]);
    const [job] = await claim(hookId, 'worker-b', { now: later(LEASE_MS) });
    expect(job?.deliveryId).toBe(id);
    expect(await delivery(id)).toMatchObject({ lockedBy: 'worker-b' });
  });

  it('completes a success: final, recorded, and no longer claimable', async () => {
    const hookId = await hook();
    const [id] = await emit(hookId);
    const [job] = await claim(hookId);
    const success = result(job, ok, { status: 'SUCCEEDED' });
    expect(await queue.complete([success], 'worker-a', clock.now())).toEqual({ disabled: [], recovered: [] });
    expect(await delivery(id)).toMatchObject({ status: 'SUCCEEDED', attempts: 1, dueAt: null, lockedBy: null });
    expect(await queue.recordedAttempts([success, result(job, ok, { status: 'SUCCEEDED' })])).toEqual(new Set([success.attemptId]));
    expect(await claim(hookId, 'worker-b', { now: later(10 * LEASE_MS) })).toEqual([]);
  });

  it('completes a failure with a retry: due again at the retry time, not before', async () => {
    const hookId = await hook();
    const [id] = await emit(hookId);
    const [job] = await claim(hookId);
    await queue.complete([result(job, failed, { status: 'RETRYING', at: later(5_000) })], 'worker-a', clock.now());
    expect(await delivery(id)).toMatchObject({ status: 'RETRYING', attempts: 1, dueAt: later(5_000), lockedBy: null });
    expect(await claim(hookId, 'worker-a', { now: later(4_999) })).toEqual([]);
    const [again] = await claim(hookId, 'worker-a', { now: later(5_000) });
    expect(again).toMatchObject({ deliveryId: id, attemptCount: 1 });
  });

  it('completes the last failed attempt as FAILED, never claimed again', async () => {
    const hookId = await hook();
    const [id] = await emit(hookId);
    const [job] = await claim(hookId);
    await queue.complete([result(job, failed, { status: 'FAILED' })], 'worker-a', clock.now());
    expect(await delivery(id)).toMatchObject({ status: 'FAILED', dueAt: null });
    expect(await claim(hookId, 'worker-a', { now: later(10 * LEASE_MS) })).toEqual([]);
  });

  it('leaves a delivery to the worker that took its lease over, but records the late attempt', async () => {
    const hookId = await hook();
    const [id] = await emit(hookId);
    const [job] = await claim(hookId);
    await claim(hookId, 'worker-b', { now: later(LEASE_MS) });
    const late = result(job, ok, { status: 'SUCCEEDED' });
    await queue.complete([late], 'worker-a', clock.now());
    expect(await delivery(id)).toMatchObject({ status: 'PENDING', lockedBy: 'worker-b' });
    expect(await queue.recordedAttempts([late])).toEqual(new Set([late.attemptId]));
  });

  it('parks a disabled hook’s waiting deliveries and resumes them, due at once', async () => {
    const hookId = await hook();
    const [id] = await emit(hookId);
    await sql.run('update hooks set enabled = ? where id = ?', [kind === 'sqlite' ? 0 : false, hookId]);
    await queue.park(hookId);
    expect(await delivery(id)).toMatchObject({ status: 'PENDING', dueAt: null });
    expect((await queue.dueHooks(later(LEASE_MS))).map((due) => due.hookId)).not.toContain(hookId);
    await sql.run('update hooks set enabled = ? where id = ?', [kind === 'sqlite' ? 1 : true, hookId]);
    await queue.resume(hookId, later(1_000));
    expect(await delivery(id)).toMatchObject({ dueAt: later(1_000) });
    expect((await claim(hookId, 'worker-a', { now: later(1_000) }))[0]?.deliveryId).toBe(id);
  });

  it('disables a hook that failed past the policy and parks its other deliveries', async () => {
    const hookId = await hook();
    const ids = await emit(hookId, 3);
    const jobs = await claim(hookId, 'worker-a', { limit: 2 });
    const waiting = ids.find((id) => !jobs.some((job) => job.deliveryId === id)) as string;
    const startedAt = new Date(time - 120_000);
    const completed = await queue.complete(
      jobs.map((job) => result(job, failed, { status: 'RETRYING', at: later(5_000) }, { startedAt })),
      'worker-a',
      clock.now(),
    );
    expect(completed.disabled).toEqual([{ hookId, reason: expect.stringContaining('2 attempts in a row'), disabledAt: clock.now() }]);
    expect(await delivery(waiting)).toMatchObject({ status: 'PENDING', dueAt: null });
    expect(await claim(hookId, 'worker-a', { now: later(LEASE_MS) })).toEqual([]);
    // Had the answer of that write been lost, a retry reads back what it did (by its time).
    const results = jobs.map((job) => result(job, failed, { status: 'RETRYING', at: later(5_000) }, { startedAt }));
    expect((await queue.storedOutcome(results, clock.now())).disabled).toEqual(completed.disabled);
    expect((await queue.storedOutcome(results, later(1))).disabled).toEqual([]);
  });

  it('redelivers a finished delivery as a new MANUAL round, and refuses one in flight', async () => {
    const hookId = await hook();
    const [id] = await emit(hookId);
    const [job] = await claim(hookId);
    expect(await queue.redeliver(id, clock.now())).toBe('in-flight');
    await queue.complete([result(job, failed, { status: 'FAILED' })], 'worker-a', clock.now());
    expect(await queue.redeliver(id, later(1))).toBe('queued');
    expect(await delivery(id)).toMatchObject({ status: 'PENDING', dueAt: later(1), trigger: 'MANUAL', roundOffset: 1 });
    const [again] = await claim(hookId, 'worker-a', { now: later(1) });
    expect(again).toMatchObject({ deliveryId: id, trigger: 'MANUAL', attemptCount: 1, roundOffset: 1 });
  });

  it('releases claimed deliveries, due at once for any worker', async () => {
    const hookId = await hook();
    const [id] = await emit(hookId);
    await claim(hookId);
    await queue.release([id], 'worker-b', clock.now());
    expect(await delivery(id)).toMatchObject({ lockedBy: 'worker-a' });
    await queue.release([id], 'worker-a', later(1));
    expect((await claim(hookId, 'worker-b', { now: later(1) }))[0]?.deliveryId).toBe(id);
  });

  it('lets an ordered hook’s deliveries out one at a time, each after the one before is recorded', async () => {
    const hookId = await hook({ ordered: true });
    const ids = await emit(hookId, 3);
    const [head] = await claim(hookId, 'worker-a', { ordered: true, limit: 1 });
    expect(head.deliveryId).toBe(ids[0]);
    expect(await claim(hookId, 'worker-b', { ordered: true })).toEqual([]);
    await queue.complete([result(head, failed, { status: 'RETRYING', at: later(5_000) })], 'worker-a', clock.now());
    expect(await claim(hookId, 'worker-b', { ordered: true, now: later(4_999) })).toEqual([]);
    const [retried] = await claim(hookId, 'worker-b', { ordered: true, limit: 1, now: later(5_000) });
    expect(retried.deliveryId).toBe(ids[0]);
    await queue.complete([result(retried, ok, { status: 'SUCCEEDED' })], 'worker-b', later(5_000));
    const run = await claim(hookId, 'worker-b', { ordered: true, now: later(5_000) });
    expect(run.map((job) => job.deliveryId)).toEqual(ids.slice(1));
  });

  it('recovers a hook’s FAILED deliveries in a time range, and replays an event to a hook without a delivery', async () => {
    const hookId = await hook();
    const [id] = await emit(hookId);
    const [job] = await claim(hookId);
    await queue.complete([result(job, failed, { status: 'FAILED' })], 'worker-a', clock.now());
    expect(await queue.recover(hookId, later(1), later(2), later(3))).toBe(0);
    expect(await queue.recover(hookId, later(-1), later(1), later(3))).toBe(1);
    expect(await delivery(id)).toMatchObject({ status: 'PENDING', dueAt: later(3), trigger: 'MANUAL' });

    const [{ event_id: eventId, event_type: type }] = await sql.all('select event_id, event_type from deliveries where id = ?', [id]);
    const other = await hook();
    const replayed = await queue.replay({ id: String(eventId), type: String(type) }, other, clock.now());
    expect(replayed.outcome).toBe('queued');
    expect(await queue.replay({ id: String(eventId), type: String(type) }, other, clock.now())).toEqual({ deliveryId: replayed.deliveryId, outcome: 'existing' });
    expect((await claim(other))[0]).toMatchObject({ deliveryId: replayed.deliveryId, trigger: 'MANUAL' });
  });

  it('counts the queue: open, due, and since when the oldest due one waits', async () => {
    const before = await queue.snapshot(clock.now());
    const hookId = await hook();
    await emit(hookId, 2);
    await claim(hookId, 'worker-a', { limit: 1 });
    const after = await queue.snapshot(clock.now());
    expect(after.open - before.open).toBe(2);
    expect(after.due - before.due).toBe(1);
    expect(after.oldestDueAt?.getTime()).toBeLessThanOrEqual(time);
  });
});
