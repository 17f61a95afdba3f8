import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createHookwireClient, type HookwireClient } from '../../src/sdk';
import { createTestDatabase, DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/server';
import { expectCode } from '../support/wait';

describe.each(DATABASE_KINDS)('API keys on %s', (kind) => {
  let server: TestServer;
  let hookId: string;
  let eventId: string;
  let keyId: string;
  let admin: HookwireClient;
  let emitter: HookwireClient;
  let reader: HookwireClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    hookId = (await server.admin.CreateHook({ input: { name: 'h', events: ['*'], url: 'https://example.com' } })).createHook.id;
    eventId = (await server.admin.EmitEvent({ input: { event: 'User.Created', payload: {} } })).emitEvent.id;
    const make = async (name: string, scopes: Array<'ADMIN' | 'EMIT' | 'READ'>) => {
      const { createApiKey } = await server.admin.CreateApiKey({ input: { name, scopes } });
      return createApiKey;
    };
    admin = server.client((await make('second admin', ['ADMIN'])).key);
    emitter = server.client((await make('emitter', ['EMIT'])).key);
    const readKey = await make('reader', ['READ']);
    keyId = readKey.apiKey.id;
    reader = server.client(readKey.key);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates a key, shown once, that works at once', async () => {
    const { createApiKey } = await server.admin.CreateApiKey({ input: { name: '  ci emitter  ', scopes: ['EMIT', 'READ', 'EMIT'] } });
    expect(createApiKey.key).toMatch(/^hwk_[A-Za-z0-9_-]{43}$/);
    expect(createApiKey.apiKey).toEqual({
      id: expect.stringMatching(/^key_[0-9A-Z]{26}$/),
      name: 'ci emitter',
      scopes: ['EMIT', 'READ'],
      createdAt: expect.any(String),
      revokedAt: null,
    });
    const client = server.client(createApiKey.key);
    const { emitEvent } = await client.EmitEvent({ input: { event: 'PostSignIn', payload: {} } });
    expect((await client.Event({ id: emitEvent.id })).event.id).toBe(emitEvent.id);

    const listed = (await server.admin.ApiKeys({ first: 100 })).apiKeys;
    expect(listed.nodes).toContainEqual(createApiKey.apiKey);
    expect(JSON.stringify(listed)).not.toContain(createApiKey.key);

    const again = (await server.admin.CreateApiKey({ input: { name: 'ci emitter', scopes: ['EMIT'] } })).createApiKey;
    expect(again.key).not.toBe(createApiKey.key);
  });

  it('stores only a hash of each key', async () => {
    const { createApiKey } = await server.admin.CreateApiKey({ input: { name: 'hashed', scopes: ['READ'] } });
    const rows: Array<Record<string, unknown>> = await server.app.orm.em.getConnection().execute('select * from api_keys');
    const row = rows.find((candidate) => candidate.id === createApiKey.apiKey.id);
    expect(row).toBeDefined();
    expect(row?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.key_hash).not.toBe(createApiKey.key);
    const secretPart = createApiKey.key.slice('hwk_'.length);
    for (const stored of rows) {
      for (const value of Object.values(stored)) {
        expect(String(value)).not.toContain(secretPart);
      }
    }
  });

  it('lets ADMIN keys do everything', async () => {
    for (const client of [server.admin, admin]) {
      expect((await client.Hooks()).hooks.totalCount).toBeGreaterThan(0);
      expect((await client.HookSigningKey({ id: hookId })).hook.signingKey).toMatch(/^whsec_/);
      expect((await client.Event({ id: eventId })).event.id).toBe(eventId);
      expect((await client.EventTypes()).eventTypes.length).toBeGreaterThanOrEqual(29);
      expect((await client.ApiKeys()).apiKeys.totalCount).toBeGreaterThan(0);
      await client.EmitEvent({ input: { event: 'PostRegister', payload: {} } });
      const { createHook } = await client.CreateHook({ input: { name: 'x', events: ['*'], url: 'https://example.com' } });
      await client.UpdateHook({ id: createHook.id, input: { name: 'y' } });
      await client.RegenerateSigningKey({ id: createHook.id });
      await client.DeleteHook({ id: createHook.id });
    }
    await admin.CreateEventType({ input: { name: 'Admin.Made' } });
    const { createApiKey } = await admin.CreateApiKey({ input: { name: 'made by a stored admin key', scopes: ['READ'] } });
    expect((await admin.RevokeApiKey({ id: createApiKey.apiKey.id })).revokeApiKey.revokedAt).not.toBeNull();
  });

  it('tells every valid key, EMIT included, its own name and scopes in viewer; no key is UNAUTHENTICATED', async () => {
    expect((await server.admin.Viewer()).viewer).toEqual({ keyId: 'env', name: expect.any(String), scopes: ['ADMIN'] });
    expect((await emitter.Viewer()).viewer).toMatchObject({ name: 'emitter', scopes: ['EMIT'] });
    expect((await reader.Viewer()).viewer).toEqual({ keyId, name: 'reader', scopes: ['READ'] });
    await expectCode(server.client().Viewer(), 'UNAUTHENTICATED');
    await expectCode(server.client('not-a-key').Viewer(), 'UNAUTHENTICATED');
  });

  it('lets EMIT keys only emit', async () => {
    const { emitEvent } = await emitter.EmitEvent({ input: { event: 'User.Deleted', payload: { userId: 'u1' } } });
    expect(emitEvent.id).toMatch(/^evt_/);
    const hooksBefore = (await server.admin.Hooks({ first: 100 })).hooks.totalCount;
    await expectCode(emitter.Hooks(), 'FORBIDDEN');
    await expectCode(emitter.Hook({ id: hookId }), 'FORBIDDEN');
    await expectCode(emitter.Event({ id: emitEvent.id }), 'FORBIDDEN');
    await expectCode(emitter.Events(), 'FORBIDDEN');
    await expectCode(emitter.EventTypes(), 'FORBIDDEN');
    await expectCode(emitter.ApiKeys(), 'FORBIDDEN');
    await expectCode(emitter.CreateHook({ input: { name: 'x', events: ['*'], url: 'https://example.com' } }), 'FORBIDDEN');
    await expectCode(emitter.UpdateHook({ id: hookId, input: { name: 'hijacked' } }), 'FORBIDDEN');
    await expectCode(emitter.DeleteHook({ id: hookId }), 'FORBIDDEN');
    await expectCode(emitter.CreateEventType({ input: { name: 'Emitter.Made' } }), 'FORBIDDEN');
    await expectCode(emitter.CreateApiKey({ input: { name: 'escalate', scopes: ['ADMIN'] } }), 'FORBIDDEN');
    expect((await server.admin.Hooks({ first: 100 })).hooks.totalCount).toBe(hooksBefore);
    expect((await server.admin.Hook({ id: hookId })).hook.name).toBe('h');
  });

  it('lets READ keys query but not change anything or emit', async () => {
    expect((await reader.Hooks()).hooks.nodes.map((hook) => hook.id)).toContain(hookId);
    expect((await reader.Hook({ id: hookId })).hook.id).toBe(hookId);
    expect((await reader.Event({ id: eventId })).event.id).toBe(eventId);
    expect((await reader.Events()).events.totalCount).toBeGreaterThan(0);
    expect((await reader.EventTypes()).eventTypes.length).toBeGreaterThanOrEqual(29);

    const before = {
      hooks: (await server.admin.Hooks({ first: 100 })).hooks.totalCount,
      events: (await server.admin.Events({ first: 1 })).events.totalCount,
      keys: (await server.admin.ApiKeys({ first: 1 })).apiKeys.totalCount,
    };
    await expectCode(reader.EmitEvent({ input: { event: 'User.Created', payload: {} } }), 'FORBIDDEN');
    await expectCode(reader.CreateHook({ input: { name: 'x', events: ['*'], url: 'https://example.com' } }), 'FORBIDDEN');
    await expectCode(reader.UpdateHook({ id: hookId, input: { enabled: false } }), 'FORBIDDEN');
    await expectCode(reader.DeleteHook({ id: hookId }), 'FORBIDDEN');
    await expectCode(reader.RegenerateSigningKey({ id: hookId }), 'FORBIDDEN');
    await expectCode(reader.CreateEventType({ input: { name: 'Reader.Made' } }), 'FORBIDDEN');
    await expectCode(reader.CreateApiKey({ input: { name: 'escalate', scopes: ['ADMIN'] } }), 'FORBIDDEN');
    await expectCode(reader.RevokeApiKey({ id: keyId }), 'FORBIDDEN');
    await expectCode(reader.ApiKeys(), 'FORBIDDEN');
    expect({
      hooks: (await server.admin.Hooks({ first: 100 })).hooks.totalCount,
      events: (await server.admin.Events({ first: 1 })).events.totalCount,
      keys: (await server.admin.ApiKeys({ first: 1 })).apiKeys.totalCount,
    }).toEqual(before);
    expect((await server.admin.Hook({ id: hookId })).hook.enabled).toBe(true);
    expect((await reader.Events()).events.totalCount).toBe(before.events);
  });

  it('shows the signing key to ADMIN keys only', async () => {
    const error = await expectCode(reader.HookSigningKey({ id: hookId }), 'FORBIDDEN');
    expect(JSON.stringify(error)).not.toMatch(/whsec_/);
    await expectCode(reader.CreateHook({ input: { name: 'x', events: ['*'], url: 'https://example.com' } }), 'FORBIDDEN');
    expect((await server.admin.HookSigningKey({ id: hookId })).hook.signingKey).toMatch(/^whsec_/);
  });

  it('rejects requests without a key or with an unknown key (UNAUTHENTICATED)', async () => {
    for (const client of [server.client(), server.client('hwk_unknown-key-0000000000000000000000000000000')]) {
      await expectCode(client.Hooks(), 'UNAUTHENTICATED');
      await expectCode(client.Event({ id: eventId }), 'UNAUTHENTICATED');
      await expectCode(client.EventTypes(), 'UNAUTHENTICATED');
      await expectCode(client.EmitEvent({ input: { event: 'User.Created', payload: {} } }), 'UNAUTHENTICATED');
      await expectCode(client.CreateHook({ input: { name: 'x', events: ['*'], url: 'https://example.com' } }), 'UNAUTHENTICATED');
      await expectCode(client.CreateApiKey({ input: { name: 'x', scopes: ['ADMIN'] } }), 'UNAUTHENTICATED');
    }
  });

  it('revokes a key: it returns the key with revokedAt, and the key stops working', async () => {
    const { createApiKey } = await server.admin.CreateApiKey({ input: { name: 'to revoke', scopes: ['ADMIN'] } });
    const doomed = server.client(createApiKey.key);
    await doomed.Hooks();
    const { revokeApiKey } = await server.admin.RevokeApiKey({ id: createApiKey.apiKey.id });
    expect(revokeApiKey).toEqual({ ...createApiKey.apiKey, revokedAt: expect.any(String) });
    expect(Date.parse(revokeApiKey.revokedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(createApiKey.apiKey.createdAt));
    await expectCode(doomed.Hooks(), 'UNAUTHENTICATED');
    await expectCode(doomed.EmitEvent({ input: { event: 'User.Created', payload: {} } }), 'UNAUTHENTICATED');
    const listed = (await server.admin.ApiKeys({ first: 100 })).apiKeys.nodes.find((key) => key.id === createApiKey.apiKey.id);
    expect(listed).toEqual(revokeApiKey);
    // Revoking again keeps the first revocation time.
    expect((await server.admin.RevokeApiKey({ id: createApiKey.apiKey.id })).revokeApiKey).toEqual(revokeApiKey);
  });
});

