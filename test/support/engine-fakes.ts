import type { Clock } from '../../src/delivery/clock';
import type { AttemptResult, DeliveryJob } from '../../src/delivery/job';
import type { LogPort } from '../../src/logger';
import type { AttemptOutcome, SendResult } from '../../src/delivery/outcome';
import type { OutgoingRequest, Sender } from '../../src/delivery/sender';
import type { ClaimRequest, Completed, DueHook, WorkQueue } from '../../src/delivery/work-queue';

let next = 0;

/** A claimed delivery of `hookId` (unordered, no rate limit unless `extra` says so). */
export function fakeJob(hookId: string, extra: Partial<DeliveryJob> = {}): DeliveryJob {
  next++;
  return {
    deliveryId: `dlv_${next}`,
    eventId: `evt_${next}`,
    eventType: 'User.Created',
    eventCreatedAt: new Date(0),
    payloadJson: '{}',
    hookId,
    url: 'http://example.com/hook',
    headers: [],
    signingKey: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    retiredSigningKeys: [],
    attemptCount: 0,
    roundOffset: 0,
    trigger: 'SCHEDULED',
    rateLimit: null,
    ordered: false,
    ...extra,
  };
}

/** A finished attempt of `job` with `outcome`. */
export function fakeResult(job: DeliveryJob, outcome: AttemptOutcome = { kind: 'success', status: 200, body: '' }): AttemptResult {
  next++;
  return {
    job,
    attemptId: `att_${next}`,
    number: job.attemptCount + 1,
    trigger: job.trigger,
    startedAt: new Date(0),
    durationMs: 5,
    request: { url: job.url, headers: {}, body: '{}' },
    outcome,
    next: outcome.kind === 'success' ? { status: 'SUCCEEDED' } : { status: 'FAILED' },
  };
}

/** A clock that moves only when told. */
export function fakeClock(startMs = Date.parse('2026-01-01T00:00:00.000Z')): Clock & { advance(ms: number): void; ms: number } {
  return {
    ms: startMs,
    now() {
      return new Date(this.ms);
    },
    advance(ms: number) {
      this.ms += ms;
    },
  };
}

/** A sender that answers every request with `answer` and keeps what it was sent. */
export function fakeSender(answer: SendResult): Sender & { sent: OutgoingRequest[] } {
  const sent: OutgoingRequest[] = [];
  return { sent, send: async (request) => (sent.push(request), answer), close: async () => {} };
}

/** A logger that keeps its lines as `level: message`. */
export function fakeLogger(): LogPort & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (_fields: object, message: string) => void lines.push(`${level}: ${message}`);
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), isLevelEnabled: () => false };
}

/** An in-memory queue: `due` hooks and their jobs, and what each call was asked. */
export class FakeQueue implements WorkQueue {
  due: DueHook[] = [];
  jobs = new Map<string, DeliveryJob[]>();
  claims: ClaimRequest[] = [];
  released: string[] = [];
  completed: AttemptResult[][] = [];
  /** Attempt ids stored so far. */
  stored = new Set<string>();
  /** Each call to `complete` takes the next entry: an error to throw, or 'lose' to store and then throw. */
  failures: Array<Error | 'lose'> = [];
  /** When set, `dueHooks` throws it (once per entry). */
  dueFailures: Error[] = [];

  async dueHooks(): Promise<DueHook[]> {
    const failure = this.dueFailures.shift();
    if (failure) throw failure;
    return this.due.filter((hook) => (this.jobs.get(hook.hookId)?.length ?? 0) > 0);
  }

  async claimForHook(request: ClaimRequest): Promise<DeliveryJob[]> {
    this.claims.push(request);
    return (this.jobs.get(request.hookId) ?? []).splice(0, request.limit);
  }

  async complete(results: readonly AttemptResult[]): Promise<Completed> {
    const failure = this.failures.shift();
    if (failure instanceof Error) throw failure;
    this.completed.push([...results]);
    for (const result of results) this.stored.add(result.attemptId);
    if (failure === 'lose') throw new Error('connection lost after commit');
    return { disabled: [], recovered: [] };
  }

  async recordedAttempts(results: readonly AttemptResult[]): Promise<Set<string>> {
    return new Set(results.map((result) => result.attemptId).filter((id) => this.stored.has(id)));
  }

  /** Hooks disabled by the stored attempts' own verdicts (a 410), as the real queue reads them back. */
  async storedOutcome(results: readonly AttemptResult[], now: Date): Promise<Completed> {
    const disabled = results.filter((result) => result.disableHookReason).map((result) => ({ hookId: result.job.hookId, reason: result.disableHookReason as string, disabledAt: now }));
    return { disabled, recovered: [] };
  }

  async release(ids: readonly string[]): Promise<void> {
    this.released.push(...ids);
  }
}
