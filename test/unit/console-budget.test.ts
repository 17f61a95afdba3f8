import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONSOLE_JS_BUDGET_BYTES, measureConsoleBundle } from '../../scripts/console-budget';
import { consoleBuildDir } from '../../src/server/console-files';

// The build is made by the global setup (test/support/build.ts), exactly as npm start makes it.
describe('the console bundle budget', () => {
  it('keeps the console\'s own JavaScript under 300 KB gzipped, GraphiQL\'s chunk aside', () => {
    const dir = consoleBuildDir();
    expect(existsSync(dir), 'dist/console is missing: the global setup builds it').toBe(true);
    const { files, budgetedBytes } = measureConsoleBundle(dir);
    expect(files.length).toBeGreaterThan(0);
    // GraphiQL is split off: its page brings chunks the rest of the console never loads.
    expect(files.some((file) => file.graphiql)).toBe(true);
    expect(budgetedBytes, files.filter((file) => !file.graphiql).map((file) => `${file.file}: ${file.gzipBytes} B`).join(', ')).toBeLessThanOrEqual(CONSOLE_JS_BUDGET_BYTES);
  });
});
