import { describe, expect, it } from 'vitest';
import { DatabaseOutage } from '../../src/db/outage';
import { AttemptEventHub } from '../../src/delivery/attempt-events';
import type { AttemptResult } from '../../src/delivery/job';
import { RECORD_LINGER_MS, ResultRecorder } from '../../src/delivery/result-recorder';
import type { Completed } from '../../src/delivery/work-queue';
import { FakeQueue, fakeClock, fakeJob, fakeLogger, fakeResult } from '../support/engine-fakes';

function recorder(outage?: DatabaseOutage) {
  const queue = new FakeQueue();
  const logger = fakeLogger();
  const events = new AttemptEventHub();
  const settled: Array<{ batch: readonly AttemptResult[]; completed: Completed | undefined }> = [];
  const told: AttemptResult[] = [];
  events.on('attemptRecorded', (result) => told.push(result));
  const recording = new ResultRecorder({
    queue,
    workerId: 'worker-test',
    clock: fakeClock(),
    logger,
    outage,
    events,
    settled: (batch, completed) => settled.push({ batch, completed }),
  });
  return { recording, queue, logger, events, settled, told };
}

const unavailable = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('ResultRecorder', () => {
  it('records the results that arrive together in one write, and tells of each after it', async () => {
    const { recording, queue, settled, told } = recorder();
    const results = [fakeResult(fakeJob('a')), fakeResult(fakeJob('a')), fakeResult(fakeJob('b'))];
    for (const result of results) recording.add(result);
    expect(recording.waiting).toBe(3);
    await recording.flush();
    expect(queue.completed).toEqual([results]);
    expect(settled).toEqual([{ batch: results, completed: { disabled: [], recovered: [] } }]);
    expect(told).toEqual(results);
  });

  it('lingers for company, but writes an ordered hook’s result at once', async () => {
    const { recording, queue } = recorder();
    recording.add(fakeResult(fakeJob('a')));
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.completed).toHaveLength(0);
    const started = Date.now();
    recording.add(fakeResult(fakeJob('o', { ordered: true })));
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.completed.map((batch) => batch.length)).toEqual([2]);
    expect(Date.now() - started).toBeLessThan(RECORD_LINGER_MS);
  });

  it('tries a failed write again', async () => {
    const { recording, queue, logger, settled } = recorder();
    queue.failures = [new Error('deadlock')];
    const result = fakeResult(fakeJob('a'));
    recording.add(result);
    await recording.flush();
    expect(queue.completed).toEqual([[result]]);
    expect(logger.lines).toEqual(['warn: recording attempts failed; retrying']);
    expect(settled[0].completed).toBeDefined();
  });

  it('leaves out what a write whose answer was lost had stored', async () => {
    const { recording, queue, told } = recorder();
    queue.failures = ['lose'];
    const results = [fakeResult(fakeJob('a')), fakeResult(fakeJob('b'))];
    for (const result of results) recording.add(result);
    await recording.flush();
    // The retry stores nothing twice; every attempt is still told of once.
    expect(queue.completed).toEqual([results, []]);
    expect(told).toEqual(results);
  });

  it('reports an outage once through the outage log, and logs no retries of its own', async () => {
    const logger = fakeLogger();
    const outage = new DatabaseOutage(logger, async () => {}, 60_000);
    const { recording, queue, logger: own } = recorder(outage);
    queue.failures = [unavailable(), unavailable()];
    recording.add(fakeResult(fakeJob('a')));
    await recording.flush();
    outage.close();
    expect(logger.lines).toEqual(['error: database unavailable']);
    expect(own.lines).toEqual([]);
    expect(queue.completed).toHaveLength(1);
  });

  it('hands a batch’s operational events to their subscribers, awaited', async () => {
    const { recording, events } = recorder();
    const emitted: string[] = [];
    events.on('operationalEvents', async (list) => void emitted.push(...list.map((event) => event.event)));
    const job = fakeJob('a', { attemptCount: 7 });
    recording.add({ ...fakeResult(job, { kind: 'http-error', status: 500, body: '' }), next: { status: 'FAILED' } });
    await recording.flush();
    expect(emitted).toEqual(['Delivery.Exhausted']);
  });
});
