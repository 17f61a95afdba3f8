import { readFileSync } from 'node:fs';

/** One fenced code block of a Markdown file. */
export interface CodeBlock {
  /** The fence's language (`graphql`, `ts`, `sh`…), or '' for a bare fence. */
  language: string;
  /** The block's text, without the fences. */
  code: string;
  /** The line of the opening fence, 1-based, for failure messages. */
  line: number;
}

/**
 * Every fenced block of a Markdown file, in order. Only ``` fences are recognised: the
 * README uses no others, and a block this misses would silently go untested, so an
 * unclosed fence throws.
 */
export function readCodeBlocks(path: string): CodeBlock[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  let open: { language: string; line: number; body: string[] } | undefined;
  lines.forEach((text, index) => {
    const fence = /^```(\S*)/.exec(text);
    if (!fence) {
      open?.body.push(text);
      return;
    }
    if (open) {
      blocks.push({ language: open.language, code: open.body.join('\n'), line: open.line });
      open = undefined;
    } else {
      open = { language: fence[1], line: index + 1, body: [] };
    }
  });
  if (open) throw new Error(`${path}:${open.line}: the code block is never closed`);
  return blocks;
}

/** The file name a TypeScript block declares in its first line (`// listen.ts`), if any. */
export function declaredFileName(block: CodeBlock): string | undefined {
  return /^\/\/\s*([\w.-]+\.ts)\b/.exec(block.code)?.[1];
}
