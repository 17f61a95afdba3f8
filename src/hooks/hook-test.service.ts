import { buildRequest } from '../delivery/request-builder';
import type { Sender } from '../delivery/sender';
import { describeOutcome, responseOf } from '../delivery/outcome';
import { BadUserInputError } from '../errors';
import { BUILT_IN_EVENT_TYPES } from '../events/catalogue';
import type { EventTypeService } from '../events/event-type.service';
import { newId } from '../util/ids';
import type { HookService } from './hook.service';
import { samplePayload } from './test-payloads';

/** What the test button reports: an endpoint's failure is a result, not an error. */
export interface HookTestResult {
  ok: boolean;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
}

/** The "send test" button: one signed sample delivery, sent now, recorded nowhere. */
export class HookTestService {
  constructor(
    private readonly hooks: HookService,
    private readonly eventTypes: EventTypeService,
    private readonly sender: Sender,
    private readonly options: { userAgent: string; timeoutMs: number },
  ) {}

  async test(hookId: string, eventType: string): Promise<HookTestResult> {
    const hook = await this.hooks.get(hookId);
    this.hooks.assertTargetAllowed(hook);
    if (!(await this.eventTypes.isKnown(eventType))) {
      throw new BadUserInputError(`"${eventType}" is not an event type in the catalogue`, 'event');
    }
    const group = BUILT_IN_EVENT_TYPES.find((type) => type.name === eventType)?.group ?? 'CUSTOM';
    const now = new Date();
    const { request } = buildRequest(
      {
        eventId: newId('evt'),
        eventType,
        eventCreatedAt: now,
        payloadJson: JSON.stringify(samplePayload(group)),
        hookId: hook.id,
        url: hook.url,
        headers: hook.headers,
        signingKey: hook.signingKey,
        retiredSigningKeys: hook.retiredSigningKeys,
      },
      { now, userAgent: this.options.userAgent, timeoutMs: this.options.timeoutMs },
    );
    const { durationMs, ...outcome } = await this.sender.send(request);
    const response = responseOf(outcome);
    return {
      ok: outcome.kind === 'success',
      responseStatus: response?.status ?? null,
      responseBody: response?.body ?? null,
      durationMs,
      error: outcome.kind === 'success' ? null : describeOutcome(outcome),
    };
  }
}
