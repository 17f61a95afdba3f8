import { describe, expect, it } from 'vitest';
import { newId, ulid } from '../../src/util/ids';

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe('ulid', () => {
  it('encodes the time as the spec does and sorts ids made in one millisecond in creation order', () => {
    // The ULID spec's example time: 1469918176385 ms is 01ARYZ6S41.
    const ids = Array.from({ length: 2_000 }, () => ulid(1469918176385));
    for (const id of ids) {
      expect(id).toMatch(CROCKFORD);
      expect(id.slice(0, 10)).toBe('01ARYZ6S41');
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts across milliseconds and never goes back when the clock does', () => {
    const later = ulid(1469918176386);
    const earlierClock = ulid(1469918176000);
    expect(later.slice(0, 10)).toBe('01ARYZ6S42');
    expect(earlierClock > later).toBe(true);
    expect(newId('dlv')).toMatch(/^dlv_[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});
