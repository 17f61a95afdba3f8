import { Command } from 'commander';
import type { DeliveryUpdateFieldsFragment, EventFieldsFragment } from '../../sdk/index.js';
import { withClient } from '../context.js';
import { untilStopped } from '../live.js';
import type { Output } from '../output.js';
import { STATUS_TONE } from './deliveries.js';

/** `hookwire tail events|deliveries`: the live feeds, one line per item until stopped. */
export function tailCommand(): Command {
  const tail = new Command('tail').description('follow a live feed, one line per item, until Ctrl-C');
  tail
    .command('events')
    .description('every event as it is emitted')
    .option('--types <patterns>', "comma-separated types or patterns, e.g. 'User.*'")
    .action(
      withClient(async ({ client, out }, options: { types?: string }) => {
        const types = options.types?.split(',').map((type) => type.trim()).filter(Boolean);
        await untilStopped(client.OnEvent({ types }), ({ events }) => printEvent(out, events));
      }),
    );
  tail
    .command('deliveries')
    .description('every delivery attempt as it is made')
    .option('--hook <id>', "only this hook's")
    .action(
      withClient(async ({ client, out }, options: { hook?: string }) => {
        await untilStopped(client.OnDeliveryUpdated({ hookId: options.hook }), ({ deliveryUpdated }) => printAttempt(out, deliveryUpdated));
      }),
    );
  return tail;
}

function printEvent(out: Output, event: EventFieldsFragment): void {
  if (out.json) return out.record(event);
  out.line(`${out.paint('quiet', event.createdAt)} ${out.paint('name', event.event)} ${event.id} ${JSON.stringify(event.payload)}`);
}

/** One attempt as a line: when, outcome, which delivery, what answered. */
export function printAttempt(out: Output, update: DeliveryUpdateFieldsFragment): void {
  if (out.json) return out.record(update);
  const answer = update.responseStatus ?? update.errorKind ?? '';
  const next = update.nextAttemptAt ? ` next ${update.nextAttemptAt}` : '';
  out.line(
    `${out.paint('quiet', update.startedAt)} ${out.paint(STATUS_TONE[update.status], update.status)} ${update.deliveryId} #${update.attemptNumber} ${update.hookId} ${out.paint('name', update.event)} ${answer} ${update.durationMs}ms${next}`,
  );
}
