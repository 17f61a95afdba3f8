import { readFileSync } from 'node:fs';
import type { EmitRun } from './emit';
import type { PostgresMeter, PostgresWork } from './postgres-meter';
import type { ReceiverHandle } from './receiver-control';
import { round } from './stats';

/** A delivery rate: what was emitted, what arrived, over how long. */
export interface Rate {
  emitted: number;
  /** Deliveries the emitted events make (events × matching hooks). */
  expected: number;
  delivered: number;
  /** From the first emit to the last arrival. */
  seconds: number;
  emitSeconds: number;
  perSecond: number;
  /** False when the wait ran out first: the rate is then over what had arrived by then. */
  complete: boolean;
  /** The hookwire process's CPU time per delivery over the phase, when measured: the cost, whatever the noise. */
  serverCpuUsPerDelivery?: number;
}

/** A rate, with what the PostgreSQL server did for it when the system under test runs on one. */
export type MeteredRate = Rate & Partial<PostgresWork>;

// USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK).
const CLOCK_TICKS_PER_SECOND = 100;

/** A process's CPU time so far (user + system), in milliseconds, from /proc; NaN once it is gone. */
export function readCpuMs(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** Starts counting a process's CPU time; the function returned gives the milliseconds used since. */
export function cpuMeter(server: { cpuMs(): number }): () => number {
  const start = server.cpuMs();
  return () => server.cpuMs() - start;
}

/**
 * Waits (up to `waitMs`) for `expected` deliveries on the paths starting with `prefix`, and
 * returns their rate from the emit phase's start to the last arrival. A wait that runs out
 * still yields a rate, over what arrived, flagged incomplete: every phase is bounded in time
 * however slow the server is.
 */
export async function deliveryRate(
  receiver: ReceiverHandle,
  prefix: string,
  run: EmitRun,
  expected: number,
  waitMs: number,
  cpuSince?: () => number,
  postgres?: PostgresMeter,
): Promise<MeteredRate> {
  const seen = await receiver.collect(prefix, expected, waitMs);
  const cpuMs = cpuSince?.();
  const database = await postgres?.(seen.count);
  const seconds = (seen.last - run.startedAt) / 1000;
  return {
    emitted: run.emitted,
    expected,
    delivered: seen.count,
    seconds: round(seconds, 3),
    emitSeconds: round((run.finishedAt - run.startedAt) / 1000, 3),
    perSecond: seconds > 0 ? seen.count / seconds : 0,
    complete: seen.complete,
    serverCpuUsPerDelivery: cpuMs !== undefined && seen.count > 0 ? Math.round((cpuMs * 1000) / seen.count) : undefined,
    ...database,
  };
}

/** One line for the progress log. */
export function describeRate(label: string, rate: MeteredRate): string {
  const tail = rate.complete ? '' : ` (INCOMPLETE: ${rate.delivered} of ${rate.expected} arrived within the wait)`;
  const cpu = rate.serverCpuUsPerDelivery === undefined ? '' : `, server CPU ${rate.serverCpuUsPerDelivery} µs per delivery`;
  const database =
    rate.postgresCpuUsPerDelivery === undefined ? '' : `; PostgreSQL CPU ${rate.postgresCpuUsPerDelivery} µs and WAL ${rate.walBytesPerDelivery} B per delivery`;
  return `  ${label}: ${rate.emitted} emitted in ${rate.emitSeconds} s, ${rate.delivered} delivered in ${rate.seconds} s: ${Math.round(rate.perSecond)}/s${cpu}${database}${tail}`;
}
