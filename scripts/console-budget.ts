import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The console's own JavaScript, gzipped, without GraphiQL's chunks, may weigh this much. */
export const CONSOLE_JS_BUDGET_BYTES = 300 * 1024;

/** The module whose dynamic import is GraphiQL's page: what only it loads is outside the budget. */
export const GRAPHIQL_MODULE = 'src/pages/graphiql/GraphiQLPanel.tsx';

/** One JavaScript file of the build and its gzipped size. */
export interface BundleFile {
  file: string;
  gzipBytes: number;
  /** Loaded only for GraphiQL's page. */
  graphiql: boolean;
}

/** A chunk of Vite's build manifest (`.vite/manifest.json`). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** Every manifest key reachable from `starts` by static and dynamic imports, not entering `skip`. */
function reachable(manifest: Record<string, ManifestChunk>, starts: string[], skip: string | null): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || key === skip || !manifest[key]) return;
    seen.add(key);
    for (const next of [...(manifest[key].imports ?? []), ...(manifest[key].dynamicImports ?? [])]) visit(next);
  };
  starts.forEach(visit);
  return seen;
}

/**
 * Gzips (level 9) every JavaScript file of the build in `dir` and splits them by the manifest:
 * what the console can load without opening GraphiQL counts against the budget; what only
 * GraphiQL's dynamic import brings (GraphiQL, CodeMirror and their modes) does not.
 */
export function measureConsoleBundle(dir: string): { files: BundleFile[]; budgetedBytes: number; graphiqlBytes: number } {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  const loaded = new Set([...reachable(manifest, entries, GRAPHIQL_MODULE)].map((key) => manifest[key].file));
  const files = [...new Set(Object.values(manifest).map((chunk) => chunk.file))]
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(dir, file)), { level: 9 }).length, graphiql: !loaded.has(file) }));
  const sum = (list: BundleFile[]) => list.reduce((total, file) => total + file.gzipBytes, 0);
  return { files, budgetedBytes: sum(files.filter((file) => !file.graphiql)), graphiqlBytes: sum(files.filter((file) => file.graphiql)) };
}

// `tsx scripts/console-budget.ts` prints the measurement.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { consoleBuildDir } = await import('../src/server/console-files');
  const { files, budgetedBytes, graphiqlBytes } = measureConsoleBundle(consoleBuildDir());
  for (const file of files.sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 8)) console.log(`${file.graphiql ? 'graphiql' : 'console '} ${file.gzipBytes} B  ${file.file}`);
  console.log(`console JS: ${budgetedBytes} B gzipped of ${CONSOLE_JS_BUDGET_BYTES} B; GraphiQL only: ${graphiqlBytes} B (${files.length} JS files)`);
}
