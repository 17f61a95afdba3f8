import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { consoleBuildDir } from '../src/server/console-files';

/**
 * `npm start`'s console step: builds the console (Vite) only when its sources changed since the
 * last build, so an unchanged tree starts as fast as before. A build records the source files it
 * was made from (`dist/console/inputs.json`); the stamp is a hash of those files plus the files
 * that configure the build, and `--force` rebuilds regardless.
 */
const ROOT = join(consoleBuildDir(), '..', '..');
const OUT = consoleBuildDir();
const STAMP = join(OUT, '.stamp');
// What decides a build besides its sources: the toolchain's versions and the build's configuration.
const CONFIG_FILES = ['package-lock.json', 'src/console/package.json', 'src/console/vite.config.ts', 'src/console/index.html'];

/** A hash of the files the last build read (or null when there is no complete build). */
function currentStamp(): string | null {
  const inputsFile = join(OUT, 'inputs.json');
  if (!existsSync(inputsFile) || !existsSync(join(OUT, 'index.html'))) return null;
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as string[];
  const hash = createHash('sha256');
  for (const file of [...CONFIG_FILES, ...inputs]) {
    const path = join(ROOT, file);
    // A source deleted since the build makes it stale: hash its absence.
    hash.update(`${file}\0${existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'missing'}\0`);
  }
  return hash.digest('hex');
}

function build(): void {
  const result = spawnSync('npm', ['run', 'build', '--silent', '--workspace', '@hookwire/console'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  const stamp = currentStamp();
  if (stamp) writeFileSync(STAMP, stamp);
}

const force = process.argv.includes('--force');
const stamp = currentStamp();
if (force || stamp === null || !existsSync(STAMP) || readFileSync(STAMP, 'utf8') !== stamp) build();
