import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The console's own JavaScript, gzipped, without GraphiQL's chunk, may weigh this much. */
export const CONSOLE_JS_BUDGET_BYTES = 300 * 1024;

/** One JavaScript file of the build and its gzipped size. */
export interface BundleFile {
  file: string;
  gzipBytes: number;
  /** GraphiQL's lazily loaded chunk is outside the budget. */
  graphiql: boolean;
}

/** The gzipped size of every .js file under `dir/assets` (level 9, as a server would send it at best). */
export function measureConsoleBundle(dir: string): { files: BundleFile[]; budgetedBytes: number } {
  const assets = join(dir, 'assets');
  const files = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({
      file,
      gzipBytes: gzipSync(readFileSync(join(assets, file)), { level: 9 }).length,
      graphiql: /graphiql/i.test(file),
    }));
  const budgetedBytes = files.filter((file) => !file.graphiql).reduce((sum, file) => sum + file.gzipBytes, 0);
  return { files, budgetedBytes };
}
