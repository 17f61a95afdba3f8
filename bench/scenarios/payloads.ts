import { emitBatches } from '../emit';
import { bareLoop } from '../limit';
import { describeRate } from '../measure';
import { measurePhase } from '../phase';
import { BENCH_EVENT, deliveryLikeRequest, paddedPayload } from '../payload';
import type { BenchContext, Figure, Scenario } from '../scenario';
import type { BenchClient, BenchServer } from '../server';
import { round } from '../stats';

const KIB = 1024;
const SIZES = [64 * KIB, 256 * KIB];
// A 256 KiB payload is over the default HOOKWIRE_MAX_PAYLOAD_BYTES (256 KiB, which the padded
// event's JSON just reaches): 1 MiB leaves room, and makes the request-size limit 2 MiB + 64 KiB.
const MAX_PAYLOAD = '1MiB';
// Bytes of payload per `emitEvents` request: a quarter of the request-size limit.
const BATCH_BYTES = 512 * KIB;
// Bytes each size sends (about 200 MB: 3,200 events of 64 KiB, 800 of 256 KiB).
const BYTES_PER_SIZE = 200 * 1024 * KIB;
const TARGET = { of: 'ratio', op: '>=', bound: 0.5, text: '≥ 0.5 × bare, same body' } as const;

/**
 * Large payloads: events of 64 KiB and of 256 KiB of JSON to one hook, in `emitEvents` batches
 * of 512 KiB of payload (2 in flight); MB/s of delivered bodies (as the receiver counted them)
 * from the first emit to the last arrival, against the bare loop sending a body of the same
 * size in the same run (best of 1, 16 and 64 in flight). Per size at most about 200 MB, 20 s
 * of emitting and 40 s more of waiting; 20 events warm up first.
 */
export const payloads: Scenario = async (context) => {
  const server = await context.startServer('payloads', { HOOKWIRE_MAX_PAYLOAD_BYTES: MAX_PAYLOAD });
  const admin = server.client(1);
  const { createHook: hook } = await admin.CreateHook({ input: { name: 'payloads', url: `${context.receiver.origin}/pl/warm`, events: [BENCH_EVENT] } });
  const clients = [server.client(2), server.client(2)];
  const phase = (path: string, bytes: number, count: number) => measureSize(context, server, admin, clients, hook.id, path, bytes, count);
  await phase('/pl/warm', SIZES[0], 20);
  const figures: Figure[] = [];
  const details: Record<string, unknown> = { maxPayloadBytes: MAX_PAYLOAD };
  for (const bytes of SIZES) {
    const count = context.quick ? 10 : Math.round(BYTES_PER_SIZE / bytes);
    const result = await phase(`/pl/${bytes / KIB}k`, bytes, count);
    const bare = await bareLoop(context.receiver, `/pl-bare/${bytes / KIB}k`, deliveryLikeRequest(paddedPayload(1, bytes)), {
      seconds: context.quick ? 0.3 : 2,
      maxRequests: context.quick ? 200 : 20_000,
      concurrencies: [1, 16, 64],
    });
    const bareMBps = (bare.perSecond * bare.bodyBytes) / 1e6;
    context.log(`  bare loop, ${bare.bodyBytes} B bodies: ${round(bareMBps)} MB/s (${bare.runs.map((run) => `${run.concurrency}: ${run.perSecond}/s`).join(', ')})`);
    const label = `payloads, ${bytes / KIB} KiB`;
    figures.push(
      { label: `${label}, bare loop (best of 1/16/64)`, value: round(bareMBps), unit: 'MB/s' },
      {
        label: `${label}, delivered`,
        value: round(result.MBps),
        unit: 'MB/s',
        ratio: round(result.MBps / bareMBps, 3),
        target: TARGET,
        note: result.rate.complete ? undefined : `partial: ${result.rate.delivered} of ${result.rate.expected} arrived in the wait`,
      },
    );
    details[`${bytes / KIB}k`] = { ...result, bare };
  }
  return { figures, details: { ...details, serverRssMiB: round(server.rssMiB()) } };
};

async function measureSize(
  context: BenchContext,
  server: BenchServer,
  admin: BenchClient,
  clients: BenchClient[],
  hookId: string,
  path: string,
  bytes: number,
  count: number,
) {
  await admin.UpdateHook({ id: hookId, input: { url: `${context.receiver.origin}${path}` } });
  const batchSize = Math.max(1, Math.floor(BATCH_BYTES / bytes));
  const emit = () => emitBatches(clients, 1, batchSize, { count, seconds: 20, payload: (n) => paddedPayload(n, bytes) });
  const rate = await measurePhase(context, server, path, emit, { waitMs: context.quick ? 30_000 : 40_000 });
  const received = (await context.receiver.stats())[path]?.bytes ?? 0;
  const MBps = rate.seconds > 0 ? received / 1e6 / rate.seconds : 0;
  context.log(`${describeRate(path, rate)}; ${round(MBps)} MB/s`);
  return { rate, batchSize, bodyBytes: rate.delivered ? Math.round(received / rate.delivered) : 0, MBps };
}
