import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotBoth, type TestBrowser } from '../support/browser';
import { startReceiver, type Receiver } from '../support/receiver';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';
import { eventually } from '../support/wait';

// Every run takes the screenshots (rendering each page in both schemes is part of the test);
// `npm run screenshots` writes them over the README's in docs/console, other runs to a
// temporary folder, so that `npm test` leaves the tree as it found it.
const SHOTS = process.env.HOOKWIRE_UPDATE_SCREENSHOTS
  ? join(import.meta.dirname, '..', '..', 'docs', 'console')
  : mkdtempSync(join(tmpdir(), 'hookwire-console-'));
// Buttons that change something: none may be shown to a READ key.
const MUTATING = /^(Create|Delete|Disable|Reactivate|Regenerate|End retired|Send test|Save|Discard|Revoke|Resend|Retry|Add header|Remove)/;

/** Signs in on the sign-in page with `key`. */
async function signIn(page: Page, origin: string, key: string): Promise<void> {
  await page.goto(`${origin}/console/`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The names of the visible buttons that would change something. */
async function mutatingButtons(page: Page): Promise<string[]> {
  const names = await page.getByRole('button').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? button.textContent ?? ''));
  return names.map((name) => name.trim()).filter((name) => MUTATING.test(name));
}

// One journey in a real Chromium against a real hookwire and a real receiver; the steps share the page.
describe('the console in Chromium', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let endpoint: Receiver;
  let other: Receiver;
  let origin: string;
  let hookId: string;
  let page: Page;

  beforeAll(async () => {
    // A failing delivery makes many quick attempts: enough to pull the 24 h rate below 90 %.
    server = await startTestServer('sqlite', { HOOKWIRE_RETRY_SCHEDULE: Array.from({ length: 20 }, () => '50ms').join(',') });
    origin = server.app.url;
    [endpoint, other] = await Promise.all([startReceiver(), startReceiver()]);
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([endpoint?.close(), other?.close()]);
    await server?.close();
    if (!process.env.HOOKWIRE_UPDATE_SCREENSHOTS) rmSync(SHOTS, { recursive: true, force: true });
  });

  it('tells a bad key and an EMIT key why they cannot sign in', async () => {
    await signIn(page, origin, 'not-a-key');
    await page.getByRole('alert').getByText('This API key is not valid').waitFor();
    await screenshotBoth(page, SHOTS, 'sign-in');
    const emitKey = (await server.admin.CreateApiKey({ input: { name: 'emitter', scopes: ['EMIT'] } })).createApiKey.key;
    await signIn(page, origin, emitKey);
    await page.getByRole('alert').getByText('This key can only emit events').waitFor();
  });

  it('signs in with an ADMIN key and creates a hook from grouped events, validated on the field', async () => {
    await signIn(page, origin, ADMIN_KEY);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await page.getByText('No webhooks yet').waitFor();
    await page.getByRole('link', { name: 'Create webhook' }).click();
    await page.getByLabel('Name').fill('Orders service');
    await page.getByLabel('Endpoint URL').fill(endpoint.url);
    await page.getByRole('button', { name: 'Create webhook' }).click();
    await page.getByText('Pick at least one event').waitFor();
    await page.getByRole('group', { name: 'User', exact: true }).getByRole('checkbox', { name: 'User.Created', exact: true }).check();
    await page.getByRole('group', { name: 'User interaction' }).getByRole('checkbox', { name: 'PostSignIn', exact: true }).check();
    await screenshotBoth(page, SHOTS, 'create');
    await page.getByRole('button', { name: 'Create webhook' }).click();
    await page.getByRole('heading', { name: 'Orders service' }).waitFor();
    hookId = new URL(page.url()).pathname.split('/')[3];
    const stored = (await server.admin.Hook({ id: hookId })).hook;
    expect(stored).toMatchObject({ name: 'Orders service', url: endpoint.url, events: ['User.Created', 'PostSignIn'], enabled: true });
  });

  it('sends a test payload to the unsaved URL and shows the answer', async () => {
    other.reply(() => ({ status: 201, body: '{"received":true}' }));
    await page.getByLabel('Endpoint URL').fill(other.url);
    await page.getByRole('region', { name: 'Unsaved changes' }).waitFor();
    await page.getByRole('button', { name: 'Send test payload' }).click();
    const result = page.getByLabel('Test result');
    await result.getByText('Delivered').waitFor();
    expect(await result.textContent()).toContain(other.url);
    expect(await result.textContent()).toContain('201');
    expect(await result.textContent()).toContain('{"received":true}');
    expect(other.requests).toHaveLength(1);
    expect(endpoint.requests).toHaveLength(0);
    await screenshotBoth(page, SHOTS, 'settings');
    await page.getByRole('button', { name: 'Discard' }).click();
    expect(await page.getByLabel('Endpoint URL').inputValue()).toBe(endpoint.url);
  });

  it('shows a delivery live as it happens, opens its attempt and resends it', async () => {
    await page.getByRole('link', { name: 'Deliveries' }).click();
    await page.getByLabel('Live: show attempts as they happen').check();
    const live = page.getByTestId('live-attempt');
    // The subscription opens asynchronously: emit until an attempt arrives (bounded), never reloading.
    await eventually(async () => {
      if ((await live.count()) > 0) return true;
      await server.emit('User.Created', { userId: 'u_live' });
      await live.first().waitFor({ timeout: 2_000 }).catch(() => undefined);
      return (await live.count()) > 0 ? true : undefined;
    }, 20_000);
    expect(await live.first().textContent()).toContain('User.Created');
    // The table below agrees with the feed without a reload.
    await page.getByRole('cell', { name: 'SUCCEEDED' }).first().waitFor();
    await page.getByText(/[1-9]\d* requests? in 24h/).waitFor();
    await screenshotBoth(page, SHOTS, 'deliveries');
    await live.first().getByRole('link').click();
    const first = page.getByRole('article', { name: 'Attempt 1', exact: true });
    await first.waitFor();
    expect(await first.textContent()).toContain(endpoint.url);
    expect(await first.textContent()).toContain('u_live');
    await page.getByRole('button', { name: 'Resend' }).click();
    await page.getByRole('article', { name: 'Attempt 2', exact: true }).waitFor();
    expect(await page.getByRole('article', { name: 'Attempt 2', exact: true }).textContent()).toContain('MANUAL');
    await screenshotBoth(page, SHOTS, 'delivery');
  });

  it('shows a failing endpoint: the attempts fail and the rate tag turns red', async () => {
    endpoint.reply(() => ({ status: 500, body: 'broken' }));
    const failing = await server.emit('User.Created', { userId: 'u_fail' });
    await eventually(async () => {
      const delivery = (await server.deliveriesOf(hookId)).find((item) => item.eventId === failing.id);
      return delivery?.status === 'FAILED' ? true : undefined;
    }, 20_000);
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    const tag = page.getByLabel(/^Success rate/);
    await tag.waitFor();
    expect(await tag.getAttribute('data-tone')).toBe('bad');
    await page.getByText(/Failing since/).waitFor();
    await screenshotBoth(page, SHOTS, 'webhooks');
  });

  it('rotates the signing key with a grace period', async () => {
    await page.getByRole('link', { name: 'Orders service' }).click();
    const before = (await server.admin.HookSigningKey({ id: hookId })).hook.signingKey;
    await page.getByRole('button', { name: 'Reveal key' }).click();
    expect(await page.getByLabel('Current signing key').textContent()).toBe(before);
    await page.getByRole('button', { name: 'Regenerate key' }).click();
    await page.getByRole('dialog', { name: 'Regenerate the signing key?' }).getByRole('button', { name: 'Regenerate' }).click();
    await page.getByText('Retired keys still signing').waitFor();
    const after = (await server.admin.HookSigningKey({ id: hookId })).hook.signingKey;
    expect(after).not.toBe(before);
    await page.getByLabel('Current signing key').getByText(after, { exact: true }).waitFor();
    await screenshotBoth(page, SHOTS, 'signing-key');
  });

  it('warns before leaving unsaved changes, and disables and reactivates the hook, each confirmed', async () => {
    await page.getByLabel('Name').fill('Orders service (edited)');
    const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => void dialog.dismiss().then(() => resolve(dialog.message()))));
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    expect(await asked).toContain('unsaved changes');
    expect(await page.getByLabel('Name').inputValue()).toBe('Orders service (edited)');
    await page.getByRole('button', { name: 'Discard' }).click();

    await page.getByRole('button', { name: 'Disable webhook' }).click();
    await page.getByRole('dialog', { name: 'Disable this webhook?' }).getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('button', { name: 'Reactivate webhook' }).waitFor();
    expect((await server.admin.Hook({ id: hookId })).hook.enabled).toBe(false);
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await page.getByText('Not in use').waitFor();
    await page.getByRole('link', { name: 'Orders service' }).click();
    await page.getByRole('button', { name: 'Reactivate webhook' }).click();
    await page.getByRole('dialog', { name: 'Reactivate this webhook?' }).getByRole('button', { name: 'Reactivate' }).click();
    await page.getByRole('button', { name: 'Disable webhook' }).waitFor();
    expect((await server.admin.Hook({ id: hookId })).hook.enabled).toBe(true);
  });

  let readKey: string;
  it('creates an API key shown once, and revokes another', async () => {
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Key name').fill('dashboard reader');
    await page.getByRole('button', { name: 'Create key' }).click();
    readKey = (await page.getByLabel('New key', { exact: true }).textContent()) ?? '';
    expect((await server.client(readKey).Viewer()).viewer).toMatchObject({ name: 'dashboard reader', scopes: ['READ'] });
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByLabel('Key name').fill('temporary');
    await page.getByRole('checkbox', { name: /^READ/ }).uncheck();
    await page.getByRole('checkbox', { name: /^EMIT/ }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const temporary = (await page.getByLabel('New key', { exact: true }).textContent()) ?? '';
    await page.getByRole('button', { name: 'Done' }).click();
    await screenshotBoth(page, SHOTS, 'api-keys');
    await page.getByRole('button', { name: 'Revoke temporary' }).click();
    await page.getByRole('dialog', { name: 'Revoke the key “temporary”?' }).getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('cell', { name: /^Revoked/ }).waitFor();
    const rejected = await server.client(temporary).Viewer().catch((error: unknown) => error);
    expect((rejected as { codes: string[] }).codes).toEqual(['UNAUTHENTICATED']);
  });

  it('shows the overview: attempts per hour, succeeded against failed, and the queue', async () => {
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    const chart = page.getByRole('img', { name: /^Attempts per hour over the last 24 hours/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/: [1-9]\d* succeeded, [1-9]\d* failed$/);
    await page.getByText('Oldest due delivery waits').waitFor();
    await screenshotBoth(page, SHOTS, 'overview');
  });

  it('tails events live, opens one with its delivery to each hook, and replays it', async () => {
    endpoint.reply(() => ({ status: 200 }));
    await page.getByRole('link', { name: 'Events', exact: true }).click();
    // hookwire's own operational events (Delivery.Failing…) flow too: tail only what this step emits.
    await page.getByLabel('Types or patterns').fill('User.*, PostSignIn');
    await page.getByLabel('Live tail').check();
    const live = page.getByTestId('live-event');
    await eventually(async () => {
      if ((await live.count()) > 0) return true;
      await server.emit('PostSignIn', { userId: 'u_tail' });
      await live.first().waitFor({ timeout: 2_000 }).catch(() => undefined);
      return (await live.count()) > 0 ? true : undefined;
    }, 20_000);
    expect(await live.first().textContent()).toContain('PostSignIn');
    await screenshotBoth(page, SHOTS, 'events');
    await live.first().getByRole('link').click();
    await page.getByRole('heading', { name: 'PostSignIn' }).waitFor();
    expect(await page.getByLabel('Payload').textContent()).toContain('u_tail');
    await page.getByRole('link', { name: 'Orders service' }).waitFor();
    // A replay is refused while an attempt is in flight: wait for the first one to finish.
    const eventId = new URL(page.url()).pathname.split('/').pop();
    await eventually(async () => ((await server.deliveriesOf(hookId)).find((item) => item.eventId === eventId)?.status === 'SUCCEEDED' ? true : undefined));
    await page.getByRole('button', { name: 'Replay event' }).click();
    await page.getByText('Queued for Orders service.').waitFor();
    await screenshotBoth(page, SHOTS, 'event');
  });

  it('creates and deletes a custom event type', async () => {
    await page.getByRole('link', { name: 'Event types', exact: true }).click();
    await page.getByLabel('Type name').fill('Invoice.Paid');
    await page.getByLabel('Description').fill('An invoice was paid');
    await page.getByRole('button', { name: 'Create event type' }).click();
    const custom = page.getByRole('region', { name: 'Custom events' });
    await custom.getByText('Invoice.Paid', { exact: true }).waitFor();
    await screenshotBoth(page, SHOTS, 'event-types');
    await page.getByRole('button', { name: 'Delete Invoice.Paid' }).click();
    await page.getByRole('dialog', { name: 'Delete the event type Invoice.Paid?' }).getByRole('button', { name: 'Delete' }).click();
    await custom.waitFor({ state: 'detached' });
    expect((await server.admin.EventTypes()).eventTypes.map((type) => type.name)).not.toContain('Invoice.Paid');
  });

  it("runs a query in the bundled GraphiQL with the session's key, which a browser's GET /graphql opens", async () => {
    await page.goto(`${origin}/graphql`);
    await page.waitForURL(`${origin}/console/graphiql`);
    // GraphiQL loads as its own chunk and fills its editor afterwards: run the query once it is there.
    await page.locator('.graphiql-query-editor').getByText('totalCount').waitFor();
    const result = page.locator('.result-window').getByText('Orders service').first();
    await eventually(async () => {
      await page.getByRole('button', { name: /^Execute query/ }).click();
      return (await result.waitFor({ timeout: 5_000 }).then(() => true, () => undefined));
    }, 30_000);
    await screenshotBoth(page, SHOTS, 'graphiql');
  });

  it('shows a READ key the same pages without any control that changes anything', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, origin, readKey);
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await page.getByRole('link', { name: 'Orders service' }).waitFor();
    expect(await mutatingButtons(page)).toEqual([]);
    await page.getByRole('link', { name: 'Orders service' }).click();
    await page.getByRole('heading', { name: 'Orders service' }).waitFor();
    expect(await page.getByLabel('Endpoint URL').isDisabled()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'User.Created', exact: true }).isDisabled()).toBe(true);
    expect(await mutatingButtons(page)).toEqual([]);
    await screenshotBoth(page, SHOTS, 'read-only');
    await page.getByRole('link', { name: 'Deliveries' }).click();
    await page.getByRole('table').waitFor();
    expect(await mutatingButtons(page)).toEqual([]);
    await page.getByRole('link', { name: 'User.Created' }).first().click();
    await page.getByRole('article', { name: 'Attempt 1', exact: true }).waitFor();
    expect(await mutatingButtons(page)).toEqual([]);
  });

  it('lists 500 hooks with one GraphQL request per page of results, not one per hook', async () => {
    for (let start = 1; start < 500; start += 50) {
      await Promise.all(Array.from({ length: Math.min(50, 500 - start) }, (_, index) => server.createHook(`${endpoint.url}/${start + index}`, ['User.Created'])));
    }
    const operations: string[] = [];
    const record = (request: import('playwright-core').Request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') {
        operations.push((JSON.parse(request.postData() ?? '{}') as { operationName?: string }).operationName ?? '?');
      }
    };
    page.on('request', record);
    await page.goto(`${origin}/console/webhooks`);
    await page.getByText('1–20 of 500 webhooks').waitFor();
    expect(operations).toEqual(['ConsoleViewer', 'WebhooksPage']);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('21–40 of 500 webhooks').waitFor();
    expect(operations).toEqual(['ConsoleViewer', 'WebhooksPage', 'WebhooksPage']);
    page.off('request', record);
  });

  it('made no request to any origin but hookwire', () => {
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(browser.foreign(origin)).toEqual([]);
  });
});
