import type { FilterQuery } from '@mikro-orm/core';
import type { Orm } from '../db/database';
import { findPage } from '../db/paginate';
import type { Clock } from '../delivery/clock';
import type { Queue } from '../queue/queue';
import { generateSigningKey, keysInGrace } from '../delivery/signer';
import { BadUserInputError, NotFoundError } from '../errors';
import type { EventTypeService } from '../events/event-type.service';
import type { Page } from '../db/page';
import type { HookHeader } from '../delivery/job';
import { Hook } from '../db/tables/hook.entity';
import { validateName } from '../graphql/names';
import { syncHookPatterns } from './hook-patterns';
import { validateHookEvents, validateHookHeaders, validateHookUrl, validateRateLimit } from './hook-validation';

/** The fields a hook is created with. */
export interface HookDraft {
  name: string;
  events: string[];
  url: string;
  headers?: HookHeader[] | null;
  enabled?: boolean | null;
  ordered?: boolean | null;
  /** Requests per second; null for no limit. */
  rateLimit?: number | null;
}

/** A partial change to a hook; null or missing fields stay as they are. */
export type HookChanges = { [K in keyof HookDraft]?: HookDraft[K] | null };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why a URL's host may never be a target (a private IP literal, `localhost`), or null. */
export type TargetRefusal = (url: URL) => string | null;

/** A hook's attempts and successes over the last 24 hours. */
export interface ExecutionStats {
  requestCount: number;
  successCount: number;
}

/** What hooks ask of the queue: taking a disabled hook's deliveries off it and putting them back, and counting its attempts. */
export type HookQueue = Pick<Queue, 'park' | 'resume' | 'attemptCounts'>;

/** Creates, changes and reads hooks. Every input is validated before anything is written. */
export class HookService {
  constructor(
    private readonly orm: Orm,
    private readonly eventTypes: EventTypeService,
    private readonly queue: HookQueue,
    /** The app clock: resumed deliveries are due at its now. */
    private readonly clock: Clock,
    /** The private-address guard's verdict on a URL's host; accepts everything by default. */
    private readonly targetRefusal: TargetRefusal = () => null,
  ) {}

  /**
   * Stores a new hook with a new signing key. Its name, events (known types or patterns
   * selecting some), URL (and the private-address guard), headers and rate limit are validated
   * first: a bad field is BAD_USER_INPUT and nothing is written.
   */
  async create(draft: HookDraft): Promise<Hook> {
    const fields = {
      name: validateName(draft.name),
      events: await this.validEvents(draft.events),
      url: validateHookUrl(draft.url, this.targetRefusal),
      headers: validateHookHeaders(draft.headers ?? []),
      enabled: draft.enabled ?? true,
      ordered: draft.ordered ?? false,
      rateLimit: validateRateLimit(draft.rateLimit),
      signingKey: generateSigningKey(),
    };
    return this.orm.em.fork().transactional(async (tx) => {
      const hook = tx.create(Hook, fields);
      await tx.flush();
      await syncHookPatterns(tx, hook.id, hook.events);
      return hook;
    });
  }

  /**
   * Changes the fields given (null or absent keeps a field, except `rateLimit`, which null
   * removes), validated as by {@link create} before any is assigned. Disabling parks the
   * hook's waiting deliveries; enabling clears its disabled state and failure streak and
   * resumes them.
   */
  async update(id: string, changes: HookChanges): Promise<Hook> {
    const em = this.orm.em.fork();
    const hook = await this.findOrFail(em, id);
    // Validate everything before assigning anything, so a bad field changes nothing.
    const name = changes.name != null ? validateName(changes.name) : hook.name;
    const events = changes.events != null ? await this.validEvents(changes.events) : hook.events;
    const url = changes.url != null ? validateHookUrl(changes.url, this.targetRefusal) : hook.url;
    const headers = changes.headers != null ? validateHookHeaders(changes.headers) : hook.headers;
    // An explicit null removes the rate limit; leaving the field out keeps it.
    const rateLimit = changes.rateLimit !== undefined ? validateRateLimit(changes.rateLimit) : hook.rateLimit;
    em.assign(hook, { name, events, url, headers, rateLimit, ordered: changes.ordered ?? hook.ordered });
    const wasEnabled = hook.enabled;
    if (changes.enabled != null) {
      hook.enabled = changes.enabled;
      if (changes.enabled) {
        hook.disabledAt = null;
        hook.disabledReason = null;
        hook.failingSince = null;
        hook.consecutiveFailures = 0;
      }
    }
    const eventsChanged = changes.events != null;
    await em.transactional(async (tx) => {
      await tx.flush();
      if (!eventsChanged) return;
      // The ORM writes only the columns that differ from the hook as it was read, before this
      // transaction: another update committed meanwhile could have changed `events` while this
      // one sends the old value again, leaving the row and the index apart. Writing `events`
      // here makes the row what the index is made from, whichever update commits last.
      await tx.nativeUpdate(Hook, { id: hook.id }, { events: hook.events });
      await syncHookPatterns(tx, hook.id, hook.events);
    });
    if (wasEnabled && !hook.enabled) await this.queue.park(hook.id);
    if (!wasEnabled && hook.enabled) await this.queue.resume(hook.id, this.clock.now());
    return hook;
  }

