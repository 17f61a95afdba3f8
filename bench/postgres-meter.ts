import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { readCpuMs } from './measure';

/** What the PostgreSQL server did over a phase, per delivery. */
export interface PostgresWork {
  /** CPU time of the PostgreSQL processes on this machine (backends, WAL writer, checkpointer…). */
  postgresCpuUsPerDelivery: number;
  /** WAL written, from `pg_current_wal_lsn()` before and after. */
  walBytesPerDelivery: number;
}

/** Ends a {@link meterPostgres}: what the server did for `deliveries`, undefined for none. */
export type PostgresMeter = (deliveries: number) => Promise<PostgresWork | undefined>;

/**
 * Starts measuring the PostgreSQL server the system under test runs on, if it runs on one (it
 * must run on this machine, as the bench's does): call the result with the deliveries made
 * meanwhile. The CPU is each process's own growth over the phase (one started meanwhile from
 * zero), so a backend or autovacuum worker that ends during the phase takes none of the others'
 * time with it. The LSN is read over a connection of its own at each end, so a phase that
 * throws leaves no client open.
 */
export async function meterPostgres(context: { postgresUrl?: string }): Promise<PostgresMeter | undefined> {
  if (!context.postgresUrl) return undefined;
  const server = new URL(context.postgresUrl);
  server.searchParams.delete('schema');
  const startLsn = await currentLsn(server.toString());
  const startCpu = postgresCpu();
  return async (deliveries) => {
    let cpuMs = 0;
    for (const [pid, ms] of postgresCpu()) cpuMs += ms - (startCpu.get(pid) ?? 0);
    const wal = Number(await currentLsn(server.toString(), startLsn));
    if (deliveries <= 0) return undefined;
    return { postgresCpuUsPerDelivery: Math.round((cpuMs * 1000) / deliveries), walBytesPerDelivery: Math.round(wal / deliveries) };
  };
}

/** The server's current WAL position, or with `since` the bytes written after it. */
async function currentLsn(url: string, since?: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const query = since === undefined ? 'select pg_current_wal_lsn()::text as v' : 'select pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::text as v';
    return String((await client.query(query, since === undefined ? [] : [since])).rows[0].v);
  } finally {
    await client.end();
  }
}

/** The CPU time so far, in milliseconds, of each live process named `postgres`, by pid. */
function postgresCpu(): Map<string, number> {
  const cpu = new Map<string, number>();
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
    if (Number.isFinite(ms)) cpu.set(entry, ms);
  }
  return cpu;
}
