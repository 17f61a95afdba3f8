import { request } from 'undici';

/** What the server answered to a hand-made request. */
export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> } | undefined;
}

/**
 * POSTs a body to `/graphql` exactly as given, for what the typed SDK will not send:
 * malformed documents, wrongly typed variables, broken JSON, oversized bodies.
 */
export async function postRaw(baseUrl: string, body: string | object, options: { apiKey?: string; contentType?: string } = {}): Promise<RawResponse> {
  const response = await request(new URL('/graphql', baseUrl), {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.body.text();
  let json: RawResponse['json'];
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), text, json };
}

/** The `extensions.code`s of a raw response's errors. */
export function codesOf(response: RawResponse): string[] {
  return (response.json?.errors ?? []).map((error) => error.extensions?.code ?? 'NONE');
}
