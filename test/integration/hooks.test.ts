import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hook } from '../../src/db/tables/hook.entity';
import type { CreateHookInput } from '../../src/sdk';
import { DATABASE_KINDS } from '../support/databases';
import { codesOf, postRaw } from '../support/raw';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';
import { startReceiver } from '../support/receiver';
import { eventually, expectCode } from '../support/wait';

const SIGNING_KEY = /^whsec_[A-Za-z0-9+/]{43}=$/;

describe.each(DATABASE_KINDS)('hooks on %s', (kind) => {
  let server: TestServer;
  let seq = 0;
  const input = (overrides: Partial<CreateHookInput> = {}): CreateHookInput => ({
    name: `hook ${++seq}`,
    events: ['User.Created'],
    url: 'https://example.com/hooks',
    ...overrides,
  });

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates a hook with every field and a server-generated signing key', async () => {
    const { createHook } = await server.admin.CreateHook({
      input: {
        name: 'Orders',
        events: ['User.Created', 'Role.Deleted'],
        url: 'https://example.com/orders?x=1',
        headers: [
          { name: 'X-Tenant', value: 'acme' },
          { name: 'Authorization', value: 'Basic abc==' },
        ],
        enabled: false,
      },
    });
    expect(createHook).toMatchObject({
      name: 'Orders',
      events: ['User.Created', 'Role.Deleted'],
      url: 'https://example.com/orders?x=1',
      headers: [
        { name: 'X-Tenant', value: 'acme' },
        { name: 'Authorization', value: 'Basic abc==' },
      ],
      enabled: false,
      disabledAt: null,
      disabledReason: null,
    });
    expect(createHook.id).toMatch(/^hook_[0-9A-Z]{26}$/);
    expect(createHook.signingKey).toMatch(SIGNING_KEY);
    expect(Buffer.from(createHook.signingKey.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(new Date(createHook.createdAt).toISOString()).toBe(createHook.createdAt);

    // Defaults: enabled, no headers; every hook gets its own key.
    const { createHook: plain } = await server.admin.CreateHook({ input: input() });
    expect(plain).toMatchObject({ enabled: true, headers: [] });
    expect(plain.signingKey).toMatch(SIGNING_KEY);
    expect(plain.signingKey).not.toBe(createHook.signingKey);

    const { hook } = await server.admin.Hook({ id: createHook.id });
    const { signingKey: _key, ...withoutKey } = createHook;
    expect(hook).toMatchObject(withoutKey);
    expect(hook.executionStats).toEqual({ requestCount: 0, successCount: 0 });
    const { hook: keyed } = await server.admin.HookSigningKey({ id: createHook.id });
    expect(keyed.signingKey).toBe(createHook.signingKey);
  });

  it('never accepts a signing key from the client', async () => {
    const before = (await server.admin.Hooks({ first: 100 })).hooks.totalCount;
    const query = 'mutation ($input: CreateHookInput!) { createHook(input: $input) { id signingKey } }';
    const viaVariables = await postRaw(
      server.app.url,
      { query, variables: { input: { ...input(), signingKey: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' } } },
      { apiKey: ADMIN_KEY },
    );
    expect(codesOf(viaVariables)).toEqual(['BAD_USER_INPUT']);
    const inline = await postRaw(
      server.app.url,
      { query: 'mutation { createHook(input: { name: "x", events: ["*"], url: "https://example.com", signingKey: "whsec_x" }) { id } }' },
      { apiKey: ADMIN_KEY },
    );
    expect(codesOf(inline)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect((await server.admin.Hooks({ first: 100 })).hooks.totalCount).toBe(before);
  });

  it('accepts patterns and drops duplicate event entries, keeping their order', async () => {
    const { createHook: users } = await server.admin.CreateHook({ input: input({ events: ['User.*'] }) });
    expect(users.events).toEqual(['User.*']);
    const { createHook: all } = await server.admin.CreateHook({ input: input({ events: ['*'] }) });
    expect(all.events).toEqual(['*']);
    const { createHook: deduped } = await server.admin.CreateHook({
      input: input({ events: ['User.Created', '*', 'User.Created', 'Role.*', '*', 'Role.*'] }),
    });
    expect(deduped.events).toEqual(['User.Created', '*', 'Role.*']);
    expect((await server.admin.Hook({ id: deduped.id })).hook.events).toEqual(['User.Created', '*', 'Role.*']);

    const { updateHook } = await server.admin.UpdateHook({ id: users.id, input: { events: ['Organization.*', 'Organization.*', 'PostSignIn'] } });
    expect(updateHook.events).toEqual(['Organization.*', 'PostSignIn']);
  });

  it('updates only the fields given', async () => {
    const { createHook: created } = await server.admin.CreateHook({
      input: input({ name: 'before', events: ['User.Created'], url: 'https://a.example.com/', headers: [{ name: 'X-A', value: '1' }] }),
    });
    const { signingKey, ...original } = created;

    const { updateHook: renamed } = await server.admin.UpdateHook({ id: created.id, input: { name: 'after' } });
    expect(renamed).toEqual({ ...original, name: 'after', updatedAt: renamed.updatedAt });
    expect(renamed.updatedAt >= original.updatedAt).toBe(true);

    const { updateHook: moved } = await server.admin.UpdateHook({ id: created.id, input: { url: 'http://b.example.com/x', events: ['Role.*'] } });
    expect(moved).toEqual({ ...original, name: 'after', url: 'http://b.example.com/x', events: ['Role.*'], updatedAt: moved.updatedAt });

    const { updateHook: headed } = await server.admin.UpdateHook({ id: created.id, input: { headers: [{ name: 'X-B', value: '2' }] } });
    expect(headed.headers).toEqual([{ name: 'X-B', value: '2' }]);
    const { updateHook: cleared } = await server.admin.UpdateHook({ id: created.id, input: { headers: [] } });
    expect(cleared.headers).toEqual([]);

    const { updateHook: disabled } = await server.admin.UpdateHook({ id: created.id, input: { enabled: false } });
    expect(disabled).toMatchObject({ enabled: false, name: 'after', url: 'http://b.example.com/x', events: ['Role.*'] });

    // An empty input changes nothing.
    const { updateHook: same } = await server.admin.UpdateHook({ id: created.id, input: {} });
    expect(same).toMatchObject({ enabled: false, name: 'after', url: 'http://b.example.com/x', events: ['Role.*'], headers: [] });

    // The signing key is not touched by updates.
    expect((await server.admin.HookSigningKey({ id: created.id })).hook.signingKey).toBe(signingKey);
  });

  it('re-enabling a hook hookwire disabled clears disabledAt and disabledReason', async () => {
    const { createHook: created } = await server.admin.CreateHook({ input: input() });
    // hookwire disables a hook itself when its endpoint answers 410 Gone (the delivery
    // engine's job, tested there); here the state is set as the engine would leave it.
    await server.app.orm.em
      .fork()
      .nativeUpdate(Hook, { id: created.id }, { enabled: false, disabledAt: new Date(), disabledReason: 'the endpoint answered 410 Gone' });
    const { hook: gone } = await server.admin.Hook({ id: created.id });
    expect(gone).toMatchObject({ enabled: false, disabledReason: 'the endpoint answered 410 Gone' });
    expect(gone.disabledAt).not.toBeNull();

    // A partial update that does not touch `enabled` keeps the reason.
    const { updateHook: renamed } = await server.admin.UpdateHook({ id: created.id, input: { name: 'still disabled' } });
    expect(renamed).toMatchObject({ enabled: false, disabledReason: 'the endpoint answered 410 Gone' });

    const { updateHook: enabled } = await server.admin.UpdateHook({ id: created.id, input: { enabled: true } });
    expect(enabled).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null, name: 'still disabled' });
    expect((await server.admin.Hook({ id: created.id })).hook).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null });
  });

  it('deletes a hook, returning its id; it is gone afterwards', async () => {
    const { createHook: created } = await server.admin.CreateHook({ input: input() });
    const before = (await server.admin.Hooks({ first: 100 })).hooks;
    expect(before.nodes.map((hook) => hook.id)).toContain(created.id);

    const { deleteHook } = await server.admin.DeleteHook({ id: created.id });
    expect(deleteHook).toBe(created.id);

    await expectCode(server.admin.Hook({ id: created.id }), 'NOT_FOUND');
    await expectCode(server.admin.DeleteHook({ id: created.id }), 'NOT_FOUND');
    const after = (await server.admin.Hooks({ first: 100 })).hooks;
    expect(after.totalCount).toBe(before.totalCount - 1);
    expect(after.nodes.map((hook) => hook.id)).not.toContain(created.id);
  });

  it('deletes a hook together with its deliveries', async () => {
    const receiver = await startReceiver();
    try {
      const { createHook: created } = await server.admin.CreateHook({ input: input({ events: ['Role.Scopes.Updated'], url: receiver.url }) });
      const { emitEvent } = await server.admin.EmitEvent({ input: { event: 'Role.Scopes.Updated', payload: { roleId: 'r1' } } });
      await receiver.waitFor(1);
      const delivery = await eventually(async () => {
        const { hook } = await server.admin.HookDeliveries({ id: created.id });
        return hook.deliveries.nodes.find((node) => node.eventId === emitEvent.id && node.status === 'SUCCEEDED');
      });
      expect((await server.admin.DeleteHook({ id: created.id })).deleteHook).toBe(created.id);
      await expectCode(server.admin.Delivery({ id: delivery.id }), 'NOT_FOUND');
      // The event itself stays: it may have gone to other hooks.
      expect((await server.admin.Event({ id: emitEvent.id })).event.id).toBe(emitEvent.id);
    } finally {
      await receiver.close();
    }
  });

  it('regenerates the signing key', async () => {
    const { createHook: created } = await server.admin.CreateHook({ input: input() });
    const { regenerateSigningKey } = await server.admin.RegenerateSigningKey({ id: created.id });
    expect(regenerateSigningKey.id).toBe(created.id);
    expect(regenerateSigningKey.signingKey).toMatch(SIGNING_KEY);
    expect(regenerateSigningKey.signingKey).not.toBe(created.signingKey);
    expect((await server.admin.HookSigningKey({ id: created.id })).hook.signingKey).toBe(regenerateSigningKey.signingKey);
    // Nothing else changes.
    const { hook } = await server.admin.Hook({ id: created.id });
    expect(hook).toMatchObject({ name: created.name, events: created.events, url: created.url, enabled: true });
  });

  it('lists hooks as a connection, newest first, paging without duplicates or gaps', async () => {
    for (let i = 0; i < 5; i++) await server.admin.CreateHook({ input: input() });
    const everything = (await server.admin.Hooks({ first: 100 })).hooks;
    expect(everything.pageInfo.hasNextPage).toBe(false);
    expect(everything.nodes).toHaveLength(everything.totalCount);
    expect(everything.totalCount).toBeGreaterThanOrEqual(5);
    const createdAts = everything.nodes.map((hook) => hook.createdAt);
    expect([...createdAts].sort().reverse()).toEqual(createdAts);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { hooks }: Awaited<ReturnType<TestServer['admin']['Hooks']>> = await server.admin.Hooks({ first: 2, after });
      pages++;
      expect(hooks.totalCount).toBe(everything.totalCount);
      expect(hooks.nodes.length).toBeLessThanOrEqual(2);
      seen.push(...hooks.nodes.map((hook) => hook.id));
      if (!hooks.pageInfo.hasNextPage) break;
      expect(hooks.nodes).toHaveLength(2);
      expect(hooks.pageInfo.endCursor).toBeTruthy();
      after = hooks.pageInfo.endCursor;
      if (pages > 100) throw new Error('paging does not end');
    }
    expect(pages).toBe(Math.ceil(everything.totalCount / 2));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(everything.nodes.map((hook) => hook.id));

    // The default page size is 20.
    for (let i = everything.totalCount; i < 21; i++) await server.admin.CreateHook({ input: input() });
    const firstPage = (await server.admin.Hooks()).hooks;
    expect(firstPage.nodes).toHaveLength(20);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
  });

  it('filters hooks by enabled', async () => {
    const { createHook: off } = await server.admin.CreateHook({ input: input({ enabled: false }) });
    const { createHook: on } = await server.admin.CreateHook({ input: input({ enabled: true }) });
    const all = (await server.admin.Hooks({ first: 100 })).hooks;
    const enabled = (await server.admin.Hooks({ first: 100, enabled: true })).hooks;
    const disabled = (await server.admin.Hooks({ first: 100, enabled: false })).hooks;

    expect(enabled.nodes.every((hook) => hook.enabled)).toBe(true);
    expect(disabled.nodes.every((hook) => !hook.enabled)).toBe(true);
    expect(enabled.nodes.map((hook) => hook.id)).toContain(on.id);
    expect(enabled.nodes.map((hook) => hook.id)).not.toContain(off.id);
    expect(disabled.nodes.map((hook) => hook.id)).toContain(off.id);
    expect(enabled.totalCount).toBe(enabled.nodes.length);
    expect(disabled.totalCount).toBe(disabled.nodes.length);
    expect(enabled.totalCount + disabled.totalCount).toBe(all.totalCount);

    // Paging within a filter stays within it.
    const page = (await server.admin.Hooks({ first: 1, enabled: false })).hooks;
    expect(page.totalCount).toBe(disabled.totalCount);
    if (page.pageInfo.hasNextPage) {
      const next = (await server.admin.Hooks({ first: 100, enabled: false, after: page.pageInfo.endCursor })).hooks;
      expect(next.nodes.every((hook) => !hook.enabled)).toBe(true);
      expect([...page.nodes, ...next.nodes].map((hook) => hook.id)).toEqual(disabled.nodes.map((hook) => hook.id));
    }
  });
});
