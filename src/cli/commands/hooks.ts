import { Command, Option } from 'commander';
import type { HookFieldsFragment, HookHeaderInput } from '../../sdk/index.js';
import { CliError, EXIT } from '../exit-codes.js';
import { withClient } from '../context.js';
import type { Output } from '../output.js';

/** `hookwire hooks list|create|update|delete|test`. */
export function hooksCommand(): Command {
  const hooks = new Command('hooks').description('manage hooks (endpoints and the events they take)');

  hooks
    .command('list')
    .description('list hooks, newest first')
    .option('--first <n>', 'how many (at most 100)', integer, 100)
    .addOption(new Option('--enabled', 'only enabled hooks').conflicts('disabled'))
    .option('--disabled', 'only disabled hooks')
    .action(
      withClient(async ({ client, out }, options: { first: number; enabled?: boolean; disabled?: boolean }) => {
        const enabled = options.enabled ? true : options.disabled ? false : undefined;
        const { hooks: page } = await client.Hooks({ first: options.first, enabled });
        for (const hook of page.nodes) printHook(out, hook);
      }),
    );

  hooks
    .command('create')
    .description('create a hook; prints it with its signing key')
    .requiredOption('--url <url>', 'the endpoint (http or https)')
    .requiredOption('--events <types>', 'comma-separated event types or patterns, e.g. User.*,PostSignIn', list)
    .option('--name <name>', 'a name (default: the URL)')
    .option('--header <name=value>', 'a custom header sent with each delivery (repeatable)', header)
    .option('--ordered', 'deliver in event order, one at a time')
    .option('--rate-limit <n>', 'at most this many requests per second', integer)
    .option('--disabled', 'create it disabled')
    .action(
      withClient(async ({ client, out }, options: CreateOptions) => {
        const { createHook } = await client.CreateHook({
          input: {
            name: options.name ?? options.url,
            url: options.url,
            events: options.events,
            headers: options.header,
            ordered: options.ordered ?? false,
            rateLimit: options.rateLimit,
            enabled: !options.disabled,
          },
        });
        if (out.json) return out.record(createHook);
        printHook(out, createHook);
        out.line(`signing key: ${createHook.signingKey}`);
      }),
    );

  hooks
    .command('update')
    .description('change a hook; only the given fields change')
    .argument('<id>', 'the hook id (hook_…)')
    .option('--url <url>', 'the endpoint')
    .option('--events <types>', 'comma-separated event types or patterns', list)
    .option('--name <name>', 'a name')
    .option('--header <name=value>', 'replaces the custom headers (repeatable)', header)
    .addOption(new Option('--enable', 're-enable it').conflicts('disable'))
    .option('--disable', 'disable it')
    .action(
      withClient(async ({ client, out }, id: string, options: UpdateOptions) => {
        const enabled = options.enable ? true : options.disable ? false : undefined;
        const input = { url: options.url, events: options.events, name: options.name, headers: options.header, enabled };
        if (Object.values(input).every((value) => value === undefined)) throw new CliError('NOTHING_TO_UPDATE', 'give at least one of --url, --events, --name, --header, --enable, --disable');
        const { updateHook } = await client.UpdateHook({ id, input });
        printHook(out, updateHook);
      }),
    );

  hooks
    .command('delete')
    .description('delete a hook and its deliveries')
    .argument('<id>', 'the hook id')
    .action(
      withClient(async ({ client, out }, id: string) => {
        const { deleteHook } = await client.DeleteHook({ id });
        if (out.json) return out.record({ deleted: deleteHook });
        out.line(`deleted ${deleteHook}`);
      }),
    );

  hooks
    .command('test')
    .description('send a sample event to the hook now (not recorded as a delivery); exits 1 if it fails')
    .argument('<id>', 'the hook id')
    .option('--event <type>', 'the sample event type', 'PostSignIn')
    .action(
      withClient(async ({ client, out }, id: string, options: { event: string }) => {
        const { testHook } = await client.TestHook({ id, event: options.event });
        if (out.json) out.record(testHook);
        else {
          const outcome = testHook.ok ? out.paint('good', 'ok') : out.paint('bad', 'failed');
          out.line(`${outcome} ${testHook.responseStatus ?? testHook.error ?? ''} ${testHook.durationMs}ms ${testHook.responseBody ?? ''}`.trim());
        }
        return testHook.ok ? EXIT.OK : EXIT.FAILED;
      }),
    );

  return hooks;
}

interface CreateOptions {
  url: string;
  events: string[];
  name?: string;
  header?: HookHeaderInput[];
  ordered?: boolean;
  rateLimit?: number;
  disabled?: boolean;
}

interface UpdateOptions {
  url?: string;
  events?: string[];
  name?: string;
  header?: HookHeaderInput[];
  enable?: boolean;
  disable?: boolean;
}

function printHook(out: Output, hook: HookFieldsFragment): void {
  if (out.json) return out.record(hook);
  const state = hook.enabled ? out.paint('good', 'enabled') : out.paint('bad', `disabled${hook.disabledReason ? ` (${hook.disabledReason})` : ''}`);
  out.line(`${hook.id} ${state} ${hook.url} ${out.paint('name', hook.events.join(','))} ${out.paint('quiet', hook.name)}`);
}

/** Parses a positive integer flag. */
export function integer(value: string): number {
  if (!/^\d+$/.test(value)) throw new CliError('BAD_ARGUMENT', `not a whole number: ${value}`);
  return Number(value);
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function header(value: string, previous: HookHeaderInput[] = []): HookHeaderInput[] {
  const at = value.indexOf('=');
  if (at < 1) throw new CliError('BAD_ARGUMENT', `a header is name=value: ${value}`);
  return [...previous, { name: value.slice(0, at), value: value.slice(at + 1) }];
}
