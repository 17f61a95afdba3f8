import { Command } from 'commander';
import { verifyLogtoSignature, verifyWebhook, WebhookVerificationError } from '../../sdk/verify.js';
import { CliError, EXIT } from '../exit-codes.js';
import { fail, parseJsonObject, readStdin } from '../context.js';
import { createOutput } from '../output.js';

/** A captured request as `verify` reads it: the shape of an attempt's `request` in the API. */
interface CapturedRequest {
  headers: Record<string, string>;
  body: string;
}

/** `hookwire verify --secret whsec_… < request.json`: checks a captured request's signatures. */
export function verifyCommand(): Command {
  return new Command('verify')
    .description("check a captured request's signatures against a hook's signing key")
    .requiredOption('--secret <key>', "the hook's signing key (whsec_…)")
    .option('--any-time', 'skip the timestamp check (for requests captured more than 5 minutes ago)')
    .addHelpText(
      'after',
      '\nstdin: {"headers": {"webhook-id": "…", …} or [{"name": …, "value": …}], "body": "<the raw body, as a string>"}\n' +
        "(an attempt's `request` from the API has this shape). Exits 0 when the Standard Webhooks signature\n" +
        'verifies (and the Logto one, if present), 1 when not.',
    )
    .action(async (options: { secret: string; anyTime?: boolean }, command: Command) => {
      const out = createOutput(command.optsWithGlobals<{ json?: boolean }>().json === true);
      try {
        const request = captured(parseJsonObject(await readStdin(), 'stdin'));
        verifyWebhook(request.body, request.headers, options.secret, options.anyTime ? { toleranceSeconds: Infinity } : {});
        const checked = ['webhook-signature'];
        const logto = request.headers['logto-signature-sha-256'];
        if (logto !== undefined) {
          if (!verifyLogtoSignature(request.body, logto, options.secret)) throw new CliError('INVALID_SIGNATURE', 'logto-signature-sha-256 does not match the signing key', EXIT.FAILED);
          checked.push('logto-signature-sha-256');
        }
        if (out.json) out.record({ valid: true, checked });
        else out.line(`${out.paint('good', 'valid')}: ${checked.join(', ')}`);
      } catch (error) {
        fail(error instanceof WebhookVerificationError ? new CliError('INVALID_SIGNATURE', error.message, EXIT.FAILED) : error);
      }
    });
}

function captured(value: Record<string, unknown>): CapturedRequest {
  const { headers, body } = value;
  if (typeof body !== 'string') throw new CliError('BAD_REQUEST_FILE', '"body" must be the raw body as a string (the signed bytes)');
  const entries = Array.isArray(headers)
    ? headers.map((header: { name?: unknown; value?: unknown }) => [header?.name, header?.value])
    : headers && typeof headers === 'object'
      ? Object.entries(headers)
      : undefined;
  if (!entries || entries.some(([name, text]) => typeof name !== 'string' || typeof text !== 'string')) {
    throw new CliError('BAD_REQUEST_FILE', '"headers" must be an object of strings or a list of {name, value}');
  }
  return { headers: Object.fromEntries(entries.map(([name, text]) => [(name as string).toLowerCase(), text as string])), body };
}
