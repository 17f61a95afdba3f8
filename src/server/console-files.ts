import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder `npm run build:console` writes (`<package root>/dist/console`). Found by walking up
 * from this module to hookwire's package.json, so it is the same from `src/` (tests, tsx) and from
 * the esbuild bundle in `dist/` (`npm start`).
 */
export function consoleBuildDir(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'hookwire') {
      return join(dir, 'dist', 'console');
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`hookwire's package.json is not above ${from}`);
    dir = parent;
  }
}
