import { describe, expect, it } from 'vitest';
import { BUILT_IN_EVENT_TYPES } from '../../src/events/catalogue';

const describe_ = (name: string) => BUILT_IN_EVENT_TYPES.find((type) => type.name === name)?.description;

describe('the built-in catalogue', () => {
  it('puts the article that goes with the sound of each resource', () => {
    expect(describe_('User.Created')).toBe('A user was created');
    expect(describe_('Organization.Created')).toBe('An organization was created');
    expect(describe_('Role.Deleted')).toBe('A role was deleted');
    expect(BUILT_IN_EVENT_TYPES.filter((type) => /^An u/.test(type.description))).toEqual([]);
  });
});
