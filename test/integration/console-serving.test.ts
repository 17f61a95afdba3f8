import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountConsole } from '../../src/server/console';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('hookwire serves the console', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('redirects / to /console/ and answers index.html for every console path, under a same-origin-only policy', async () => {
    const root = await fetch(`${server.app.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/console/');
    for (const path of ['/console', '/console/', '/console/webhooks/hook_x/settings']) {
      const page = await fetch(`${server.app.url}${path}`);
      expect(page.status, path).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
    const missing = await fetch(`${server.app.url}/console/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
  });

  it("sends a browser's GET /graphql to the console's GraphiQL, and GraphQL clients on to the API", async () => {
    const browser = await fetch(`${server.app.url}/graphql`, { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toBe('/console/graphiql');
    const query = await fetch(`${server.app.url}/graphql?query=${encodeURIComponent('{ viewer { keyId } }')}`, {
      headers: { accept: 'application/json', authorization: `Bearer ${ADMIN_KEY}`, 'apollo-require-preflight': 'true' },
    });
    expect(await query.json()).toEqual({ data: { viewer: { keyId: 'env' } } });
    const post = await fetch(`${server.app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify({ query: '{ viewer { scopes } }' }),
    });
    expect(await post.json()).toEqual({ data: { viewer: { scopes: ['ADMIN'] } } });
  });
});

describe('the console without a build', () => {
  let http: Server;
  let dir: string;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookwire-no-console-'));
    const app = express();
    mountConsole(app, dir);
    app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
    http = createServer(app);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => http?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with a page that says how to build it, and the rest keeps serving', async () => {
    const page = await fetch(`${url}/console/webhooks`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build:console');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
