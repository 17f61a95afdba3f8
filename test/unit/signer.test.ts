import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateSigningKey, signDelivery, type SigningKeys } from '../../src/delivery/signer';

const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

describe('generateSigningKey', () => {
  it('is whsec_ + base64 of 32 bytes, different every time', () => {
    const a = generateSigningKey();
    const b = generateSigningKey();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});

describe('signDelivery', () => {
  it('matches the Standard Webhooks test vector', () => {
    const headers = signDelivery({
      eventId: VECTOR.id,
      timestampSeconds: VECTOR.timestamp,
      body: VECTOR.body,
      keys: { current: VECTOR.secret, previous: [] },
    });
    expect(headers['webhook-signature']).toBe(VECTOR.signature);
    expect(headers['webhook-id']).toBe(VECTOR.id);
    expect(headers['webhook-timestamp']).toBe('1614265330');
  });

  it('returns exactly the four signature headers', () => {
    const headers = signDelivery({ eventId: 'evt_1', timestampSeconds: 1, body: '{}', keys: { current: generateSigningKey(), previous: [] } });
    expect(Object.keys(headers).sort()).toEqual(
      ['logto-signature-sha-256', 'webhook-id', 'webhook-signature', 'webhook-timestamp'],
    );
  });

  it('signs the Logto header as hex HMAC of the body keyed with the key string', () => {
    const key = generateSigningKey();
    const body = JSON.stringify({ hookId: 'h1', event: 'User.Created', name: 'Zoë ✓' });
    const headers = signDelivery({ eventId: 'evt_1', timestampSeconds: nowSeconds(), body, keys: { current: key, previous: [generateSigningKey()] } });
    const expected = createHmac('sha256', Buffer.from(key, 'utf8')).update(Buffer.from(body, 'utf8')).digest('hex');
    expect(headers['logto-signature-sha-256']).toBe(expected);
    expect(headers['logto-signature-sha-256']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is accepted by the standardwebhooks verifier', () => {
    const key = generateSigningKey();
    const body = '{"event":"User.Created","data":{"id":"u1"}}';
    const headers = signDelivery({ eventId: 'evt_abc', timestampSeconds: nowSeconds(), body, keys: { current: key, previous: [] } });
    expect(new Webhook(key).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(key).verify(`${body} `, headers)).toThrow();
    expect(() => new Webhook(generateSigningKey()).verify(body, headers)).toThrow();
  });

  it('signs with every key during a rotation, current first, and either verifies', () => {
    const keys: SigningKeys = { current: generateSigningKey(), previous: [generateSigningKey()] };
    const body = '{"event":"Role.Deleted"}';
    const headers = signDelivery({ eventId: 'evt_rot', timestampSeconds: nowSeconds(), body, keys });
    const parts = headers['webhook-signature'].split(' ');
    expect(parts).toHaveLength(2);
    const alone = (current: string): string =>
      signDelivery({ eventId: 'evt_rot', timestampSeconds: Number(headers['webhook-timestamp']), body, keys: { current, previous: [] } })['webhook-signature'];
    expect(parts).toEqual([alone(keys.current), alone(keys.previous[0])]);
    expect(() => new Webhook(keys.current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(keys.previous[0]).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(generateSigningKey()).verify(body, headers)).toThrow();
    // Logto receivers only know one key: the header follows the current one.
    expect(headers['logto-signature-sha-256']).toBe(createHmac('sha256', keys.current).update(body).digest('hex'));
  });

  it('rejects a non-integer timestamp', () => {
    expect(() =>
      signDelivery({ eventId: 'e', timestampSeconds: 1.5, body: '', keys: { current: generateSigningKey(), previous: [] } }),
    ).toThrow(/integer/);
  });
});
