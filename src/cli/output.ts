/** How the command writes: plain lines or JSON lines, coloured only on a terminal. */
export interface Output {
  /** `--json`: one JSON document per line instead of text. */
  readonly json: boolean;
  /** Writes one line to stdout. */
  line(text: string): void;
  /** Writes a value as one JSON line. */
  record(value: unknown): void;
  /** Colours `text` for an outcome when stdout is a terminal (and NO_COLOR is unset). */
  paint(tone: Tone, text: string): string;
}

/** What a coloured word means. */
export type Tone = 'good' | 'bad' | 'waiting' | 'quiet' | 'name';

const COLOURS: Record<Tone, number> = { good: 32, bad: 31, waiting: 33, quiet: 90, name: 36 };

/** The output of one run; colour follows https://no-color.org and whether stdout is a TTY. */
export function createOutput(json: boolean, stream: NodeJS.WriteStream = process.stdout): Output {
  const colour = !json && stream.isTTY === true && !process.env.NO_COLOR;
  return {
    json,
    line: (text) => void stream.write(`${text}\n`),
    record: (value) => void stream.write(`${JSON.stringify(value)}\n`),
    paint: (tone, text) => (colour ? `\u001b[${COLOURS[tone]}m${text}\u001b[39m` : text),
  };
}