  /** Deletes a hook with its deliveries and attempts; returns its id. */
  async delete(id: string): Promise<string> {
    const em = this.orm.em.fork();
    const deleted = await em.nativeDelete(Hook, { id });
    if (deleted === 0) throw new NotFoundError('hook', id);
    return id;
  }

  /** `url` as a hook would store it: valid, normalised, and not refused by the private-address guard. */
  checkedUrl(url: string): string {
    return validateHookUrl(url, this.targetRefusal);
  }

  /**
   * Refuses (BAD_USER_INPUT) a stored URL the guard now refuses: one saved before the guard
   * was turned on or its allow-list narrowed. The test button calls this before sending.
   */
  assertTargetAllowed(hook: Hook): void {
    const refused = this.targetRefusal(new URL(hook.url));
    if (refused !== null) throw new BadUserInputError(`hook ${hook.id}: ${refused}`, 'url');
  }

  /** One hook by id (NOT_FOUND when there is none). */
  async get(id: string): Promise<Hook> {
    return this.findOrFail(this.orm.em.fork(), id);
  }

  /** A page of hooks (every one, or only the enabled or disabled ones), each mapped by `map`. */
  async list<N>(args: { first?: number | null; after?: string | null; enabled?: boolean | null }, map: (hook: Hook) => N): Promise<Page<N>> {
    const where: FilterQuery<Hook> = args.enabled == null ? {} : { enabled: args.enabled };
    return findPage(this.orm.em.fork(), Hook, where, args, map);
  }

  /**
   * Replaces the signing key. The old key keeps signing beside the new one (a second
   * `webhook-signature`) for `gracePeriodMs`, so receivers can switch without a gap. A grace
   * period of 0 is an emergency rotation: it ends every retired key too, not only the one it
   * replaces, so after it no old key signs.
   */
  async regenerateSigningKey(id: string, gracePeriodMs: number, now = new Date()): Promise<Hook> {
    const em = this.orm.em.fork();
    const hook = await this.findOrFail(em, id);
    hook.retiredSigningKeys =
      gracePeriodMs > 0
        ? [
            { key: hook.signingKey, expiresAt: new Date(now.getTime() + gracePeriodMs).toISOString() },
            ...keysInGrace(hook.retiredSigningKeys, now),
          ]
        : [];
    hook.signingKey = generateSigningKey();
    await em.flush();
    return hook;
  }

  /**
   * Ends every retired key's grace period now, keeping the current key: for a retired key
   * that leaked. The next request a worker builds is signed with the current key alone.
   */
  async endRetiredSigningKeys(id: string): Promise<Hook> {
    const em = this.orm.em.fork();
    const hook = await this.findOrFail(em, id);
    hook.retiredSigningKeys = [];
    await em.flush();
    return hook;
  }

  /**
   * Each hook's attempts and successful attempts in the 24 hours before `now`, as Logto's
   * console shows them: one statement, whatever the number of hooks.
   */
  async executionStatsOf(hookIds: readonly string[], now = this.clock.now()): Promise<Map<string, ExecutionStats>> {
    const counts = await this.queue.attemptCounts(hookIds, new Date(now.getTime() - DAY_MS));
    return new Map(
      hookIds.map((id) => {
        const count = counts.get(id);
        return [id, { requestCount: count?.requests ?? 0, successCount: count?.successes ?? 0 }];
      }),
    );
  }

  private async findOrFail(em: ReturnType<Orm['em']['fork']>, id: string): Promise<Hook> {
    const hook = await em.findOne(Hook, { id });
    if (!hook) throw new NotFoundError('hook', id);
    return hook;
  }

  private async validEvents(events: readonly string[]): Promise<string[]> {
    return validateHookEvents(events, (entries) => this.eventTypes.validateSelection(entries, 'events'));
  }
}
