import { Pool } from 'undici';
import { deliveryLikeRequest } from './payload';
import { readCpuMs } from './measure';
import type { ReceiverHandle } from './receiver-control';
import { round, sleep } from './stats';

/** The bare loop at one concurrency. */
export interface LimitRun {
  concurrency: number;
  requests: number;
  /** Timed requests the receiver counted: must equal `requests` (a check on the loop itself). */
  received: number;
  seconds: number;
  perSecond: number;
  /** CPU time per request of the loop itself (this process) and of the receiver: what a POST costs each side. */
  clientCpuUsPerRequest: number;
  receiverCpuUsPerRequest: number;
}

/** The machine's limit: the best bare-loop rate, and every run it was picked from. */
export interface LimitResult {
  perSecond: number;
  concurrency: number;
  bodyBytes: number;
  runs: LimitRun[];
}

/**
 * The limit every rate is compared with: undici keep-alive POSTs of a delivery-sized, signed-
 * looking body to the same receiver, `concurrency` loops over as many pooled connections
 * (the sender's own setup: one undici Pool per origin), each loop sending as soon as its last
 * answer is read. Bounded by `seconds` and by `maxRequests` per run.
 */
export async function measureLimit(
  receiver: ReceiverHandle,
  options: { seconds: number; maxRequests: number; concurrencies: number[] },
): Promise<LimitResult> {
  return bareLoop(receiver, '/limit', deliveryLikeRequest(), options);
}

/**
 * The bare loop of {@link measureLimit} with any body, to `path`: the best of a run at each
 * concurrency. The payloads scenario measures its large bodies' limit with it.
 */
export async function bareLoop(
  receiver: ReceiverHandle,
  path: string,
  { body, headers }: { body: string; headers: Record<string, string> },
  options: { seconds: number; maxRequests: number; concurrencies: number[] },
): Promise<LimitResult> {
  const runs: LimitRun[] = [];
  const counted = async () => (await receiver.stats())[path]?.count ?? 0;
  for (const concurrency of options.concurrencies) {
    const before = await counted();
    const result = await run(receiver, path, body, headers, concurrency, options.seconds, options.maxRequests);
    // The warm-up sent one request per connection before the timed part.
    const received = (await counted()) - before - concurrency;
    if (received !== result.requests) throw new Error(`bare loop: sent ${result.requests}, the receiver counted ${received}`);
    runs.push({ ...result, received });
    await sleep(200);
  }
  const best = runs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  return { perSecond: best.perSecond, concurrency: best.concurrency, bodyBytes: Buffer.byteLength(body), runs };
}

async function run(
  receiver: ReceiverHandle,
  path: string,
  body: string,
  headers: Record<string, string>,
  concurrency: number,
  seconds: number,
  maxRequests: number,
): Promise<Omit<LimitRun, 'received'>> {
  const pool = new Pool(receiver.origin, { connections: concurrency });
  const post = async () => {
    const response = await pool.request({ path, method: 'POST', headers, body });
    await response.body.dump();
  };
  // Warm the connections up first, so the timed part measures steady keep-alive traffic.
  await Promise.all(Array.from({ length: concurrency }, post));
  let sent = 0;
  const clientCpu = process.cpuUsage();
  const receiverCpuMs = readCpuMs(receiver.pid);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (sent < maxRequests && performance.now() < deadline) {
      sent++;
      await post();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(clientCpu);
  const receiverUs = (readCpuMs(receiver.pid) - receiverCpuMs) * 1000;
  await pool.close();
  return {
    concurrency,
    requests: sent,
    seconds: round(elapsed, 3),
    perSecond: Math.round(sent / elapsed),
    clientCpuUsPerRequest: round((user + system) / Math.max(1, sent), 1),
    receiverCpuUsPerRequest: round(receiverUs / Math.max(1, sent), 1),
  };
}
