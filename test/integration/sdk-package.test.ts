import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredFileName, readCodeBlocks } from '../support/readme-blocks';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/sdk-package');
const TSC = join(ROOT, 'node_modules/.bin/tsc');

/** tsc settings as a user's project has them, under one module resolution. */
function tsconfig(resolution: 'NodeNext' | 'Bundler', files: string[]) {
  return {
    compilerOptions: {
      target: 'ES2022',
      module: resolution === 'NodeNext' ? 'NodeNext' : 'ESNext',
      moduleResolution: resolution,
      strict: true,
      // Not skipped: the package's own .d.ts must type-check too.
      skipLibCheck: false,
      // The user's program reads process.env; the package must need no @types of its own.
      typeRoots: [join(ROOT, 'node_modules/@types')],
      types: ['node'],
      // Under NodeNext the CommonJS check is type-checked too, through the `require` types.
      ...(resolution === 'NodeNext' ? { outDir: 'out', allowJs: true, checkJs: true } : { noEmit: true }),
    },
    files,
  };
}

// npm pack of the SDK, installed into an empty project from the registry, type-checked under
// both module resolutions and run against a real server, from ESM, CommonJS and as a command.
describe('the SDK package', () => {
  let server: TestServer;
  let folder: string;
  let project: string;
  let tarball: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'hookwire-sdk-package-'));
    project = join(folder, 'project');
    mkdirSync(project);
    server = await startTestServer('sqlite');
    env = { ...process.env, HOOKWIRE_URL: server.app.url, HOOKWIRE_API_KEY: ADMIN_KEY, npm_config_cache: join(folder, 'npm-cache'), npm_config_update_notifier: 'false' } as Record<string, string>;
    await run(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'sdk/pack.ts'), '--out', folder], { cwd: ROOT, env });
    tarball = join(folder, readdirSync(folder).find((name) => name.endsWith('.tgz')) as string);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'new-user', private: true, type: 'module' }));
    await run('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: project, env });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('holds built JavaScript and types only, and installs with only its own dependencies', async () => {
    const { stdout } = await run('tar', ['tzf', tarball]);
    const files = stdout.trim().split('\n');
    expect(files.filter((file) => !/^package\/(esm\/(sdk|cli)\/|cjs\/|package\.json$|README\.md$)/.test(file))).toEqual([]);
    expect(files.filter((file) => /\.ts$/.test(file) && !/\.d\.ts$/.test(file))).toEqual([]);
    const installed = JSON.parse(readFileSync(join(project, 'node_modules/.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    const names = Object.keys(installed.packages).map((path) => path.replace(/^.*node_modules\//, '')).sort();
    // graphql comes as graphql-ws's peer (its types name graphql's); ws is loaded only without a global WebSocket.
    expect(names).toEqual(['@hookwire/sdk', 'commander', 'graphql', 'graphql-ws', 'ws']);
  });

  it("type-checks a user's program and the README's under NodeNext and Bundler resolution, and CommonJS under NodeNext", async () => {
    copyFileSync(join(FIXTURES, 'program.ts'), join(project, 'program.ts'));
    copyFileSync(join(FIXTURES, 'check.cjs'), join(project, 'check.cjs'));
    const readme = readCodeBlocks(join(ROOT, 'README.md')).filter((block) => block.language === 'ts');
    expect(readme.length).toBeGreaterThan(0);
    const readmeFiles = readme.map((block) => {
      const name = `readme-${declaredFileName(block) ?? `${block.line}.ts`}`;
      writeFileSync(join(project, name), block.code);
      return name;
    });
    for (const resolution of ['NodeNext', 'Bundler'] as const) {
      const files = ['program.ts', ...readmeFiles, ...(resolution === 'NodeNext' ? ['check.cjs'] : [])];
      writeFileSync(join(project, `tsconfig.${resolution}.json`), JSON.stringify(tsconfig(resolution, files)));
      const checked = await run(TSC, ['-p', `tsconfig.${resolution}.json`], { cwd: project, env }).catch((error: { stdout: string }) => error);
      expect(checked.stdout, resolution).toBe('');
    }
  }, 60_000);

  it('runs the program against a real server: emit, subscribe, read back, verify a delivery, an error code', async () => {
    const { stdout } = await run(process.execPath, ['out/program.js'], { cwd: project, env, timeout: 30_000 });
    const result = JSON.parse(stdout) as { live: string; readBack: unknown; verified: string; errorCode: string };
    expect(result.live).toMatch(/^evt_/);
    expect(result.readBack).toEqual({ userId: 'u_package' });
    expect(result.verified).toBe('User.Created');
    expect(result.errorCode).toBe('NOT_FOUND');
  }, 40_000);

  it('works from CommonJS, subscriptions included', async () => {
    const { stdout } = await run(process.execPath, ['check.cjs'], { cwd: project, env, timeout: 30_000 });
    expect(JSON.parse(stdout)).toEqual({ vector: 2432232314, hooks: 'number', live: 'PostSignIn' });
  }, 40_000);

  it('bundles for a browser without Node built-ins (the browser condition leaves out verify)', async () => {
    writeFileSync(join(project, 'app.js'), "import { createHookwireClient } from '@hookwire/sdk';\nexport const client = createHookwireClient({ url: location.origin });\n");
    const bundled = await build({ entryPoints: [join(project, 'app.js')], absWorkingDir: project, bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    const code = bundled.outputFiles[0].text;
    expect(code).toContain('createHookwireClient');
    expect(code).not.toMatch(/node:crypto|createHmac/);
  });

  it('carries the hookwire command without the server commands', async () => {
    const help = await run('npx', ['--no-install', 'hookwire', '--help'], { cwd: project, env });
    expect(help.stdout).toMatch(/^Usage: hookwire/);
    expect(help.stdout).toContain('listen');
    expect(help.stdout).not.toMatch(/^\s+serve\b/m);
    const listed = await run('npx', ['--no-install', 'hookwire', '--json', 'hooks', 'list'], { cwd: project, env });
    expect(listed.stderr).toBe('');
  });
});
