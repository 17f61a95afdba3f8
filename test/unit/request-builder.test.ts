import { describe, expect, it } from 'vitest';
import { buildRequest, deliveryBody, deliveryBodyBytes, redactUrl, type SignedMessage } from '../../src/delivery/request-builder';

const job = (payload: Record<string, unknown>) => ({
  hookId: 'hook_01',
  eventType: 'User.Created',
  eventCreatedAt: new Date('2026-11-30T12:00:00.000Z'),
  payloadJson: JSON.stringify(payload),
});

describe('deliveryBody', () => {
  it("puts hookId, event and createdAt first, then the payload's fields in their order", () => {
    const payload = { user: { id: 'u1', createdAt: 5, hookId: 'nested names are the payload’s own' }, zeta: [1, 'two'], alpha: null };
    const body = deliveryBody(job(payload));
    expect(Object.keys(JSON.parse(body))).toEqual(['hookId', 'event', 'createdAt', 'user', 'zeta', 'alpha']);
    expect(JSON.parse(body)).toEqual({ hookId: 'hook_01', event: 'User.Created', createdAt: '2026-11-30T12:00:00.000Z', ...payload });
  });

  it('gives a valid object for an empty payload', () => {
    expect(deliveryBody(job({}))).toBe('{"hookId":"hook_01","event":"User.Created","createdAt":"2026-11-30T12:00:00.000Z"}');
  });

  it('escapes an event type that needs it', () => {
    const body = deliveryBody({ ...job({ n: 1 }), eventType: 'Custom."quoted"\\type' });
    expect(JSON.parse(body).event).toBe('Custom."quoted"\\type');
  });
});

describe('deliveryBodyBytes', () => {
  it("is the body's UTF-8 size, from the payload's", () => {
    for (const payload of [{}, { n: 1 }, { text: 'é 日本 😀' }]) {
      const message = { ...job(payload), eventType: 'Ünïcode."type"' };
      expect(deliveryBodyBytes(message, Buffer.byteLength(message.payloadJson))).toBe(Buffer.byteLength(deliveryBody(message)));
    }
  });
});

describe('redactUrl', () => {
  it('redacts credential-like query parameters and keeps the rest', () => {
    expect(redactUrl('https://example.com/hook?token=abc&region=eu')).toBe('https://example.com/hook?token=redacted&region=eu');
  });

  it('returns a URL without a query as it is', () => {
    expect(redactUrl('https://example.com/hooks/7')).toBe('https://example.com/hooks/7');
  });
});

describe('buildRequest headers', () => {
  const message = (headers: Array<{ name: string; value: string }>): SignedMessage => ({
    eventId: 'evt_01',
    eventType: 'User.Created',
    eventCreatedAt: new Date('2026-11-30T12:00:00.000Z'),
    payloadJson: '{}',
    hookId: 'hook_01',
    url: 'https://example.com/hook',
    headers,
    signingKey: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    retiredSigningKeys: [],
  });
  const options = { now: new Date('2026-11-30T12:00:00.000Z'), userAgent: 'hookwire/test', timeoutMs: 1000 };

  it("never lets a stored custom header override one hookwire sets, in any case", () => {
    const { request } = buildRequest(
      message([
        { name: 'Content-Type', value: 'text/plain' },
        { name: 'User-Agent', value: 'forged' },
        { name: 'Webhook-Id', value: 'msg_forged' },
        { name: 'X-Tenant', value: 'acme' },
      ]),
      options,
    );
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toBe('hookwire/test');
    expect(request.headers['webhook-id']).toBe('evt_01');
    expect(request.headers['x-tenant']).toBe('acme');
  });

  it('keeps prototype-named headers as ordinary keys', () => {
    const { request, recorded } = buildRequest(message([{ name: '__proto__', value: 'p' }, { name: 'constructor', value: 'c' }]), options);
    expect(Object.keys(request.headers)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
    expect(request.headers.constructor).toBe('c');
    expect(Object.keys(recorded.headers)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
  });
});
