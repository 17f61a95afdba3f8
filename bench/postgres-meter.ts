import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { readCpuMs } from './measure';

/** What the PostgreSQL server did over a phase, per delivery. */
export interface PostgresWork {
  /** CPU time of every PostgreSQL process on this machine (backends, WAL writer, checkpointer…). */
  postgresCpuUsPerDelivery: number;
  /** WAL written, from `pg_current_wal_lsn()` before and after. */
  walBytesPerDelivery: number;
}

/** Ends a {@link postgresMeter}: what the server did for `deliveries`, undefined for none. */
export type PostgresMeter = (deliveries: number) => Promise<PostgresWork | undefined>;

/**
 * Starts measuring the PostgreSQL server at `url` (which must run on this machine, as the
 * bench's does): call the result with the deliveries made meanwhile. The bench's own reads of
 * the LSN are two tiny statements; nothing else uses the server during a phase.
 */
export async function postgresMeter(url: string): Promise<PostgresMeter> {
  const server = new URL(url);
  server.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  const lsn = async () => String((await client.query('select pg_current_wal_lsn() as lsn')).rows[0].lsn);
  const startLsn = await lsn();
  const startCpu = postgresCpuMs();
  return async (deliveries) => {
    try {
      const cpuMs = postgresCpuMs() - startCpu;
      const wal = Number((await client.query('select pg_wal_lsn_diff(pg_current_wal_lsn(), $1) as bytes', [startLsn])).rows[0].bytes);
      if (deliveries <= 0) return undefined;
      return { postgresCpuUsPerDelivery: Math.round((cpuMs * 1000) / deliveries), walBytesPerDelivery: Math.round(wal / deliveries) };
    } finally {
      await client.end();
    }
  };
}

/** The CPU time so far of every process named `postgres`, in milliseconds (one that ended meanwhile drops out). */
function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let name: string;
    try {
      name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (name !== 'postgres') continue;
    const ms = readCpuMs(Number(entry));
    if (Number.isFinite(ms)) total += ms;
  }
  return total;
}

/** A meter of the PostgreSQL server the system under test runs on, if it runs on one. */
export function meterPostgres(context: { postgresUrl?: string }): Promise<PostgresMeter | undefined> {
  return context.postgresUrl ? postgresMeter(context.postgresUrl) : Promise.resolve(undefined);
}
