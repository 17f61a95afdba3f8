import type { Scenario } from '../scenario';
import { median, round } from '../stats';

/**
 * Start: from spawning the server bundle as `npm start` does (once its build is done) to the
 * first 200 from `/healthz` (polled every 5 ms). The first start creates and migrates a fresh database and is reported
 * on its own; the figure is the median of the restarts on that database that follow.
 */
export const start: Scenario = async (context) => {
  const runs = context.quick ? 1 : 5;
  const database = context.newDatabase();
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const server = await context.startServer('start', {}, database);
    times.push(server.startMs);
    await server.stop();
  }
  const [fresh, ...restarts] = times;
  context.log(`  fresh database ${Math.round(fresh)} ms; restarts ${restarts.map((ms) => Math.round(ms)).join(', ')} ms`);
  return {
    figures: [
      { label: 'start to /healthz, median', value: Math.round(median(restarts)), unit: 'ms', target: { of: 'value', op: '<=', bound: 2000, text: '≤ 2 s' } },
      { label: 'start to /healthz, fresh database', value: Math.round(fresh), unit: 'ms' },
    ],
    details: { freshMs: round(fresh), restartsMs: restarts.map((ms) => round(ms)) },
  };
};
