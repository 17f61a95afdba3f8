import { BadUserInputError } from '../errors';

/**
 * The `createdAt` condition of a list's `since`/`until` arguments (both inclusive, either
 * optional), or nothing when neither is given. `since` after `until` is BAD_USER_INPUT rather
 * than an empty page: it is a mistake, not a question.
 */
export function createdBetween(since: Date | null | undefined, until: Date | null | undefined): { createdAt?: { $gte?: Date; $lte?: Date } } {
  if (since && until && since > until) throw new BadUserInputError('`since` must not be after `until`', 'since');
  if (!since && !until) return {};
  return { createdAt: { ...(since ? { $gte: since } : {}), ...(until ? { $lte: until } : {}) } };
}
