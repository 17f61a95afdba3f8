import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HookwireClient } from '../../src/sdk';
import { DATABASE_KINDS } from '../support/databases';
import { codesOf, postRaw, type RawResponse } from '../support/raw';
import { startReceiver, type Receiver } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
import { eventually } from '../support/wait';

/** A small budget, so a page of a few bodies passes it: 64 KiB. */
const BUDGET = 64 * 1024;
/** Each body sent is ~20 KB of payload in its envelope; non-ASCII, so bytes and characters differ. */
const PAYLOAD = { data: 'x'.repeat(10_000) + 'é'.repeat(5_000) };
/** Each stored answer: 2,000 bytes of 1,000 characters. */
const ANSWER = 'ü'.repeat(1_000);
const EVENTS = 6;
const TENANT = 'acme-tenant-42';

const attemptsQuery = (hookId: string, first: number, attemptFields: string) =>
  `{ hook(id: "${hookId}") { deliveries(first: ${first}) { nodes { id attempts { ${attemptFields} } } } } }`;

interface Statement {
  sql: string;
  bindings: unknown[];
}

describe.each(DATABASE_KINDS)('the bodies of attempts on %s', (kind) => {
  let server: TestServer;
  let receiver: Receiver;
  let reader: HookwireClient;
  let readKey: string;
  let hookId: string;

  /** Posts `query` with the READ key and records every statement the ORM's connection runs meanwhile. */
  async function observed(query: string): Promise<{ response: RawResponse; statements: Statement[] }> {
    const knex = (server.app.orm.em.getConnection() as AbstractSqlConnection).getKnex();
    const statements: Statement[] = [];
    const record = (statement: { sql: string; bindings?: unknown[] }) => statements.push({ sql: statement.sql, bindings: statement.bindings ?? [] });
    knex.on('query', record);
    try {
      return { response: await postRaw(server.app.url, { query }, { apiKey: readKey }), statements };
    } finally {
      knex.off('query', record);
    }
  }
  /** The statements that read an attempt's body: naming its column, or every column (`d0.*`, `*`). */
  const readingBodies = (statements: Statement[]) =>
    statements.filter((statement) => /request_body|response_body/i.test(statement.sql) || (/delivery_attempts/.test(statement.sql) && /(^|[\s,.])\*/.test(statement.sql)));

  beforeAll(async () => {
    server = await startTestServer(kind, { HOOKWIRE_MAX_RESPONSE_PAYLOAD_BYTES: String(BUDGET) });
    receiver = await startReceiver();
    receiver.reply(() => ({ status: 200, body: ANSWER }));
    hookId = (await server.createHook(receiver.url, ['User.Created'], { headers: [{ name: 'X-Tenant', value: TENANT }] })).id;
    for (let i = 0; i < EVENTS; i++) await server.emit('User.Created', PAYLOAD);
    await receiver.waitFor(EVENTS);
    await eventually(async () => (await server.deliveriesOf(hookId)).every((delivery) => delivery.attemptCount === 1));
    readKey = (await server.admin.CreateApiKey({ input: { name: 'reader', scopes: ['READ'] } })).createApiKey.key;
    reader = server.client(readKey);
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    await server?.close();
  });

  it('reads no body for a page of attempts that asks for neither', async () => {
    const { response, statements } = await observed(attemptsQuery(hookId, EVENTS, 'id number request { url headers { name value } } responseStatus'));
    expect(response.json?.errors).toBeUndefined();
    expect(statements.filter((statement) => /delivery_attempts/.test(statement.sql))).toHaveLength(1);
    expect(readingBodies(statements)).toEqual([]);
    const data = response.json!.data as unknown as { hook: { deliveries: { nodes: Array<{ attempts: Array<{ request: { headers: Array<{ name: string; value: string }> } }> }> } } };
    const headers = data.hook.deliveries.nodes.flatMap((delivery) => delivery.attempts.flatMap((attempt) => attempt.request.headers));
    // Headers stay in the row, and a READ key still sees custom ones masked.
    expect(headers).toContainEqual({ name: 'x-tenant', value: '[redacted]' });
    expect(JSON.stringify(data)).not.toContain(TENANT);
  });

  it('answers a page whose bodies fit the budget with the exact bodies, in one statement per text', async () => {
    const { response, statements } = await observed(attemptsQuery(hookId, 2, 'id request { body } responseBody'));
    expect(response.json?.errors).toBeUndefined();
    const data = response.json!.data as unknown as { hook: { deliveries: { nodes: Array<{ attempts: Array<{ request: { body: string }; responseBody: string }> }> } } };
    const attempts = data.hook.deliveries.nodes.flatMap((delivery) => delivery.attempts);
    expect(attempts).toHaveLength(2);
    const sent = new Set(receiver.requests.map((request) => request.body));
    for (const attempt of attempts) {
      expect(sent.has(attempt.request.body)).toBe(true);
      expect(JSON.parse(attempt.request.body).data).toBe(PAYLOAD.data);
      expect(attempt.responseBody).toBe(ANSWER);
    }
    // Their sizes, then the bodies sent, then the answers.
    expect(readingBodies(statements)).toHaveLength(3);
  });

  it('answers a page whose bodies pass the budget with RESPONSE_TOO_LARGE, having read only what fit', async () => {
    const { response, statements } = await observed(attemptsQuery(hookId, EVENTS, 'id request { body }'));
    expect(new Set(codesOf(response))).toEqual(new Set(['RESPONSE_TOO_LARGE']));
    const bodyReads = readingBodies(statements).filter((statement) => !/length/i.test(statement.sql));
    expect(bodyReads).toHaveLength(1);
    const bodyBytes = Buffer.byteLength(receiver.requests[0]!.body, 'utf8');
    // The ids of the bodies read (bound, or inlined as the ORM does): those that fit the budget, none past it.
    const idsRead = new Set([...bodyReads[0]!.sql.matchAll(/att_\w+/g)].map((match) => match[0]));
    for (const binding of bodyReads[0]!.bindings) if (typeof binding === 'string' && binding.startsWith('att_')) idsRead.add(binding);
    expect(idsRead.size).toBe(Math.floor(BUDGET / bodyBytes));
    expect(idsRead.size).toBeLessThan(EVENTS);
  });

  it("still answers the SDK's Delivery with every field of its attempts", async () => {
    const [first] = await server.deliveriesOf(hookId);
    const { delivery } = await reader.Delivery({ id: first!.id });
    expect(delivery.attempts).toHaveLength(1);
    const [attempt] = delivery.attempts;
    expect(attempt!.responseBody).toBe(ANSWER);
    expect(JSON.parse(attempt!.request.body).data).toBe(PAYLOAD.data);
    expect(attempt!.request.headers).toContainEqual({ name: 'x-tenant', value: '[redacted]' });
    const admin = (await server.admin.Delivery({ id: first!.id })).delivery.attempts[0]!;
    expect(admin.request.headers).toContainEqual({ name: 'x-tenant', value: TENANT });
    expect(admin.request.body).toBe(attempt!.request.body);
  });
});
