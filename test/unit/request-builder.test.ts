import { describe, expect, it } from 'vitest';
import { deliveryBody, redactUrl } from '../../src/delivery/request-builder';

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

describe('redactUrl', () => {
  it('redacts credential-like query parameters and keeps the rest', () => {
    expect(redactUrl('https://example.com/hook?token=abc&region=eu')).toBe('https://example.com/hook?token=redacted&region=eu');
  });

  it('returns a URL without a query as it is', () => {
    expect(redactUrl('https://example.com/hooks/7')).toBe('https://example.com/hooks/7');
  });
});
