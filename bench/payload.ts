import { createHmac } from 'node:crypto';

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

/** The body and headers of one delivery as hookwire sends it, for the bare loop to send alike. */
export function deliveryLikeRequest(): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    hookId: 'hook_01KB4Z0000000000000000000',
    event: BENCH_EVENT,
    createdAt: new Date().toISOString(),
    ...userCreatedPayload(1),
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
