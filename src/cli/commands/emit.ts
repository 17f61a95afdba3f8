import { Command } from 'commander';
import { CliError } from '../exit-codes.js';
import { parseJsonObject, readStdin, withClient } from '../context.js';

/** `hookwire emit <type> [--data '{…}']`: the payload from `--data`, else from stdin. */
export function emitCommand(): Command {
  return new Command('emit')
    .description('emit an event; prints its id')
    .argument('<type>', 'the event type, e.g. User.Created')
    .option('--data <json>', 'the payload, a JSON object (default: read from stdin)')
    .option('--idempotency-key <key>', 'a repeat with the same key returns the first event')
    .action(
      withClient(async ({ client, out }, type: string, options: { data?: string; idempotencyKey?: string }) => {
        const text = options.data ?? (process.stdin.isTTY ? undefined : await readStdin());
        if (text === undefined || text.trim() === '') throw new CliError('NO_PAYLOAD', 'give the payload with --data or on stdin');
        const payload = parseJsonObject(text, options.data === undefined ? 'stdin' : '--data');
        const { emitEvent } = await client.EmitEvent({ input: { event: type, payload, idempotencyKey: options.idempotencyKey } });
        if (out.json) out.record(emitEvent);
        else out.line(emitEvent.id);
      }),
    );
}
