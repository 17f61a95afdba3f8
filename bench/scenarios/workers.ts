import { emitBatches } from '../emit';
import { cpuMeter, deliveryRate, describeRate } from '../measure';
import { BENCH_EVENT } from '../payload';
import { meterPostgres } from '../postgres-meter';
import { rateFigure, type BenchContext, type Figure, type Scenario } from '../scenario';
import { round } from '../stats';

const WORKER_COUNTS = [1, 2, 4];
// Several hooks, so that one hook's 16 requests in flight per worker do not bound N workers.
const HOOKS = 4;
const BATCH_SIZE = 250;

/**
 * Scale-out on one PostgreSQL: for 1, 2 and 4 worker processes, one `HOOKWIRE_ROLE=api` process
 * and N `HOOKWIRE_ROLE=worker` processes on a fresh database (so every delivery goes through the
 * queue's claim: an api process sends nothing). 4 hooks on the event; a fixed batch of 5,000
 * events (20,000 deliveries) in `emitEvents` batches of 250 by 2 clients, after 100 events of
 * warm-up; deliveries/s from the first emit to the last arrival, and each process's CPU time
 * over it. Each N emits for at most 20 s and waits at most 40 s more; its processes are stopped
 * before the next N starts. SQLite serves one process only: there it does not apply.
 */
export const workers: Scenario = async (context) => {
  if (context.database !== 'postgres') return { figures: [], details: {}, notApplicable: 'PostgreSQL only: SQLite serves one process' };
  const figures: Figure[] = [];
  const details: Record<string, unknown> = { hooks: HOOKS, batchSize: BATCH_SIZE };
  for (const count of WORKER_COUNTS) {
    const result = await measureWorkers(context, count);
    const label = `workers, api + ${count} worker${count > 1 ? 's' : ''}`;
    const perDelivery = (ms: number) => (result.rate.delivered ? Math.round((ms * 1000) / result.rate.delivered) : Number.NaN);
    figures.push(
      rateFigure(context, label, result.rate.perSecond, undefined, result.rate),
      { label: `${label}: api CPU per delivery`, value: perDelivery(result.apiCpuMs), unit: 'µs' },
      {
        label: `${label}: workers' CPU per delivery, together`,
        value: perDelivery(result.workerCpuMs.reduce((a, b) => a + b, 0)),
        unit: 'µs',
        note: `each worker ${result.workerCpuMs.join(' / ')} ms CPU`,
      },
    );
    details[`${count}`] = result;
  }
  return { figures, details };
};

async function measureWorkers(context: BenchContext, count: number) {
  const { receiver, quick } = context;
  const database = context.newDatabase();
  const api = await context.startServer(`workers-${count}-api`, { HOOKWIRE_ROLE: 'api' }, database);
  const workerServers = [];
  for (let i = 0; i < count; i++) workerServers.push(await context.startServer(`workers-${count}-worker`, { HOOKWIRE_ROLE: 'worker' }, database));
  try {
    const admin = api.client(1);
    const hooks: string[] = [];
    for (let i = 0; i < HOOKS; i++) {
      const { createHook } = await admin.CreateHook({ input: { name: `workers-${i}`, url: `${receiver.origin}/wk${count}-warm/${i}`, events: [BENCH_EVENT] } });
      hooks.push(createHook.id);
    }
    const clients = [api.client(2), api.client(2)];
    const warm = await emitBatches(clients, 1, 50, { count: quick ? 20 : 100, seconds: 10 });
    await deliveryRate(receiver, `/wk${count}-warm/`, warm, warm.emitted * HOOKS, 30_000);
    for (const [i, id] of hooks.entries()) await admin.UpdateHook({ id, input: { url: `${receiver.origin}/wk${count}/${i}` } });

    const database = await meterPostgres(context);
    const apiCpu = cpuMeter(api);
    const workerCpu = workerServers.map(cpuMeter);
    const run = await emitBatches(clients, 1, BATCH_SIZE, { count: quick ? 50 : 5_000, seconds: 20 });
    const rate = await deliveryRate(receiver, `/wk${count}/`, run, run.emitted * HOOKS, quick ? 30_000 : 40_000, undefined, database);
    const result = { workers: count, rate, apiCpuMs: Math.round(apiCpu()), workerCpuMs: workerCpu.map((cpu) => Math.round(cpu())) };
    context.log(`${describeRate(`api + ${count} worker(s), ${run.emitted} events × ${HOOKS} hooks`, rate)}; CPU ms: api ${result.apiCpuMs}, workers ${result.workerCpuMs.join(' / ')}`);
    return { ...result, apiRssMiB: round(api.rssMiB()), workerRssMiB: workerServers.map((server) => round(server.rssMiB())) };
  } finally {
    // Free the cores before the next count starts (the run stops them again, which is then a no-op).
    await Promise.allSettled([api, ...workerServers].map((server) => server.stop()));
  }
}
