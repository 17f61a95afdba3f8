/**
 * The `hookwire` command's exit codes, defined once: the help text, the README and the tests
 * read them from here.
 */
export const EXIT = {
  /** Done. */
  OK: 0,
  /** The server refused or failed the operation (its error code is printed), a hook test failed, or a request did not verify. */
  FAILED: 1,
  /** Bad arguments, flags, input or configuration: nothing was sent. */
  USAGE: 2,
  /** The server could not be reached. */
  UNREACHABLE: 3,
} as const;

/** One of the exit codes above. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit codes as the help text lists them. */
export const EXIT_CODES_HELP = [
  'Exit codes:',
  `  ${EXIT.OK}  done`,
  `  ${EXIT.FAILED}  the server refused the operation (the line names its code), a hook test failed, or a request did not verify`,
  `  ${EXIT.USAGE}  bad arguments, flags, input or configuration`,
  `  ${EXIT.UNREACHABLE}  the server could not be reached`,
].join('\n');

/** An error the command reports as one line, `hookwire: CODE: message`, and exits with `exit`. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exit: ExitCode = EXIT.USAGE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
