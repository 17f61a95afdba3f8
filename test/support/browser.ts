import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's `chromium` on PATH (`.ci/run` installs it): playwright-core never downloads a browser. */
function chromiumPath(): string {
  return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
}

// No network but the page's own origin: no background fetches, updates, sync or first-run pages.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** A headless Chromium on a fresh profile, one page, and every URL the page asked for. */
export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Every request and WebSocket the page opened, in order. */
  requests: string[];
  /** The requested URLs that were not on `origin` (and not data:/blob: URLs). */
  foreign(origin: string): string[];
  close(): Promise<void>;
}

/** Starts Chromium headless with a fresh user-data dir, recording every request the page makes. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'hookwire-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 860 },
    colorScheme: 'light',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('websocket', (socket) => requests.push(socket.url()));
  return {
    context,
    page,
    requests,
    foreign(origin) {
      const host = new URL(origin).host;
      return requests.filter((url) => {
        const parsed = new URL(url);
        if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
        return parsed.host !== host;
      });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves the page as `docs/console/<name>-light.png` and `-dark.png` (the OS colour scheme emulated). */
export async function screenshotBoth(page: Page, directory: string, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(directory, `${name}-${scheme}.png`), fullPage: true, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
