import { newId } from '../util/ids';
import type { Clock } from './clock';
import type { AttemptResult, DeliveryJob, NextStep } from './job';
import type { AttemptOutcome } from './outcome';
import { buildRequest } from './request-builder';
import { isGone, planRetry, type RetryPolicy } from './retry-policy';
import type { Sender } from './sender';

/** What one attempt runs with; every field but the sender and clock comes from the config. */
export interface AttemptContext {
  sender: Sender;
  clock: Clock;
  random: () => number;
  retryPolicy: RetryPolicy;
  requestTimeoutMs: number;
  userAgent: string;
}

/**
 * Makes one attempt of a delivery: builds and signs the request, sends it, and works out what
 * comes next (success, a retry at a planned time, or the end; a 410 Gone also disables the
 * hook). Endpoint failures are outcomes: this rejects only if the sender breaks its contract.
 */
export async function runAttempt(job: DeliveryJob, context: AttemptContext): Promise<AttemptResult> {
  const { clock, sender, requestTimeoutMs, userAgent } = context;
  const startedAt = clock.now();
  const { request, recorded } = buildRequest(job, { now: startedAt, userAgent, timeoutMs: requestTimeoutMs });
  const { durationMs, ...outcome } = await sender.send(request);
  const number = job.attemptCount + 1;
  const gone = isGone(outcome);
  return {
    job,
    attemptId: newId('att'),
    number,
    trigger: job.trigger,
    startedAt,
    durationMs,
    request: recorded,
    outcome,
    next: gone ? { status: 'FAILED' } : nextStep(context, number - job.roundOffset, outcome),
    disableHookReason: gone ? `the endpoint answered 410 Gone on ${startedAt.toISOString()}` : undefined,
  };
}

/** What follows attempt `numberInRound` of the current round, planned from the clock's now (after the answer). */
function nextStep(context: AttemptContext, numberInRound: number, outcome: AttemptOutcome): NextStep {
  if (outcome.kind === 'success') return { status: 'SUCCEEDED' };
  const at = planRetry(context.retryPolicy, numberInRound, outcome, context.clock.now(), context.random);
  return at === 'exhausted' ? { status: 'FAILED' } : { status: 'RETRYING', at };
}
