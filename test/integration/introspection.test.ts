import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DATABASE_KINDS } from '../support/databases';
import { codesOf, postRaw } from '../support/raw';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';

const SCHEMA_QUERY = { query: '{ __schema { queryType { name } types { name } } }' };
const TYPE_QUERY = { query: '{ __type(name: "Hook") { name fields { name } } }' };
// Introspection hidden in a fragment and behind an alias is still introspection.
const HIDDEN_QUERY = { query: 'query Q { ...F } fragment F on Query { s: __schema { types { name } } }' };

describe.each(DATABASE_KINDS)('introspection on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses __schema and __type without a valid key (UNAUTHENTICATED, 401)', async () => {
    for (const apiKey of [undefined, 'hwk_not-a-key-this-server-issued']) {
      for (const body of [SCHEMA_QUERY, TYPE_QUERY, HIDDEN_QUERY]) {
        const response = await postRaw(server.app.url, body, { apiKey });
        expect(codesOf(response), `${apiKey ?? 'no key'}: ${body.query}`).toEqual(['UNAUTHENTICATED']);
        expect(response.status).toBe(401);
        expect(response.json?.data).toBeUndefined();
        expect(response.text).not.toContain('Hook');
      }
    }
  });

  it('answers introspection to any valid key, whatever its scope', async () => {
    const { createApiKey } = await server.admin.CreateApiKey({ input: { name: 'emit only', scopes: ['EMIT'] } });
    for (const apiKey of [ADMIN_KEY, createApiKey.key]) {
      const schema = await postRaw(server.app.url, SCHEMA_QUERY, { apiKey });
      expect(schema.status).toBe(200);
      expect((schema.json?.data?.__schema as { types: Array<{ name: string }> }).types.map((type) => type.name)).toContain('Hook');
      const type = await postRaw(server.app.url, TYPE_QUERY, { apiKey });
      expect((type.json?.data?.__type as { name: string }).name).toBe('Hook');
    }
  });

  it('keeps __typename harmless: it needs no key and reveals nothing but the root type', async () => {
    const response = await postRaw(server.app.url, { query: '{ __typename }' });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: { __typename: 'Query' } });
  });

  it('suggests no field names in validation errors, over HTTP (without a key) or WebSocket', async () => {
    const http = await postRaw(server.app.url, { query: '{ hook(id: "x") { signingKe retiredSigningKey } }' });
    expect(codesOf(http)).toEqual(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
    expect(http.text).toContain('Cannot query field \\"signingKe\\" on type \\"Hook\\".');
    expect(http.text).not.toContain('Did you mean');
    expect(http.text).not.toContain('signingKey');

    const client = createClient({
      url: server.app.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${ADMIN_KEY}` },
      retryAttempts: 0,
    });
    try {
      const errors = await new Promise<unknown>((resolve, reject) =>
        client.subscribe({ query: 'subscription { events { payloa } }' }, { next: () => reject(new Error('it was executed')), error: resolve, complete: () => reject(new Error('it completed')) }),
      );
      const messages = (errors as Array<{ message: string }>).map((error) => error.message);
      expect(messages).toEqual(['Cannot query field "payloa" on type "Event".']);
    } finally {
      await client.dispose();
    }
  });
});
