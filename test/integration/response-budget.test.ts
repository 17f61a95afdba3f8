import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config';
import { DATABASE_KINDS } from '../support/databases';
import { codesOf, postRaw } from '../support/raw';
import { LARGE_PAYLOAD, useServerWithLargeEvents } from '../support/large-events';

/** The default HOOKWIRE_MAX_RESPONSE_PAYLOAD_BYTES: 16 such payloads fit, the 17th does not. */
const BUDGET = loadConfig({}).maxResponsePayloadBytes;
const FITTING = Math.floor(BUDGET / JSON.stringify(LARGE_PAYLOAD).length);
const EVENTS = FITTING + 4;

describe.each(DATABASE_KINDS)('the budget of large text per answer on %s', (kind) => {
  const large = useServerWithLargeEvents(kind, EVENTS);

  it('answers a page of payloads past the budget over HTTP with RESPONSE_TOO_LARGE, naming the budget', async () => {
    const response = await postRaw(large.server.app.url, { query: `{ events(first: ${EVENTS}) { nodes { id payload } } }` }, { apiKey: large.readKey });
    const codes = codesOf(response);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['RESPONSE_TOO_LARGE']));
    const errors = response.json!.errors as unknown as Array<{ message: string; extensions: { limit: number } }>;
    expect(errors[0]!.extensions.limit).toBe(BUDGET);
    expect(errors[0]!.message).toContain(String(BUDGET));
    // `payload` is non-null: the page it is on is null rather than partly filled.
    expect(response.json!.data).toBeNull();
  });

  it('reads only the payloads that fit the budget of a page past it', async () => {
    // Calls through: records which payload texts the page reads.
    const texts = vi.spyOn(large.server.app.services.events, 'payloadTextsOf');
    try {
      const response = await postRaw(large.server.app.url, { query: `{ events(first: ${EVENTS}) { nodes { id payload } } }` }, { apiKey: large.readKey });
      expect(new Set(codesOf(response))).toEqual(new Set(['RESPONSE_TOO_LARGE']));
      const read = texts.mock.calls.flatMap(([ids]) => ids);
      expect(read).toHaveLength(FITTING);
    } finally {
      texts.mockRestore();
    }
  });

  it('answers the same page over graphql-ws with RESPONSE_TOO_LARGE', async () => {
    const errors = await new Promise<Array<{ extensions: { code: string } }>>((resolve, reject) => {
      large.reader.ws.subscribe(
        { query: `{ events(first: ${EVENTS}) { nodes { payload } } }` },
        { next: (result) => resolve((result.errors ?? []) as unknown as Array<{ extensions: { code: string } }>), error: reject, complete: () => undefined },
      );
    });
    expect(new Set(errors.map((error) => error.extensions.code))).toEqual(new Set(['RESPONSE_TOO_LARGE']));
  });

  it('answers a page within the budget intact, and each request has a budget of its own', async () => {
    for (let round = 0; round < 2; round++) {
      const { events } = await large.reader.Events({ first: FITTING });
      expect(events.nodes).toHaveLength(FITTING);
      expect(events.nodes.every((node) => node.payload.data === LARGE_PAYLOAD.data)).toBe(true);
    }
    const { event } = await large.reader.Event({ id: (await large.reader.Events({ first: 1 })).events.nodes[0]!.id });
    expect(event.payload).toEqual(LARGE_PAYLOAD);
  });
});
