import { describe, expect, it } from 'vitest';
import { createOutput } from '../../src/cli/output';

/** A stream that records what is written, and says whether it is a terminal. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream };
}

describe('the command output', () => {
  it('colours outcomes on a terminal only, never in --json, and not under NO_COLOR', () => {
    const terminal = stream(true);
    const previous = process.env.NO_COLOR;
    delete process.env.NO_COLOR;
    try {
      expect(createOutput(false, terminal.stream).paint('good', 'SUCCEEDED')).toBe('\u001b[32mSUCCEEDED\u001b[39m');
      expect(createOutput(false, terminal.stream).paint('bad', 'FAILED')).toBe('\u001b[31mFAILED\u001b[39m');
      expect(createOutput(true, terminal.stream).paint('good', 'SUCCEEDED')).toBe('SUCCEEDED');
      expect(createOutput(false, stream(false).stream).paint('good', 'SUCCEEDED')).toBe('SUCCEEDED');
      process.env.NO_COLOR = '1';
      expect(createOutput(false, terminal.stream).paint('good', 'SUCCEEDED')).toBe('SUCCEEDED');
    } finally {
      if (previous === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = previous;
    }
  });

  it('writes one JSON document per line with --json', () => {
    const pipe = stream(false);
    createOutput(true, pipe.stream).record({ id: 'evt_1', payload: { a: 1 } });
    expect(pipe.written).toEqual(['{"id":"evt_1","payload":{"a":1}}\n']);
  });
});
