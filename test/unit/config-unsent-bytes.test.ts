import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

describe('HOOKWIRE_MAX_UNSENT_BYTES', () => {
  it('defaults to 4 MiB and takes sizes', () => {
    expect(loadConfig({}).maxUnsentBytes).toBe(4 * 1024 * 1024);
    expect(loadConfig({ HOOKWIRE_MAX_UNSENT_BYTES: '16MiB' }).maxUnsentBytes).toBe(16 * 1024 * 1024);
  });

  it('refuses, naming the variable, a limit one large event could exceed', () => {
    expect(() => loadConfig({ HOOKWIRE_MAX_UNSENT_BYTES: '256KiB' })).toThrow(/HOOKWIRE_MAX_UNSENT_BYTES must be at least/);
    expect(() => loadConfig({ HOOKWIRE_MAX_UNSENT_BYTES: 'lots' })).toThrow(/HOOKWIRE_MAX_UNSENT_BYTES/);
  });
});
