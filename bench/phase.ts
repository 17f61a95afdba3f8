import type { EmitRun } from './emit';
import { cpuMeter, deliveryRate, type MeteredRate } from './measure';
import { meterPostgres } from './postgres-meter';
import type { ReceiverHandle } from './receiver-control';

/**
 * One rate phase: runs `emit` and measures the rate of its deliveries to the receiver paths
 * starting with `prefix` (`perEvent` each), with the server's CPU over the phase and, when the
 * system under test runs on PostgreSQL, the database's CPU and WAL. Every rate scenario measures
 * through this, so each figure covers the same span.
 */
export async function measurePhase(
  context: { receiver: ReceiverHandle; postgresUrl?: string },
  server: { cpuMs(): number },
  prefix: string,
  emit: () => Promise<EmitRun>,
  { perEvent = 1, waitMs }: { perEvent?: number; waitMs: number },
): Promise<MeteredRate> {
  const cpu = cpuMeter(server);
  const database = await meterPostgres(context);
  const run = await emit();
  return deliveryRate(context.receiver, prefix, run, run.emitted * perEvent, waitMs, cpu, database);
}
