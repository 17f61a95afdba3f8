import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreateHookInput } from '../../src/sdk';
import { MAX_ALIASES, MAX_QUERY_DEPTH } from '../../src/server/limits';
import { DATABASE_KINDS } from '../support/databases';
import { codesOf, postRaw, type RawResponse } from '../support/raw';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';
import { expectCode } from '../support/wait';

const MAX_PAYLOAD_BYTES = 1024;
// Every list and the target hook, whole, so that any write shows as a difference.
const STORED = `query ($id: ID!) {
  hooks(first: 100) { totalCount nodes { id name events url headers { name value } enabled updatedAt signingKey } }
  events(first: 100) { totalCount nodes { id event payload idempotencyKey createdAt } }
  eventTypes { name group description }
  apiKeys(first: 100) { totalCount nodes { id name scopes revokedAt } }
  hook(id: $id) { id name events url headers { name value } enabled createdAt updatedAt disabledAt disabledReason signingKey }
}`;
const MISSING = ['hook_01J00000000000000000000000', 'evt_01J00000000000000000000000', ''];

describe.each(DATABASE_KINDS)('bad input on %s', (kind) => {
  let server: TestServer;
  let hookId: string;
  let hookBefore: unknown;

  beforeAll(async () => {
    server = await startTestServer(kind, { HOOKWIRE_MAX_PAYLOAD_BYTES: '1KiB' });
    const { createHook } = await server.admin.CreateHook({
      // An event type no test emits: no delivery may change the hook while we compare it.
      input: { name: 'target', events: ['PostResetPassword'], url: 'https://example.com/x', headers: [{ name: 'X-A', value: '1' }] },
    });
    hookId = createHook.id;
    hookBefore = (await stored()).hook;
    await server.admin.EmitEvent({ input: { event: 'User.Created', payload: { userId: 'u0' } } });
  });
  afterAll(async () => {
    await server?.close();
  });

  // The state after the last rejected request: the next one must leave it the same. Each test
  // makes its good requests after its bad ones, so a fresh read per test suffices.
  let snapshot: Awaited<ReturnType<typeof stored>> | undefined;
  beforeEach(() => {
    snapshot = undefined;
  });

  /** Everything a bad request could have written, read through the API in one request. */
  async function stored() {
    const response = await postRaw(server.app.url, { query: STORED, variables: { id: hookId } }, { apiKey: ADMIN_KEY });
    expect(response.json?.errors).toBeUndefined();
    return response.json?.data as { hook: unknown } & Record<string, unknown>;
  }

  /**
   * Runs `bad`, which must fail with `code`, and then checks that nothing was stored and that
   * the server still answers a good request (the reads in `stored` are that request).
   */
  async function rejects(label: string, bad: () => Promise<unknown>, code: string): Promise<void> {
    const before = (snapshot ??= await stored());
    try {
      await expectCode(bad(), code);
    } catch (error) {
      throw new Error(`${label}: ${(error as Error).message}`);
    }
    snapshot = await stored();
    expect(snapshot, label).toEqual(before);
    expect(snapshot.hook, label).toEqual(hookBefore);
  }

  const hook = (overrides: Partial<CreateHookInput>): CreateHookInput => ({ name: 'n', events: ['User.Created'], url: 'https://example.com', ...overrides });
  /** The same bad field, sent to createHook and to updateHook. */
  async function rejectsHookField(label: string, overrides: Partial<CreateHookInput>, code = 'BAD_USER_INPUT'): Promise<void> {
    await rejects(`createHook ${label}`, () => server.admin.CreateHook({ input: hook(overrides) }), code);
    await rejects(`updateHook ${label}`, () => server.admin.UpdateHook({ id: hookId, input: overrides }), code);
  }

  /** A raw request's errors as thrown errors, so `rejects` can check them like SDK calls. */
  async function raw(body: string | object, options: { apiKey?: string } = { apiKey: ADMIN_KEY }): Promise<RawResponse> {
    const response = await postRaw(server.app.url, body, options);
    if (response.json?.errors?.length) {
      throw Object.assign(new Error(response.text), { codes: codesOf(response), response });
    }
    return response;
  }

  it('rejects URLs that are not http(s) or do not parse', async () => {
    for (const url of ['ftp://example.com/x', 'javascript:alert(1)', 'file:///etc/passwd', 'ws://example.com', 'not a url', '//example.com/x', 'example.com', 'http://', '']) {
      await rejectsHookField(`url ${JSON.stringify(url)}`, { url });
    }
    // Credentials belong in a header, and a URL has a sane length.
    await rejectsHookField('url with credentials', { url: 'https://user:secret@example.com/x' });
    await rejectsHookField('url over 2048 characters', { url: `https://example.com/${'x'.repeat(2048)}` });
    // The limit applies to the URL as stored: 2,020 characters in, 12,020 once percent-encoded.
    await rejectsHookField('url over 2048 characters once normalised', { url: `https://example.com/${'é'.repeat(2000)}` });
    const { createHook } = await server.admin.CreateHook({ input: hook({ url: `https://example.com/${'é'.repeat(300)}` }) });
    expect(createHook.url).toBe(`https://example.com/${'%C3%A9'.repeat(300)}`);
    await server.admin.DeleteHook({ id: createHook.id });
  });

  it('rejects names that are empty or over 256 characters', async () => {
    for (const name of ['', '   ', 'x'.repeat(257)]) await rejectsHookField(`name of ${name.length}`, { name });
    // 256 is allowed.
    const { createHook } = await server.admin.CreateHook({ input: hook({ name: 'x'.repeat(256) }) });
    expect(createHook.name).toHaveLength(256);
    await server.admin.DeleteHook({ id: createHook.id });
  });

  it('rejects event lists that are empty, name an unknown type, or hold a pattern matching nothing', async () => {
    for (const events of [[], ['User.Exploded'], ['User.Created', 'user.created'], ['Nothing.*'], ['User.Created', 'Nope.*'], ['User*'], ['User.**'], ['']]) {
      await rejectsHookField(`events ${JSON.stringify(events)}`, { events });
    }
  });

  it('rejects bad header names, values and duplicates', async () => {
    const cases: Array<[string, Array<{ name: string; value: string }>]> = [
      ['a name with a space', [{ name: 'X Tenant', value: 'a' }]],
      ['a name with a colon', [{ name: 'X:Tenant', value: 'a' }]],
      ['a non-ASCII name', [{ name: 'X-Ténant', value: 'a' }]],
      ['an empty name', [{ name: '', value: 'a' }]],
      ['a name with a control character', [{ name: 'X-A\u0000', value: 'a' }]],
      ['a value with a newline', [{ name: 'X-A', value: 'a\r\nInjected: yes' }]],
      ['a value with a tab', [{ name: 'X-A', value: 'a\tb' }]],
      ['a value with DEL', [{ name: 'X-A', value: 'a\u007f' }]],
      ['a non-ASCII value', [{ name: 'X-A', value: 'café' }]],
      ['the same name twice', [{ name: 'X-A', value: '1' }, { name: 'X-A', value: '2' }]],
      ['the same name in another case', [{ name: 'X-Tenant', value: '1' }, { name: 'x-tenant', value: '2' }]],
      // hookwire sets these itself: a hook may not forge or break the signature or the framing.
      ['a webhook-signature header', [{ name: 'Webhook-Signature', value: 'v1,forged' }]],
      ['a logto-signature-sha-256 header', [{ name: 'logto-signature-sha-256', value: 'forged' }]],
      ['a content-length header', [{ name: 'Content-Length', value: '1' }]],
      ['a content-type header', [{ name: 'Content-Type', value: 'text/plain' }]],
      ['a user-agent header', [{ name: 'USER-AGENT', value: 'not-hookwire' }]],
      ['a webhook-id header', [{ name: 'webhook-id', value: 'msg_forged' }]],
      ['a webhook-timestamp header', [{ name: 'Webhook-Timestamp', value: '1' }]],
      // On a plain object `headers['__proto__'] = v` sets the prototype: it would never be sent.
      ['a __proto__ header', [{ name: '__proto__', value: 'x' }]],
    ];
    for (const [label, headers] of cases) await rejectsHookField(label, { headers });
  });

  it('rejects payloads that are not JSON objects', async () => {
    const query = 'mutation ($input: EmitEventInput!) { emitEvent(input: $input) { id } }';
    for (const payload of [[1, 2], ['a'], [], 'a string', '{"a":1}', 42, true, null]) {
      await rejects(`payload ${JSON.stringify(payload)}`, () => raw({ query, variables: { input: { event: 'User.Created', payload } } }), 'BAD_USER_INPUT');
    }
    // Written into the document rather than a variable, it fails validation instead.
    await rejects(
      'an inline list payload',
      () => raw({ query: 'mutation { emitEvent(input: { event: "User.Created", payload: [1, 2] }) { id } }' }),
      'GRAPHQL_VALIDATION_FAILED',
    );
  });

  it('rejects payloads over HOOKWIRE_MAX_PAYLOAD_BYTES', async () => {
    const over = { data: 'x'.repeat(MAX_PAYLOAD_BYTES) };
    await rejects('a payload over the limit', () => server.admin.EmitEvent({ input: { event: 'User.Created', payload: over } }), 'BAD_USER_INPUT');
    const multibyte = { data: 'é'.repeat(MAX_PAYLOAD_BYTES / 2) }; // fewer characters than the limit, more bytes
    await rejects('a multibyte payload over the limit', () => server.admin.EmitEvent({ input: { event: 'User.Created', payload: multibyte } }), 'BAD_USER_INPUT');
    // Just under the limit is accepted.
    const under = { data: 'x'.repeat(MAX_PAYLOAD_BYTES - 100) };
    const { emitEvent } = await server.admin.EmitEvent({ input: { event: 'User.Created', payload: under } });
    expect(emitEvent.payload).toEqual(under);
  });

  it('rejects payloads using the reserved keys hookId, event and createdAt', async () => {
    for (const key of ['hookId', 'event', 'createdAt']) {
      await rejects(`payload key ${key}`, () => server.admin.EmitEvent({ input: { event: 'User.Created', payload: { userId: 'u', [key]: 'x' } } }), 'BAD_USER_INPUT');
    }
    // Nested, the same names are ordinary data.
    const { emitEvent } = await server.admin.EmitEvent({ input: { event: 'User.Created', payload: { data: { event: 'x', hookId: 'y', createdAt: 'z' } } } });
    expect(emitEvent.payload).toEqual({ data: { event: 'x', hookId: 'y', createdAt: 'z' } });
  });

  it('rejects events of unknown types and bad idempotency keys', async () => {
    for (const event of ['User.Exploded', '', 'User.*', '*']) {
      await rejects(`emit ${JSON.stringify(event)}`, () => server.admin.EmitEvent({ input: { event, payload: {} } }), 'BAD_USER_INPUT');
    }
    for (const idempotencyKey of ['', 'k'.repeat(257)]) {
      await rejects(`idempotency key of ${idempotencyKey.length}`, () => server.admin.EmitEvent({ input: { event: 'User.Created', payload: {}, idempotencyKey } }), 'BAD_USER_INPUT');
    }
  });

  it('rejects API keys without a name or a scope', async () => {
    for (const name of ['', '  ', 'k'.repeat(257)]) {
      await rejects(`key name of ${name.length}`, () => server.admin.CreateApiKey({ input: { name, scopes: ['READ'] } }), 'BAD_USER_INPUT');
    }
    await rejects('no scopes', () => server.admin.CreateApiKey({ input: { name: 'k', scopes: [] } }), 'BAD_USER_INPUT');
    const query = 'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }';
    await rejects('an unknown scope', () => raw({ query, variables: { input: { name: 'k', scopes: ['ROOT'] } } }), 'BAD_USER_INPUT');
  });

  it('rejects strings no database can store: NUL characters and unpaired surrogates', async () => {
    for (const bad of ['a\u0000b', '\udc00']) {
      const label = JSON.stringify(bad);
      await rejects(`payload value ${label}`, () => server.admin.EmitEvent({ input: { event: 'User.Created', payload: { user: { name: bad } } } }), 'BAD_USER_INPUT');
      await rejects(`payload key ${label}`, () => server.admin.EmitEvent({ input: { event: 'User.Created', payload: { [bad]: 1 } } }), 'BAD_USER_INPUT');
      await rejects(`idempotency key ${label}`, () => server.admin.EmitEvent({ input: { event: 'User.Created', payload: {}, idempotencyKey: bad } }), 'BAD_USER_INPUT');
      await rejectsHookField(`name ${label}`, { name: bad });
      await rejects(`event type description ${label}`, () => server.admin.CreateEventType({ input: { name: 'Nul.Test', description: bad } }), 'BAD_USER_INPUT');
      await rejects(`API key name ${label}`, () => server.admin.CreateApiKey({ input: { name: bad, scopes: ['READ'] } }), 'BAD_USER_INPUT');
      await rejects(`hook id ${label}`, () => server.admin.Hook({ id: bad }), 'BAD_USER_INPUT');
      await rejects(`event id ${label}`, () => server.admin.Event({ id: bad }), 'BAD_USER_INPUT');
      await rejects(`events types ${label}`, () => server.admin.Events({ types: [bad] }), 'BAD_USER_INPUT');
    }
    // Any other Unicode is data like the rest, and comes back as it went in.
    const payload = { emoji: '🚀😀', nested: { ключ: 'значение', 中文: ['字'] }, controls: 'tab\tnewline\n' };
    const { emitEvent } = await server.admin.EmitEvent({ input: { event: 'User.Created', payload, idempotencyKey: 'ключ-🚀' } });
    expect((await server.admin.Event({ id: emitEvent.id })).event).toMatchObject({ payload, idempotencyKey: 'ключ-🚀' });
    const { createHook } = await server.admin.CreateHook({ input: hook({ name: '🚀 Ünïcode hook' }) });
    expect((await server.admin.Hook({ id: createHook.id })).hook.name).toBe('🚀 Ünïcode hook');
    await server.admin.DeleteHook({ id: createHook.id });
  });

  it('answers NOT_FOUND for unknown ids', async () => {
    for (const id of MISSING) {
      await rejects(`hook ${id}`, () => server.admin.Hook({ id }), 'NOT_FOUND');
      await rejects(`updateHook ${id}`, () => server.admin.UpdateHook({ id, input: { name: 'x' } }), 'NOT_FOUND');
      await rejects(`deleteHook ${id}`, () => server.admin.DeleteHook({ id }), 'NOT_FOUND');
      await rejects(`regenerateSigningKey ${id}`, () => server.admin.RegenerateSigningKey({ id }), 'NOT_FOUND');
      await rejects(`event ${id}`, () => server.admin.Event({ id }), 'NOT_FOUND');
      await rejects(`delivery ${id}`, () => server.admin.Delivery({ id }), 'NOT_FOUND');
      await rejects(`revokeApiKey ${id}`, () => server.admin.RevokeApiKey({ id }), 'NOT_FOUND');
    }
  });

  it('rejects a malformed GraphQL document', async () => {
    for (const query of ['mutation { createHook(input: {', '{ hooks { nodes { id }', 'not graphql at all', '']) {
      await rejects(`document ${JSON.stringify(query)}`, () => raw({ query }), query === '' ? 'BAD_REQUEST' : 'GRAPHQL_PARSE_FAILED');
    }
    await rejects('an unknown field', () => raw({ query: '{ hooks { nodes { password } } }' }), 'GRAPHQL_VALIDATION_FAILED');
  });

  it(`rejects queries nested beyond ${MAX_QUERY_DEPTH} levels or with more than ${MAX_ALIASES} aliases`, async () => {
    // No valid hookwire query nests that deep, so the document also names unknown fields;
    // the depth rule must still report it.
    let selection = 'id';
    for (let i = 0; i < MAX_QUERY_DEPTH + 2; i++) selection = `nested { ${selection} }`;
    const deep = await postRaw(server.app.url, { query: `{ hooks { nodes { ${selection} } } }` }, { apiKey: ADMIN_KEY });
    expect(codesOf(deep).every((code) => code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
    expect(deep.json?.errors?.map((error) => error.message)).toContainEqual(expect.stringMatching(/nests \d+ levels deep/));
    expect(deep.json?.data).toBeUndefined();

    const aliases = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `a${i}: hooks(first: 100) { totalCount }`).join(' ');
    await rejects('too many aliases', () => raw({ query: `{ ${aliases} }` }), 'GRAPHQL_VALIDATION_FAILED');
    const nestedAliases = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `n${i}: id`).join(' ');
    await rejects('too many nested aliases', () => raw({ query: `{ hooks { nodes { ${nestedAliases} } } }` }), 'GRAPHQL_VALIDATION_FAILED');
    // At the limit, aliases are fine.
    const allowed = Array.from({ length: MAX_ALIASES }, (_, i) => `a${i}: hooks(first: 1) { totalCount }`).join(' ');
    const ok = await raw({ query: `{ ${allowed} }` });
    expect(Object.keys(ok.json?.data ?? {})).toHaveLength(MAX_ALIASES);
  });

  it('rejects page sizes outside 1..100 and cursors this API did not make', async () => {
    const { events } = await server.admin.Events({ first: 1 });
    const cursor = events.pageInfo.endCursor as string;
    const badCursors = ['nope', Buffer.from('hook_xyz').toString('base64url'), Buffer.from("evt_' or 1=1 --").toString('base64url'), '!!!'];
    for (const first of [0, -1, 101]) {
      await rejects(`hooks first ${first}`, () => server.admin.Hooks({ first }), 'BAD_USER_INPUT');
      await rejects(`events first ${first}`, () => server.admin.Events({ first }), 'BAD_USER_INPUT');
      await rejects(`apiKeys first ${first}`, () => server.admin.ApiKeys({ first }), 'BAD_USER_INPUT');
      await rejects(`deliveries first ${first}`, () => server.admin.HookDeliveries({ id: hookId, first }), 'BAD_USER_INPUT');
    }
    for (const after of badCursors) {
      await rejects(`hooks after ${after}`, () => server.admin.Hooks({ after }), 'BAD_USER_INPUT');
      await rejects(`events after ${after}`, () => server.admin.Events({ after }), 'BAD_USER_INPUT');
    }
    // Each names its argument, with the words the API has always used.
    const errorOf = async (query: string) => (await postRaw(server.app.url, { query }, { apiKey: ADMIN_KEY })).json?.errors?.[0];
    expect(await errorOf('{ hooks(first: 0) { totalCount } }')).toMatchObject({
      message: '`first` must be from 1 to 100',
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    expect(await errorOf('{ events(after: "nope") { totalCount } }')).toMatchObject({
      message: '`after` is not a cursor from this API',
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
    // The boundaries themselves and a real cursor are fine.
    await server.admin.Hooks({ first: 1 });
    await server.admin.Hooks({ first: 100 });
    await server.admin.Events({ first: 1, after: cursor });
  });

  it('answers a malformed JSON body with a JSON 400 and an oversized body with a JSON 413', async () => {
    const before = await stored();
    for (const body of ['{"query": "{ hooks { totalCount } }"', '{query: 1}', 'nonsense']) {
      const response = await postRaw(server.app.url, body, { apiKey: ADMIN_KEY });
      expect(response.status, body).toBe(400);
      expect(response.contentType, body).toMatch(/application\/json/);
      expect(codesOf(response), body).toEqual(['BAD_REQUEST']);
      expect(response.json?.errors?.[0].message, body).toMatch(/json/i);
    }
    const huge = JSON.stringify({ query: '{ hooks { totalCount } }', variables: { padding: 'x'.repeat(1024 * 1024) } });
    const tooLarge = await postRaw(server.app.url, huge, { apiKey: ADMIN_KEY });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.contentType).toMatch(/application\/json/);
    expect(codesOf(tooLarge)).toEqual(['PAYLOAD_TOO_LARGE']);
    // Without a key, a malformed body is still refused as malformed, not served.
    expect((await postRaw(server.app.url, '{', {})).status).toBe(400);
    expect(await stored()).toEqual(before);
  });
});
