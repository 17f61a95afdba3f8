import { describe, expect, it } from 'vitest';
import { ConfigError, LOG_LEVELS, loadConfig } from '../../src/config';

/** The ConfigError loadConfig throws for `env`. */
function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('DATABASE_URL', () => {
  it.each([
    ['postgres://u@h/db', { kind: 'postgres', url: 'postgres://u@h/db' }],
    ['postgresql://u@h/db?schema=s', { kind: 'postgres', url: 'postgresql://u@h/db', schema: 's' }],
    ['./data/x.db', { kind: 'sqlite', path: './data/x.db' }],
    ['file:./x.db', { kind: 'sqlite', path: './x.db' }],
    ['file:///var/x.db', { kind: 'sqlite', path: '/var/x.db' }],
    ['sqlite:x.db', { kind: 'sqlite', path: 'x.db' }],
    [':memory:', { kind: 'sqlite', path: ':memory:' }],
    ['C:\\data\\x.db', { kind: 'sqlite', path: 'C:\\data\\x.db' }],
  ])('accepts %s', (url, database) => {
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual(database);
  });

  it.each(['mysql://x', 'redis://localhost:6379', 'https://example.com/db', 'postgress://h/db'])('refuses %s, naming the variable', (url) => {
    const error = refusal({ DATABASE_URL: url });
    expect(error.variable).toBe('DATABASE_URL');
    expect(error.message).toMatch(/^DATABASE_URL: ".+:" is not supported/);
  });
});

describe('LOG_LEVEL', () => {
  it('accepts each of pino’s levels and refuses anything else', () => {
    for (const level of LOG_LEVELS) expect(loadConfig({ LOG_LEVEL: level }).logLevel).toBe(level);
    expect(refusal({ LOG_LEVEL: 'loud' }).message).toBe(`LOG_LEVEL: "loud" is not one of ${LOG_LEVELS.join(', ')}`);
  });
});

describe('HOOKWIRE_MAX_UNSENT_BYTES', () => {
  it('defaults to 4 MiB and takes sizes', () => {
    expect(loadConfig({}).maxUnsentBytes).toBe(4 * 1024 * 1024);
    expect(loadConfig({ HOOKWIRE_MAX_UNSENT_BYTES: '16MiB' }).maxUnsentBytes).toBe(16 * 1024 * 1024);
  });

  it('refuses, naming the variable, a limit one large event could exceed', () => {
    expect(refusal({ HOOKWIRE_MAX_UNSENT_BYTES: '256KiB' }).variable).toBe('HOOKWIRE_MAX_UNSENT_BYTES');
    expect(refusal({ HOOKWIRE_MAX_UNSENT_BYTES: 'lots' }).variable).toBe('HOOKWIRE_MAX_UNSENT_BYTES');
  });
});
