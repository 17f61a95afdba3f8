import { BENCH_EVENT, userCreatedPayload } from './payload';
import type { BenchClient } from './server';
import { wallNow } from './stats';

/** How many events an emitting phase sent, and when it started and finished (wall-clock ms). */
export interface EmitRun {
  emitted: number;
  startedAt: number;
  finishedAt: number;
}

/** Limits of one emitting phase: at most `count` events and `seconds` of sending. */
export interface EmitBounds {
  count: number;
  seconds: number;
  event?: string;
  /** When given, each call's answer time in ms is pushed here. */
  answerMs?: number[];
  /** The payload of the `n`th event; `userCreatedPayload` unless given. */
  payload?: (n: number) => Record<string, unknown>;
}

/**
 * Sends events one `emitEvent` each: `perClient` callers on every client (each client its own
 * keep-alive pool), every caller sending its next event as soon as the last is acknowledged.
 */
export async function emitSingles(clients: BenchClient[], perClient: number, bounds: EmitBounds): Promise<EmitRun> {
  const event = bounds.event ?? BENCH_EVENT;
  const payload = bounds.payload ?? userCreatedPayload;
  return emitLoop(clients, perClient, bounds, 1, async (client, first) => {
    await client.EmitEvent({ input: { event, payload: payload(first) } });
  });
}

/** Sends events in `emitEvents` batches of `batchSize` (the last may be smaller), `perClient` batches in flight per client. */
export async function emitBatches(clients: BenchClient[], perClient: number, batchSize: number, bounds: EmitBounds): Promise<EmitRun> {
  const event = bounds.event ?? BENCH_EVENT;
  const payload = bounds.payload ?? userCreatedPayload;
  return emitLoop(clients, perClient, bounds, batchSize, async (client, first, size) => {
    const inputs = Array.from({ length: size }, (_, i) => ({ event, payload: payload(first + i) }));
    await client.EmitEvents({ inputs });
  });
}

async function emitLoop(
  clients: BenchClient[],
  perClient: number,
  bounds: EmitBounds,
  step: number,
  send: (client: BenchClient, first: number, size: number) => Promise<void>,
): Promise<EmitRun> {
  let next = 0;
  let emitted = 0;
  const startedAt = wallNow();
  const deadline = startedAt + bounds.seconds * 1000;
  const caller = async (client: BenchClient) => {
    while (next < bounds.count && wallNow() < deadline) {
      const first = next;
      const size = Math.min(step, bounds.count - first);
      next += size;
      const sentAt = wallNow();
      await send(client, first, size);
      bounds.answerMs?.push(wallNow() - sentAt);
      emitted += size;
    }
  };
  await Promise.all(clients.flatMap((client) => Array.from({ length: perClient }, () => caller(client))));
  return { emitted, startedAt, finishedAt: wallNow() };
}
