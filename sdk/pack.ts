import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * `npm run pack:sdk [-- --out <dir>]`: builds the SDK package (`@hookwire/sdk`) from
 * `src/sdk` and the client half of `src/cli` into `<dir>/package` (default `dist-sdk/`) and
 * packs it into `<dir>/hookwire-sdk-<version>.tgz`:
 * - `esm/`: tsc's ESM JavaScript and `.d.ts` (NodeNext, so the imports carry `.js`);
 * - `cjs/`: one esbuild CommonJS bundle per entry (`.`, `./verify`), with the same `.d.ts`
 *   under a `"type": "commonjs"` package.json, so `require` resolves CommonJS types;
 * - `package.json`: `sdk/package.json` with the repository's version, and each dependency at
 *   the repository's pinned version as a caret range (the versions are defined once).
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const outIndex = process.argv.indexOf('--out');
const OUT = resolve(outIndex > 0 ? process.argv[outIndex + 1] : join(ROOT, 'dist-sdk'));
const PACKAGE = join(OUT, 'package');

rmSync(PACKAGE, { recursive: true, force: true });
mkdirSync(PACKAGE, { recursive: true });
execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(ROOT, 'sdk/tsconfig.json'), '--outDir', join(PACKAGE, 'esm')], { stdio: 'inherit' });
await build({
  entryPoints: { index: join(ROOT, 'src/sdk/index.ts'), verify: join(ROOT, 'src/sdk/verify.ts') },
  outdir: join(PACKAGE, 'cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
for (const file of readdirSync(join(PACKAGE, 'esm/sdk')).filter((name) => name.endsWith('.d.ts'))) {
  copyFileSync(join(PACKAGE, 'esm/sdk', file), join(PACKAGE, 'cjs', file));
}
writeFileSync(join(PACKAGE, 'cjs/package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
// The command's types are nobody's API.
for (const file of readdirSync(join(PACKAGE, 'esm/cli'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.d.ts'))) {
  rmSync(join(PACKAGE, 'esm/cli', file));
}
chmodSync(join(PACKAGE, 'esm/cli/package-main.js'), 0o755);
assertNoServerCode(PACKAGE);

const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
const manifest = JSON.parse(readFileSync(join(ROOT, 'sdk/package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> };
manifest.dependencies = Object.fromEntries(
  Object.keys(manifest.dependencies).map((name) => {
    const pinned = root.dependencies[name];
    if (!pinned) throw new Error(`sdk/package.json depends on ${name}, which the repository does not`);
    return [name, `^${pinned}`];
  }),
);
const { name, ...rest } = manifest;
writeFileSync(join(PACKAGE, 'package.json'), `${JSON.stringify({ name, version: root.version, ...rest }, null, 2)}\n`);
copyFileSync(join(ROOT, 'sdk/README.md'), join(PACKAGE, 'README.md'));

const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', OUT], { cwd: PACKAGE, encoding: 'utf8' })) as Array<{
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
}>;
console.log(`${relative(process.cwd(), join(OUT, packed.filename))}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} kB packed, ${(packed.unpackedSize / 1024).toFixed(1)} kB unpacked`);

/** The package holds the SDK and the client command only: anything else tsc pulled in is a leak. */
function assertNoServerCode(folder: string): void {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'));
  const foreign = files.filter((name) => !/^(esm\/(sdk|cli(\/commands)?)\/[\w.-]+|cjs\/[\w.-]+)\.js$/.test(name) || /server-commands|cli\/main\.js/.test(name));
  if (foreign.length) throw new Error(`the SDK package would carry code beyond src/sdk and the client command: ${foreign.join(', ')}`);
}
