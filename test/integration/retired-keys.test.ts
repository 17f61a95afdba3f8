import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HookwireClient } from '../../src/sdk';
import { DATABASE_KINDS } from '../support/databases';
import { type ReceivedRequest, receiverPool } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
import { expectCode } from '../support/wait';

/** A Standard Webhooks v1 signature, computed here from the spec rather than by hookwire's signer. */
function standardSignature(key: string, request: ReceivedRequest): string {
  const secret = Buffer.from(key.slice('whsec_'.length), 'base64');
  const signed = `${request.headers['webhook-id']}.${request.headers['webhook-timestamp']}.${request.body}`;
  return `v1,${createHmac('sha256', secret).update(signed).digest('base64')}`;
}
const signaturesOf = (request: ReceivedRequest) => String(request.headers['webhook-signature']).split(' ');

describe.each(DATABASE_KINDS)('ending retired signing keys on %s', (kind) => {
  let server: TestServer;
  let reader: HookwireClient;
  const receivers = receiverPool();
  const rotate = async (id: string, gracePeriod: string) => (await server.admin.RegenerateSigningKey({ id, gracePeriod })).regenerateSigningKey;

  beforeAll(async () => {
    server = await startTestServer(kind);
    reader = server.client((await server.admin.CreateApiKey({ input: { name: 'reader', scopes: ['READ'] } })).createApiKey.key);
  });
  afterAll(async () => {
    await server?.close();
    await receivers.closeAll();
  });

  it('endRetiredSigningKeys stops every retired key signing at once', async () => {
    const endpoint = await receivers.start();
    const hook = await server.createHook(endpoint.url, ['User.Created']);
    await rotate(hook.id, '7d');
    const rotated = await rotate(hook.id, '7d');
    expect(rotated.retiredSigningKeys).toHaveLength(2);
    await server.emit('User.Created', { n: 1 });
    const [during] = await endpoint.waitFor(1);
    expect(signaturesOf(during)).toHaveLength(3);

    const { endRetiredSigningKeys } = await server.admin.EndRetiredSigningKeys({ id: hook.id });
    expect(endRetiredSigningKeys).toEqual({ id: hook.id, signingKey: rotated.signingKey, retiredSigningKeys: [] });
    await server.emit('User.Created', { n: 2 });
    const [, afterwards] = await endpoint.waitFor(2);
    // Only the current key signs; it did not change.
    expect(signaturesOf(afterwards)).toEqual([standardSignature(rotated.signingKey, afterwards)]);
  });

  it('regenerateSigningKey with 0s ends every retired key, not only the one it replaces', async () => {
    const endpoint = await receivers.start();
    const hook = await server.createHook(endpoint.url, ['User.Deleted']);
    await rotate(hook.id, '7d');
    const immediate = await rotate(hook.id, '0s');
    expect(immediate.retiredSigningKeys).toEqual([]);
    await server.emit('User.Deleted', { n: 1 });
    const [request] = await endpoint.waitFor(1);
    expect(signaturesOf(request)).toEqual([standardSignature(immediate.signingKey, request)]);
  });

  it('is for ADMIN keys only, and names an unknown hook', async () => {
    const hook = await server.createHook('https://example.com/hook', ['Role.Created']);
    await rotate(hook.id, '1h');
    await expectCode(reader.EndRetiredSigningKeys({ id: hook.id }), 'FORBIDDEN');
    expect((await rotate(hook.id, '1h')).retiredSigningKeys).toHaveLength(2);
    await expectCode(server.admin.EndRetiredSigningKeys({ id: 'hook_01JXXXXXXXXXXXXXXXXXXXXXXX' }), 'NOT_FOUND');
  });
});
