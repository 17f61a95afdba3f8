import { describe, expect, it } from 'vitest';
import { matchesEventPattern, patternsSelecting } from '../../src/events/event-pattern';

describe('patternsSelecting', () => {
  const types = ['User.Created', 'User.Data.Updated', 'Organization.Membership.Updated', 'Ping', '.Odd', 'Trailing.', 'a.b.c.d'];
  // Every pattern the grammar allows that shares a piece with the types above, plus near misses.
  const patterns = [
    '*',
    '.*',
    'User.*',
    'User.Data.*',
    'User.Data.Updated.*',
    'User.Created',
    'User.Created.*',
    'User*',
    'Use.*',
    'Organization.*',
    'Organization.Membership.*',
    'Ping',
    'Ping.*',
    'Trailing.*',
    'Trailing..*',
    'a.*',
    'a.b.*',
    'a.b.c.*',
    'a.b.c.d',
    'b.*',
  ];

  it.each(types)('lists exactly the patterns that select %s', (type) => {
    const listed = new Set(patternsSelecting(type));
    for (const pattern of patterns) expect([pattern, listed.has(pattern)]).toEqual([pattern, matchesEventPattern(pattern, type)]);
  });
});
