import type { HookHeader } from '../delivery/job';
import { HOOKWIRE_HEADER_NAMES } from '../delivery/request-builder';
import { BadUserInputError } from '../errors';
import { parseHttpUrl } from '../util/http-url';
import { parseDurationArgument } from '../graphql/duration-argument';
import { HEADER_NAME, HEADER_VALUE } from './header-rules';

// A name that is a prototype accessor on plain objects: refused outright, whatever builds the headers.
const PROTOTYPE_NAME = '__proto__';
/** The most custom headers a hook may have. */
export const MAX_HEADERS = 50;
const MAX_URL_LENGTH = 2048;

/**
 * An absolute http(s) URL, returned normalised (as stored and sent); its length is that of
 * the normalised form, which percent-encoding can make several times longer than the input.
 * `refusal` says why the URL's host may not be a target (see `targetHostRefusal`), or null.
 */
export function validateHookUrl(url: string, refusal: (url: URL) => string | null = () => null): string {
  const parsed = parseHttpUrl(url);
  if (!(parsed instanceof URL)) {
    throw new BadUserInputError(
      parsed.problem === 'invalid' ? `url "${url}" is not a valid URL` : `url must use http or https, not ${parsed.protocol.replace(':', '')}`,
      'url',
    );
  }
  const normalised = parsed.href;
  if (normalised.length > MAX_URL_LENGTH) {
    throw new BadUserInputError(`url is ${normalised.length} characters once normalised, over the limit of ${MAX_URL_LENGTH}`, 'url');
  }
  if (parsed.username || parsed.password) {
    throw new BadUserInputError('url must not carry credentials; use a custom header', 'url');
  }
  const refused = refusal(parsed);
  if (refused !== null) throw new BadUserInputError(refused, 'url');
  return normalised;
}

/** Custom headers, checked against Logto's rules, without duplicates, `__proto__` or headers hookwire sets (case-insensitive). */
export function validateHookHeaders(headers: readonly HookHeader[]): HookHeader[] {
  if (headers.length > MAX_HEADERS) throw new BadUserInputError(`at most ${MAX_HEADERS} headers`, 'headers');
  const seen = new Set<string>();
  return headers.map(({ name, value }) => {
    if (!HEADER_NAME.test(name)) {
      throw new BadUserInputError(`header name "${name}" must be printable ASCII without spaces or colons`, 'headers');
    }
    if (!HEADER_VALUE.test(value)) {
      throw new BadUserInputError(`the value of header "${name}" must be printable ASCII`, 'headers');
    }
    const key = name.toLowerCase();
    if (key === PROTOTYPE_NAME) throw new BadUserInputError(`header name "${name}" is not allowed`, 'headers');
    if (HOOKWIRE_HEADER_NAMES.has(key)) throw new BadUserInputError(`header "${name}" is set by hookwire`, 'headers');
    if (seen.has(key)) throw new BadUserInputError(`header "${name}" is given twice`, 'headers');
    seen.add(key);
    return { name, value };
  });
}

/**
 * A hook's event list: non-empty, then checked by `validateSelection` (each entry a known type
 * or a pattern selecting at least one; duplicates dropped, order kept).
 */
export async function validateHookEvents(
  events: readonly string[],
  validateSelection: (entries: readonly string[]) => Promise<string[]>,
): Promise<string[]> {
  if (events.length === 0) throw new BadUserInputError('events must name at least one event type', 'events');
  return validateSelection(events);
}

/** The most requests per second a rate limit may allow. */
export const MAX_RATE_LIMIT = 10_000;

/** A rate limit: a whole number of requests per second from 1 to MAX_RATE_LIMIT, or null for none. */
export function validateRateLimit(rateLimit: number | null | undefined): number | null {
  if (rateLimit == null) return null;
  if (!Number.isInteger(rateLimit) || rateLimit < 1 || rateLimit > MAX_RATE_LIMIT) {
    throw new BadUserInputError(`rateLimit must be a whole number of requests per second from 1 to ${MAX_RATE_LIMIT}`, 'rateLimit');
  }
  return rateLimit;
}

/** The longest grace period a signing-key rotation may give the old key. */
export const MAX_KEY_GRACE_MS = 7 * 24 * 60 * 60 * 1000;

/** A rotation's grace period: a duration from 0 to 7 days. */
export function validateGracePeriod(text: string): number {
  return parseDurationArgument(text, 'gracePeriod', MAX_KEY_GRACE_MS, '7d');
}
