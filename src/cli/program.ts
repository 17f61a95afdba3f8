import { Command, CommanderError } from 'commander';
import { deliveriesCommand, redeliverCommand } from './commands/deliveries.js';
import { emitCommand } from './commands/emit.js';
import { hooksCommand } from './commands/hooks.js';
import { listenCommand } from './commands/listen.js';
import { tailCommand } from './commands/tail.js';
import { verifyCommand } from './commands/verify.js';
import { fail } from './context.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';

/**
 * The `hookwire` command with its client commands, built on the SDK; `extra` adds more
 * (the repository adds `serve`, `migrate` and `admin-key`, which need the server's code, so
 * the SDK package's command has only these).
 */
export function createProgram(version: string, extra: Command[] = []): Command {
  const program = new Command('hookwire')
    .description('hookwire from the command line: manage hooks, emit, follow live feeds, forward deliveries to a local receiver')
    .version(version)
    .option('--server <url>', 'the server (default: HOOKWIRE_URL, else http://localhost:4000)')
    .option('--api-key <key>', 'the API key (default: HOOKWIRE_API_KEY)')
    .option('--json', 'print JSON lines instead of text')
    .addHelpText('after', `\n${EXIT_CODES_HELP}`);
  for (const command of [...extra, hooksCommand(), emitCommand(), deliveriesCommand(), redeliverCommand(), tailCommand(), listenCommand(), verifyCommand()]) {
    program.addCommand(command);
  }
  applyEverywhere(program);
  return program;
}

/** Every subcommand: usage errors exit 2 as one line, help to stdout exits 0. */
function applyEverywhere(command: Command): void {
  command.exitOverride().showHelpAfterError('(add --help for usage)');
  command.configureOutput({ outputError: (text, write) => write(`hookwire: ${text.replace(/^error: /, 'USAGE: ').trim()}\n`) });
  command.commands.forEach(applyEverywhere);
}

/** Parses `argv` and runs the command; sets `process.exitCode` (see exit-codes.ts). */
export async function runProgram(program: Command, argv: string[] = process.argv): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are successes; anything else commander raises is a usage error (already printed).
      process.exitCode = error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
      return;
    }
    fail(error);
  }
}
