/** Why a text is not a URL hookwire can deliver to. */
export type HttpUrlProblem = { problem: 'invalid' } | { problem: 'scheme'; protocol: string };

/**
 * The one parser of hook URLs, used when a hook is saved and again when a request is sent:
 * an absolute `http:` or `https:` URL, normalised by the WHATWG parser, or why it is not one.
 * Each caller words the problem for its reader (an API error, a `blocked` attempt).
 */
export function parseHttpUrl(text: string): URL | HttpUrlProblem {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { problem: 'invalid' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { problem: 'scheme', protocol: parsed.protocol };
  return parsed;
}
