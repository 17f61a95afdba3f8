import { createHmac, randomBytes } from 'node:crypto';

/** The event type every bench event uses (Logto's `User.Created`, in the built-in catalogue). */
export const BENCH_EVENT = 'User.Created';

/**
 * A realistic `User.Created` payload, shaped like Logto's: with hookwire's own fields added
 * the delivered body is about 450 bytes, the size the bare loop sends too.
 */
export function userCreatedPayload(n: number): Record<string, unknown> {
  const id = `u${String(n).padStart(11, '0')}`;
  return {
    userId: id,
    user: {
      id,
      username: `bench_user_${n}`,
      primaryEmail: `bench.user.${n}@example.com`,
      primaryPhone: null,
      name: 'Bench User',
      avatar: null,
      customData: { plan: 'pro', source: 'benchmark' },
      applicationId: 'app_7f3k2m9q1x',
      isSuspended: false,
      createdAt: 1_764_300_000_000 + n,
    },
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)',
    path: '/api/users',
    method: 'POST',
    status: 201,
  };
}

/**
 * A `User.Created` payload padded to exactly `bytes` of JSON with an `attachment` string of
 * random base64 (one string per size, made once): the large-payload scenario's events. One long
 * string is the cheapest large JSON to parse and copy, so this is the kindest case for size.
 */
export function paddedPayload(n: number, bytes: number): Record<string, unknown> {
  const base = userCreatedPayload(n);
  const room = bytes - Buffer.byteLength(JSON.stringify({ ...base, attachment: '' }));
  if (room < 0) throw new Error(`a payload of ${bytes} bytes is smaller than the event itself`);
  return { ...base, attachment: padding(room) };
}

const paddings = new Map<number, string>();
function padding(length: number): string {
  let text = paddings.get(length);
  if (text === undefined) {
    text = randomBytes(Math.ceil((length * 3) / 4) + 3).toString('base64').slice(0, length);
    paddings.set(length, text);
  }
  return text;
}

/** The body and headers of one delivery as hookwire sends it (of `payload`), for the bare loop to send alike. */
export function deliveryLikeRequest(payload = userCreatedPayload(1)): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    hookId: 'hook_01KB4Z0000000000000000000',
    event: BENCH_EVENT,
    createdAt: new Date().toISOString(),
    ...payload,
  });
  const key = 'whsec_YmVuY2htYXJrLXNpZ25pbmcta2V5LTMyLWJ5dGVzISE=';
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'hookwire/0.1.0',
      'logto-signature-sha-256': createHmac('sha256', key).update(body).digest('hex'),
      'webhook-id': 'evt_01KB4Z0000000000000000000',
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': `v1,${createHmac('sha256', key).update(body).digest('base64')}`,
    },
  };
}
