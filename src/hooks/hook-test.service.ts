import { buildRequest } from '../delivery/request-builder';
import type { Sender } from '../delivery/sender';
import { errorTextOf, responseOf } from '../delivery/outcome';
import { BUILT_IN_EVENT_TYPES } from '../events/catalogue';
import type { EventTypeService } from '../events/event-type.service';
import { newId } from '../util/ids';
import type { HookHeader } from '../delivery/job';
import type { HookService } from './hook.service';
import { validateHookHeaders } from './hook-validation';
import { samplePayload } from './test-payloads';

/** What the test button reports: an endpoint's failure is a result, not an error. */
export interface HookTestResult {
  ok: boolean;
  url: string;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
}

/** Settings of a form not saved yet; each given one replaces the stored hook's for the test. */
export interface UnsavedHookConfig {
  url?: string | null;
  headers?: readonly HookHeader[] | null;
}

/** The "send test" button: one signed sample delivery, sent now, recorded nowhere. */
export class HookTestService {
  constructor(
    private readonly hooks: HookService,
    private readonly eventTypes: EventTypeService,
    private readonly sender: Sender,
    private readonly options: { userAgent: string; timeoutMs: number },
  ) {}

  /**
   * Sends `eventType`'s sample to the hook, signed with its stored key; `unsaved` replaces
   * the stored URL or headers (validated as `updateHook` would), so a form can be tested before saving.
   */
  async test(hookId: string, eventType: string, unsaved: UnsavedHookConfig = {}): Promise<HookTestResult> {
    const hook = await this.hooks.get(hookId);
    // The URL to send to passes the private-address guard, stored (saved before the guard was
    // on) or unsaved (the form being tested) alike.
    if (unsaved.url == null) this.hooks.assertTargetAllowed(hook);
    const url = unsaved.url == null ? hook.url : this.hooks.checkedUrl(unsaved.url);
    const headers = unsaved.headers == null ? hook.headers : validateHookHeaders(unsaved.headers);
    await this.eventTypes.requireKnown(eventType, 'event');
    const group = BUILT_IN_EVENT_TYPES.find((type) => type.name === eventType)?.group ?? 'CUSTOM';
    const now = new Date();
    const { request } = buildRequest(
      {
        eventId: newId('evt'),
        eventType,
        eventCreatedAt: now,
        payloadJson: JSON.stringify(samplePayload(group)),
        hookId: hook.id,
        url,
        headers,
        signingKey: hook.signingKey,
        retiredSigningKeys: hook.retiredSigningKeys,
      },
      { now, userAgent: this.options.userAgent, timeoutMs: this.options.timeoutMs },
    );
    const { durationMs, ...outcome } = await this.sender.send(request);
    const response = responseOf(outcome);
    return {
      ok: outcome.kind === 'success',
      url,
      responseStatus: response?.status ?? null,
      responseBody: response?.body ?? null,
      durationMs,
      error: errorTextOf(outcome),
    };
  }
}
