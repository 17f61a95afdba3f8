import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, type DefinitionNode, type OperationDefinitionNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { declaredFileName, readCodeBlocks, type CodeBlock } from '../support/readme-blocks';
import { startReceiver, type Receiver } from '../support/receiver';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';

// Runs the README's code against a real server, so that what it shows stays true. The blocks
// are read from README.md itself: a block added there is tested without touching this file.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BLOCKS = readCodeBlocks(`${ROOT}README.md`);
const GRAPHQL_BLOCKS = BLOCKS.filter((block) => block.language === 'graphql');
const TS_BLOCKS = BLOCKS.filter((block) => block.language === 'ts');

/**
 * The README writes ids as `"hook_…"`. Each stands for the newest id of that kind the
 * examples have produced so far (or the fixture's, before any), and one a `delete…` mutation
 * removed stands for nothing any more: the examples read as one session, top to bottom.
 */
class IdBook {
  private readonly ids = new Map<string, string[]>();

  remember(value: unknown): void {
    if (typeof value === 'string') {
      const prefix = /^(hook|evt|dlv|key|att)_[0-9A-HJKMNP-TV-Z]{26}$/.exec(value)?.[1];
      const known = prefix ? (this.ids.get(prefix) ?? []) : [];
      if (prefix && !known.includes(value)) this.ids.set(prefix, [...known, value]);
    } else if (Array.isArray(value)) value.forEach((item) => this.remember(item));
    else if (value && typeof value === 'object') Object.values(value).forEach((item) => this.remember(item));
  }

  forget(id: string): void {
    for (const [prefix, known] of this.ids) this.ids.set(prefix, known.filter((each) => each !== id));
  }

  fill(document: string, where: string): string {
    return document.replace(/"(hook|evt|dlv|key|att)_…"/g, (_placeholder, prefix: string) => {
      const id = this.ids.get(prefix)?.at(-1);
      if (!id) throw new Error(`${where}: no ${prefix}_ id is known yet for "${prefix}_…"`);
      return JSON.stringify(id);
    });
  }
}

/** Each operation of a block on its own, with the fragments it may spread. */
function operationsOf(block: CodeBlock): Array<{ operation: OperationDefinitionNode; text: string }> {
  const document = parse(block.code);
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return document.definitions
    .filter((definition: DefinitionNode): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({ operation, text: [operation, ...fragments].map((node) => print(node)).join('\n') }));
}

/** The ids a `deleteX(id: …)` operation removes. */
function deletedIds(operation: OperationDefinitionNode, filled: string): string[] {
  if (operation.operation !== 'mutation') return [];
  const root = parse(filled).definitions[0] as OperationDefinitionNode;
  return root.selectionSet.selections.flatMap((selection) =>
    selection.kind === Kind.FIELD && selection.name.value.startsWith('delete')
      ? (selection.arguments ?? []).flatMap((argument) => (argument.value.kind === Kind.STRING ? [argument.value.value] : []))
      : [],
  );
}

/** Runs a TypeScript block as its own program from the repository's root, as a reader would. */
function runProgram(block: CodeBlock, env: Record<string, string>) {
  const name = declaredFileName(block) ?? `block-${block.line}.ts`;
  const path = `${ROOT}.readme-${process.pid}-${name}`;
  writeFileSync(path, block.code);
  const child = spawn(`${ROOT}node_modules/.bin/tsx`, [path], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  exited.finally(() => rmSync(path, { force: true }));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('the README', () => {
  let server: TestServer;
  let receiver: Receiver;
  let ws: Client;
  const ids = new IdBook();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    receiver = await startReceiver();
    ws = createClient({ url: `${server.app.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${ADMIN_KEY}` }, retryAttempts: 0 });
    // A hook that existed before the reader arrived, with one event delivered to it: what the
    // examples that read or redeliver refer to until they have made their own.
    const hook = await server.createHook(receiver.url, ['PostSignIn']);
    const event = await server.emit('PostSignIn', { userId: 'u_fixture' });
    await receiver.waitFor(1);
    ids.remember(hook);
    ids.remember(event);
    ids.remember(await server.deliveriesOf(hook.id));
  });
  afterAll(async () => {
    await ws?.dispose();
    await receiver?.close();
    await server?.close();
  });

  it('has GraphQL and TypeScript examples to run', () => {
    expect(GRAPHQL_BLOCKS.length).toBeGreaterThan(3);
    expect(TS_BLOCKS.length).toBeGreaterThan(0);
  });

  it('runs every GraphQL example, in order, without an error', async () => {
    for (const block of GRAPHQL_BLOCKS) {
      for (const { operation, text } of operationsOf(block)) {
        const where = `README.md:${block.line} (${operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '…')).join(', ')})`;
        const filled = ids.fill(text, where);
        const result = operation.operation === 'subscription' ? await firstNext(ws, filled, server) : await post(server, filled);
        expect(result.errors, where).toBeUndefined();
        expect(result.data, where).toBeTruthy();
        // What a feed says is about the triggers below, not about the examples.
        if (operation.operation !== 'subscription') ids.remember(result.data);
        for (const id of deletedIds(operation, filled)) ids.forget(id);
      }
    }
  }, 120_000);

  it('runs the SDK programs: the listener prints what the emitter emits', async () => {
    const env = { HOOKWIRE_URL: server.app.url, HOOKWIRE_API_KEY: ADMIN_KEY };
    const listeners = TS_BLOCKS.filter((block) => declaredFileName(block) === 'listen.ts').map((block) => runProgram(block, env));
    const others = TS_BLOCKS.filter((block) => declaredFileName(block) !== 'listen.ts');
    expect(listeners.length).toBe(1);
    const [listener] = listeners;
    try {
      // The listener's subscription starts at some point after its process does; emitting
      // until it prints one of ours needs no guess of when that is.
      const emitted: string[] = [];
      while (!emitted.some((id) => listener.output().stdout.includes(id))) {
        for (const block of others) {
          const program = runProgram(block, env);
          const code = await program.exited;
          expect(code, `README.md:${block.line}: ${program.output().stderr}`).toBe(0);
          emitted.push(...(program.output().stdout.match(/evt_[0-9A-Z]{26}/g) ?? []));
        }
        expect(emitted.length, 'the emitting example prints the id of what it emitted').toBeGreaterThan(0);
        if (listener.child.exitCode !== null) throw new Error(`the listener exited: ${listener.output().stderr}`);
      }
    } finally {
      listener.child.kill('SIGTERM');
      await listener.exited;
    }
  }, 120_000);
});

async function post(server: TestServer, query: string): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(`${server.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

/**
 * A subscription example's first result. Something must happen for it to say anything: an
 * event of each kind the examples use every 200 ms until it does (the fixture hook takes
 * PostSignIn, so the delivery feed has attempts to report).
 */
async function firstNext(ws: Client, query: string, server: TestServer): Promise<{ data?: unknown; errors?: unknown[] }> {
  const results = ws.iterate({ query });
  const emit = (event: string) => void server.emit(event, { userId: 'u_trigger' }).catch(() => {});
  const trigger = setInterval(() => ['User.Created', 'PostSignIn'].forEach(emit), 200);
  try {
    const first = await results.next();
    return first.value as { data?: unknown; errors?: unknown[] };
  } catch (errors) {
    return { errors: errors as unknown[] };
  } finally {
    clearInterval(trigger);
    await results.return?.();
  }
}
