import { BadUserInputError } from '../errors';
import { parseDuration } from '../util/duration';

/**
 * Reads a duration argument such as `waitFor: "5s"` or `gracePeriod: "24h"`: BAD_USER_INPUT
 * naming `field` when it does not parse or is longer than `maxMs` (`maxLabel` in the message).
 */
export function parseDurationArgument(text: string, field: string, maxMs: number, maxLabel: string): number {
  let ms: number;
  try {
    ms = parseDuration(text);
  } catch (error) {
    throw new BadUserInputError((error as Error).message, field);
  }
  if (ms > maxMs) throw new BadUserInputError(`${field} must be at most ${maxLabel}`, field);
  return ms;
}
