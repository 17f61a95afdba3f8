import { describe, expect, it } from 'vitest';
import { MAX_QUERY_COST } from '../../src/server/query-cost';
import { DATABASE_KINDS } from '../support/databases';
import { codesOf, postRaw } from '../support/raw';
import { LARGE_PAYLOAD, useServerWithLargeEvents } from '../support/large-events';

/** 100 events whose payloads come close to the default limit of 256 KiB. */
const EVENTS = 100;

/** The attack of the review: ten pages of 100 payloads behind aliases (a 248 MB answer before). */
const ALIASED_PAYLOADS = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: events(first: 100) { nodes { payload } }`).join(' ')} }`;

describe.each(DATABASE_KINDS)('the cost of large fields on %s', (kind) => {
  const large = useServerWithLargeEvents(kind, EVENTS);

  it('refuses ten aliased pages of 250 KB payloads over HTTP with QUERY_TOO_COSTLY, before reading any', async () => {
    const response = await postRaw(large.server.app.url, { query: ALIASED_PAYLOADS }, { apiKey: large.readKey });
    expect(response.status).toBe(400);
    expect(codesOf(response)).toEqual(['QUERY_TOO_COSTLY']);
    const { cost, limit } = (response.json!.errors as unknown as Array<{ extensions: { cost: number; limit: number } }>)[0]!.extensions;
    expect(limit).toBe(MAX_QUERY_COST);
    expect(cost).toBeGreaterThan(10 * EVENTS * 250);
    expect(response.json!.data).toBeUndefined();
    // The same page once is what the SDK's Events reads: answered, every payload whole.
    const { events } = await large.reader.Events({ first: 10, types: ['User.Created'] });
    expect(events.nodes).toHaveLength(10);
    expect(events.nodes.every((node) => node.payload.data === LARGE_PAYLOAD.data)).toBe(true);
  });

  it('refuses a subscription to every request body of each live event over WebSocket', async () => {
    const query = 'subscription { events(types: ["User.Deleted"]) { deliveries(first: 100) { nodes { attempts { request { body } } } } } }';
    let settled = false;
    const refusal = new Promise<unknown>((resolve, reject) => {
      large.reader.ws.subscribe({ query }, { next: () => reject(new Error('it was accepted')), error: resolve, complete: () => reject(new Error('it completed')) });
    }).finally(() => (settled = true));
    // Accepted, it would see one of these: the refusal must come first.
    while (!settled) await large.server.emit('User.Deleted', {});
    expect(((await refusal) as Array<{ extensions: { code: string } }>).map((error) => error.extensions.code)).toEqual(['QUERY_TOO_COSTLY']);
  });
});
