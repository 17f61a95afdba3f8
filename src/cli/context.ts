import type { Command } from 'commander';
import { createHookwireClient, HookwireRequestError, type HookwireClient } from '../sdk/index.js';
import { CliError, EXIT, type ExitCode } from './exit-codes.js';
import { createOutput, type Output } from './output.js';

/** The options every command that talks to a server takes (flags win over the environment). */
export interface GlobalOptions {
  server?: string;
  apiKey?: string;
  json?: boolean;
}

/** What a command runs with: a client for the server its flags or environment name, and the output. */
export interface CommandContext {
  client: HookwireClient;
  out: Output;
}

/** The server's URL and key from `--server`/`--api-key`, else `HOOKWIRE_URL`/`HOOKWIRE_API_KEY`. */
export function connection(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): { url: string; apiKey?: string } {
  // An empty variable counts as unset, as a shell's `HOOKWIRE_URL= hookwire …` means.
  const url = options.server ?? (env.HOOKWIRE_URL || 'http://localhost:4000');
  try {
    new URL(url);
  } catch {
    throw new CliError('BAD_URL', `not a URL: ${url} (--server or HOOKWIRE_URL)`);
  }
  return { url, apiKey: options.apiKey ?? (env.HOOKWIRE_API_KEY || undefined) };
}

/**
 * Runs a command's body with a client, closes the client however it ends, and turns what it
 * throws into one line with a code and the exit code for it.
 */
export function withClient(body: (context: CommandContext, ...args: never[]) => Promise<ExitCode | void>) {
  return async (...args: unknown[]): Promise<void> => {
    const command = args.at(-1) as Command;
    const options = command.optsWithGlobals<GlobalOptions>();
    const out = createOutput(options.json === true);
    let client: HookwireClient | undefined;
    try {
      client = createHookwireClient(connection(options));
      const code = await body({ client, out }, ...(args.slice(0, -1) as never[]));
      process.exitCode = code ?? EXIT.OK;
    } catch (error) {
      fail(error);
    } finally {
      await client?.close().catch(() => undefined);
    }
  };
}

/** Prints an error as `hookwire: CODE: message` on stderr and sets the exit code it calls for. */
export function fail(error: unknown): void {
  const [code, message, exit] = describe(error);
  process.stderr.write(`hookwire: ${code}: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exitCode = exit;
}

function describe(error: unknown): [string, string, ExitCode] {
  if (error instanceof CliError) return [error.code, error.message, error.exit];
  if (error instanceof HookwireRequestError) {
    const first = error.errors[0];
    return [error.codes[0] ?? `HTTP_${error.status}`, first?.message ?? error.message, EXIT.FAILED];
  }
  if (error instanceof TypeError && error.message === 'fetch failed') {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return ['UNREACHABLE', cause?.message ?? error.message, EXIT.UNREACHABLE];
  }
  // graphql-ws ends a subscription with the socket's close event when the server goes away.
  const closed = error as { code?: unknown; reason?: unknown; type?: unknown };
  if (closed && typeof closed.code === 'number' && typeof closed.reason === 'string') {
    return closed.code === 4403 ? ['FORBIDDEN', closed.reason || 'the server refused the key', EXIT.FAILED] : ['CONNECTION_CLOSED', `${closed.code} ${closed.reason}`.trim(), EXIT.UNREACHABLE];
  }
  if (closed && closed.type === 'error') return ['UNREACHABLE', 'the WebSocket connection failed', EXIT.UNREACHABLE];
  return ['ERROR', error instanceof Error ? error.message : String(error), EXIT.FAILED];
}

/** Parses a JSON object given on the command line or stdin, or says which input was bad. */
export function parseJsonObject(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError('BAD_JSON', `${what} is not JSON: ${(error as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new CliError('BAD_JSON', `${what} must be a JSON object`);
  return value as Record<string, unknown>;
}

/** All of stdin as text (for `--data` left out, and `verify`). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
