import { BadUserInputError } from '../errors';

/** Throws BAD_USER_INPUT (on `since`) when `since` is after `until`. */
export function checkTimeRange(since: Date, until: Date): void {
  if (since.getTime() > until.getTime()) throw new BadUserInputError('`since` must not be after `until`', 'since');
}

/**
 * The `createdAt` condition of a list's `since`/`until` arguments (both inclusive, either
 * optional), or nothing when neither is given. `since` after `until` is BAD_USER_INPUT rather
 * than an empty page: it is a mistake, not a question.
 */
export function createdBetween(since: Date | null | undefined, until: Date | null | undefined): { createdAt?: { $gte?: Date; $lte?: Date } } {
  if (since && until) checkTimeRange(since, until);
  if (!since && !until) return {};
  return { createdAt: { ...(since ? { $gte: since } : {}), ...(until ? { $lte: until } : {}) } };
}
