import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_DEPTH } from '../../src/events/payload-validation';
import { createLogger } from '../../src/logger';
import { DATABASE_KINDS } from '../support/databases';
import { codesOf, postRaw } from '../support/raw';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';
import { expectCode } from '../support/wait';

const EMIT = 'mutation ($input: EmitEventInput!) { emitEvent(input: $input) { id } }';
const EMIT_MANY = 'mutation ($inputs: [EmitEventInput!]!) { emitEvents(inputs: $inputs) { id } }';

/** `depth` arrays and objects, alternating, around `leaf`. */
function nested(depth: number, leaf: unknown = 1): unknown {
  let value: unknown = leaf;
  for (let level = 0; level < depth; level++) value = level % 2 ? { a: value } : [value];
  return value;
}

describe.each(DATABASE_KINDS)('payload depth on %s', (kind) => {
  let server: TestServer;
  // Every line the server logs at warn and above: a bad input is no reason for either.
  const logged: Array<{ level: number; msg: string }> = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logged.push(JSON.parse(line));
        done();
      },
    });
    // The default payload limit (256 KiB): the deepest body below fits it.
    server = await startTestServer(kind, {}, { logger: createLogger('warn', sink) });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers a payload 100,000 arrays deep with BAD_USER_INPUT, in emitEvent and emitEvents, logging no error', async () => {
    const before = (await server.admin.Events({ first: 1 })).events.totalCount;
    // 200 KB of brackets, sent as text: JSON.stringify itself overflows the stack on such a value.
    const brackets = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const deep = `{"event":"User.Created","payload":{"deep":${brackets}}}`;
    const bodies = [
      `{"query":${JSON.stringify(EMIT)},"variables":{"input":${deep}}}`,
      `{"query":${JSON.stringify(EMIT_MANY)},"variables":{"inputs":[{"event":"User.Created","payload":{}},${deep}]}}`,
    ];
    for (const body of bodies) {
      const response = await postRaw(server.app.url, body, { apiKey: ADMIN_KEY });
      expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.json?.errors?.[0].message).toMatch(new RegExp(`deeper than ${MAX_PAYLOAD_DEPTH} levels`));
    }
    expect((await server.admin.Events({ first: 1 })).events.totalCount).toBe(before);
    expect(logged.filter((line) => line.level >= 40)).toEqual([]);
  });

  it(`accepts ${MAX_PAYLOAD_DEPTH} levels, counting the payload object as the first, and refuses one more`, async () => {
    const deepest = { deep: nested(MAX_PAYLOAD_DEPTH - 1) } as Record<string, unknown>;
    const tooDeep = { deep: nested(MAX_PAYLOAD_DEPTH) } as Record<string, unknown>;
    await expectCode(server.admin.EmitEvent({ input: { event: 'User.Created', payload: tooDeep } }), 'BAD_USER_INPUT');
    const batch = await expectCode(
      server.admin.EmitEvents({ inputs: [{ event: 'User.Created', payload: deepest }, { event: 'User.Created', payload: tooDeep }] }),
      'BAD_USER_INPUT',
    );
    expect(batch.message).toMatch(/inputs\[1\]/);
    const { emitEvent } = await server.admin.EmitEvent({ input: { event: 'User.Created', payload: deepest } });
    expect((await server.admin.Event({ id: emitEvent.id })).event.payload).toEqual(deepest);
    expect(logged.filter((line) => line.level >= 40)).toEqual([]);
  });
});