describe.each(DATABASE_KINDS)('the generated admin key on %s', (kind) => {
  it('is generated on the first start of an empty database without HOOKWIRE_ADMIN_KEY, and only then', async () => {
    const db = await createTestDatabase(kind);
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      HOOKWIRE_ADMIN_KEY: '',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      HOOKWIRE_SHUTDOWN_GRACE: '1s',
    });
    const start = () => startApp(config, { logger: createLogger(config.logLevel) });
    try {
      const first = await start();
      let key: string;
      try {
        expect(first.generatedAdminKey).toMatch(/^hwk_/);
        key = first.generatedAdminKey as string;
        const client = createHookwireClient({ url: first.url, apiKey: key });
        try {
          const { apiKeys } = await client.ApiKeys();
          expect(apiKeys.nodes).toEqual([expect.objectContaining({ scopes: ['ADMIN'], revokedAt: null })]);
          await client.CreateHook({ input: { name: 'x', events: ['*'], url: 'https://example.com' } });
          await client.CreateApiKey({ input: { name: 'reader', scopes: ['READ'] } });
        } finally {
          await client.close();
        }
      } finally {
        await first.close();
      }

      const second = await start();
      try {
        expect(second.generatedAdminKey).toBeUndefined();
        const client = createHookwireClient({ url: second.url, apiKey: key });
        try {
          expect((await client.ApiKeys()).apiKeys.totalCount).toBe(2);
          expect((await client.Hooks()).hooks.totalCount).toBe(1);
        } finally {
          await client.close();
        }
      } finally {
        await second.close();
      }
    } finally {
      await db.drop();
    }
  });

  it('is not generated when HOOKWIRE_ADMIN_KEY is set', async () => {
    const server = await startTestServer(kind);
    try {
      expect(server.app.generatedAdminKey).toBeUndefined();
      expect((await server.admin.ApiKeys()).apiKeys.totalCount).toBe(0);
    } finally {
      await server.close();
    }
  });
});
