import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The repository root: input paths are recorded relative to it. */
const repository = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Writes `inputs.json`: every source file of the repository the bundle was made from (not
 * node_modules, which package-lock.json stands for), so `npm start` can tell whether a build is
 * stale by hashing exactly those files (scripts/build-console.ts).
 */
function recordInputs(): Plugin {
  return {
    name: 'hookwire-record-inputs',
    generateBundle() {
      const files = [...this.getModuleIds()]
        .filter((id) => !id.startsWith('\0') && !id.includes('/node_modules/'))
        .map((id) => relative(repository, id.split('?')[0]))
        .filter((file) => !file.startsWith('..'))
        .sort();
      this.emitFile({ type: 'asset', fileName: 'inputs.json', source: `${JSON.stringify([...new Set(files)], null, 2)}\n` });
    },
  };
}

/** Where `npm run dev:console` sends GraphQL (HTTP and WebSocket): a running hookwire. */
const target = process.env.HOOKWIRE_URL ?? 'http://127.0.0.1:4000';

/**
 * The console is served by hookwire at /console from dist/console; `vite` (dev) proxies
 * /graphql to a running hookwire so the page talks to the same origin in both cases.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react(), recordInputs()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // Tells which chunks the console loads and which only GraphiQL's page does (scripts/console-budget.ts).
    manifest: true,
    // Nothing from a CDN: every asset is a file next to index.html.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    // GraphiQL's own chunk (~760 kB, ~250 kB gzipped) loads only on its page; the budget is checked by scripts/console-budget.ts.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      onLog(level, log, handler) {
        // react-compiler-runtime (GraphiQL's) marks itself "use no memo", which only a compiler reads.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: { proxy: { '/graphql': { target, ws: true, changeOrigin: true } } },
});
