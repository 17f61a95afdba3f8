import { Command } from 'commander';
import type { DeliveryUpdateFieldsFragment, HookwireClient } from '../../sdk/index.js';
import { TRANSPORT_HEADER_NAMES } from '../../sdk/transport-headers.js';
import { CliError } from '../exit-codes.js';
import { withClient } from '../context.js';
import { untilStopped } from '../live.js';
import type { Output } from '../output.js';

// Framing is the local fetch's to set; the rest is forwarded as the service sent it.
const NOT_FORWARDED: ReadonlySet<string> = new Set(TRANSPORT_HEADER_NAMES);

/**
 * `hookwire listen <port|url> --hook <id>`: for local development. Follows the hook's live
 * attempts and replays each one's request (its exact body and headers, signatures included,
 * as the service stored them) to a local receiver, printing what that answered.
 */
export function listenCommand(): Command {
  return new Command('listen')
    .description("forward a hook's live deliveries to a local receiver and print its answers")
    .argument('<target>', 'a port on localhost (3000) or a URL (http://localhost:3000/webhooks)')
    .requiredOption('--hook <id>', 'the hook whose deliveries to forward')
    .addHelpText(
      'after',
      '\nEach attempt the service makes to the hook is forwarded once, as it was sent: a receiver can check its\n' +
        "signatures with the hook's signing key. Custom headers the service stores redacted (names that look\n" +
        'like credentials) arrive as [redacted]; a READ key sees every custom header value redacted.',
    )
    .action(
      withClient(async ({ client, out }, target: string, options: { hook: string }) => {
        const url = targetUrl(target);
        // Checked first: a mistyped id should fail now, not wait silently for nothing.
        await client.Hook({ id: options.hook });
        client.ws.on('connected', () => process.stderr.write(`hookwire: forwarding deliveries of ${options.hook} to ${url}\n`));
        await untilStopped(client.OnDeliveryUpdated({ hookId: options.hook }), async ({ deliveryUpdated }) => {
          await forward(client, out, url, deliveryUpdated);
        });
      }),
    );
}

/** `3000` → `http://localhost:3000/`; a URL stays as it is. */
export function targetUrl(target: string): string {
  if (/^\d{1,5}$/.test(target)) return `http://localhost:${target}/`;
  try {
    return new URL(target).toString();
  } catch {
    throw new CliError('BAD_TARGET', `not a port or a URL: ${target}`);
  }
}

async function forward(client: HookwireClient, out: Output, url: string, update: DeliveryUpdateFieldsFragment): Promise<void> {
  const { delivery } = await client.Delivery({ id: update.deliveryId });
  const attempt = delivery.attempts.find((each) => each.number === update.attemptNumber);
  if (!attempt) return void process.stderr.write(`hookwire: attempt ${update.attemptNumber} of ${update.deliveryId} is no longer stored\n`);
  const headers = attempt.request.headers.filter(({ name }) => !NOT_FORWARDED.has(name.toLowerCase())).map(({ name, value }): [string, string] => [name, value]);
  const started = Date.now();
  let answer: { status: number; body: string } | { error: string };
  try {
    const response = await fetch(url, { method: 'POST', headers, body: attempt.request.body, redirect: 'manual' });
    answer = { status: response.status, body: await response.text() };
  } catch (error) {
    answer = { error: String((error as { cause?: unknown }).cause ?? error) };
  }
  const durationMs = Date.now() - started;
  if (out.json) return out.record({ deliveryId: update.deliveryId, attemptNumber: update.attemptNumber, event: update.event, url, durationMs, ...answer });
  const ok = 'status' in answer && answer.status >= 200 && answer.status < 300;
  const outcome = 'status' in answer ? `${answer.status} ${answer.body.slice(0, 200).replace(/\s+/g, ' ')}` : answer.error;
  out.line(`${update.deliveryId} #${update.attemptNumber} ${out.paint('name', update.event)} → ${out.paint(ok ? 'good' : 'bad', outcome.trim())} ${durationMs}ms`);
}
