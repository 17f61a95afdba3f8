import { describe, expect, it } from 'vitest';
import { parseByteSize, parseDuration, parseDurationList } from '../../src/util/duration';

describe('durations and sizes from the environment', () => {
  it('parses every unit, and a bare number as milliseconds', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('5s')).toBe(5_000);
    expect(parseDuration('1.5m')).toBe(90_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('40')).toBe(40);
  });

  it('parses schedules, an empty one meaning no retries', () => {
    expect(parseDurationList(' 1s, 2m ')).toEqual([1_000, 120_000]);
    expect(parseDurationList('')).toEqual([]);
  });

  it('rejects junk with the offending text in the message', () => {
    expect(() => parseDuration('5 parsecs')).toThrow(/"5 parsecs" is not a duration/);
    expect(() => parseDuration('-5s')).toThrow();
    expect(() => parseDurationList('5s,,5m')).toThrow(/is not a duration/);
  });

  it('parses byte sizes', () => {
    expect(parseByteSize('262144')).toBe(262_144);
    expect(parseByteSize('256KiB')).toBe(262_144);
    expect(parseByteSize('1MiB')).toBe(1_048_576);
    expect(() => parseByteSize('lots')).toThrow(/not a size/);
  });
});
