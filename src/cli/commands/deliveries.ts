import { Command, Option } from 'commander';
import { DeliveryStatus, type DeliveryFieldsFragment } from '../../sdk/index.js';
import { withClient } from '../context.js';
import type { Output, Tone } from '../output.js';
import { integer } from './hooks.js';

// The schema's DeliveryStatus, as the flag accepts it.
const STATUSES: readonly DeliveryStatus[] = Object.values(DeliveryStatus);

/** The colour of a delivery's status. */
export const STATUS_TONE: Record<DeliveryStatus, Tone> = { SUCCEEDED: 'good', FAILED: 'bad', SKIPPED: 'quiet', PENDING: 'waiting', RETRYING: 'waiting' };

/** `hookwire deliveries list [--hook] [--status]`. */
export function deliveriesCommand(): Command {
  const deliveries = new Command('deliveries').description('read deliveries');
  deliveries
    .command('list')
    .description("list deliveries, newest first: one hook's, or every hook's")
    .option('--hook <id>', 'only this hook')
    .addOption(new Option('--status <status>', 'only deliveries in this status').choices(STATUSES))
    .option('--first <n>', 'how many (at most 100)', integer, 20)
    .action(
      withClient(async ({ client, out }, options: { hook?: string; status?: DeliveryStatus; first: number }) => {
        const hookIds = options.hook ? [options.hook] : (await client.Hooks({ first: 100 })).hooks.nodes.map((hook) => hook.id);
        const pages = await Promise.all(hookIds.map((id) => client.HookDeliveries({ id, first: options.first, status: options.status })));
        const nodes = pages
          .flatMap((page) => page.hook.deliveries.nodes)
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
          .slice(0, options.first);
        for (const delivery of nodes) printDelivery(out, delivery);
      }),
    );
  return deliveries;
}

/** `hookwire redeliver <id>`: queues a delivery again, whatever its status. */
export function redeliverCommand(): Command {
  return new Command('redeliver')
    .description('queue a delivery again (a new attempt is made at once)')
    .argument('<id>', 'the delivery id (dlv_…)')
    .action(
      withClient(async ({ client, out }, id: string) => {
        const { redeliver } = await client.Redeliver({ deliveryId: id });
        printDelivery(out, redeliver);
      }),
    );
}

function printDelivery(out: Output, delivery: DeliveryFieldsFragment): void {
  if (out.json) return out.record(delivery);
  const status = out.paint(STATUS_TONE[delivery.status], delivery.status);
  const error = delivery.lastError ? ` ${out.paint('quiet', delivery.lastError)}` : '';
  out.line(`${delivery.createdAt} ${delivery.id} ${status} ${delivery.hookId} ${out.paint('name', delivery.event)} attempts=${delivery.attemptCount}${error}`);
}
