import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { Closers } from '../../src/util/closers';

describe('Closers', () => {
  it('closes newest first, once, and a step that fails leaves nothing after it open', async () => {
    const lines: string[] = [];
    const closers = new Closers(createLogger('error', { write: (line: string) => void lines.push(line) }));
    const closed: string[] = [];
    closers.add('database', () => void closed.push('database'));
    closers.add('sender', () => Promise.reject(new Error('socket stuck')));
    closers.add('server', async () => void closed.push('server'));
    await closers.closeAll();
    await closers.closeAll();
    expect(closed).toEqual(['server', 'database']);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'closing the sender failed', err: { message: 'socket stuck' } });
  });
});
