import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * vitest global setup: builds `dist/` once, so the tests that run hookwire as a child
 * process start it exactly as `npm start` does, and builds the console (only when its sources
 * changed, as `npm start` does) so the servers the tests start serve it at /console.
 */
export default function setup(): void {
  const cwd = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync('npm', ['run', 'build', '--silent'], { cwd, stdio: 'inherit' });
  execFileSync('node', ['dist/build-console.js'], { cwd, stdio: 'inherit' });
}
