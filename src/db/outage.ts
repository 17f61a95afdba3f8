import type { LogPort } from '../logger';
import { isDatabaseUnavailable } from './unavailable';

/** How often, while the database is down, it is asked whether it is back. */
const DEFAULT_PROBE_INTERVAL_MS = 1_000;

/**
 * Turns a database outage into two log lines, one when it starts and one when it ends,
 * instead of an error with a stack from every request and every worker turn. Whoever meets
 * a failure `report`s it: an error that says the database is unavailable is counted here
 * (and the caller need not log it), anything else is left to the caller. While down, the
 * `probe` (which must prove the database takes writes: on SQLite, reads work under another
 * process's lock) runs every second; its first success ends the outage, even when no
 * request comes.
 */
export class DatabaseOutage {
  private since: number | undefined;
  private failures = 0;
  private probing: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly logger: LogPort,
    private readonly probe: () => Promise<unknown>,
    private readonly probeIntervalMs = DEFAULT_PROBE_INTERVAL_MS,
  ) {}

  /** True while the database is known to be unavailable. */
  get down(): boolean {
    return this.since !== undefined;
  }

  /**
   * Takes note of a failure met by `source` (`graphql`, `worker`, …). True when it is the
   * database being unavailable: logged here, once per outage.
   */
  report(error: unknown, source: string): boolean {
    if (!isDatabaseUnavailable(error)) return false;
    this.failures++;
    if (this.since !== undefined) return true;
    this.since = Date.now();
    // The message and code say what happened; a stack would only say where it was noticed.
    const { message, code } = error as { message?: unknown; code?: unknown };
    this.logger.error({ source, error: String(message ?? error), code }, 'database unavailable');
    this.startProbing();
    return true;
  }

  /** The database takes writes again: an outage in progress is over. */
  succeeded(): void {
    if (this.since === undefined) return;
    const downMs = Date.now() - this.since;
    this.logger.info({ downMs, failedCalls: this.failures }, 'database available again');
    this.since = undefined;
    this.failures = 0;
    clearTimeout(this.probing);
    this.probing = undefined;
  }

  /** Stops probing (at shutdown). */
  close(): void {
    this.closed = true;
    clearTimeout(this.probing);
    this.probing = undefined;
  }

  private startProbing(): void {
    if (this.closed || this.probing) return;
    this.probing = setTimeout(() => {
      this.probing = undefined;
      this.probe().then(
        () => this.succeeded(),
        () => {
          if (this.down) this.startProbing();
        },
      );
    }, this.probeIntervalMs);
    this.probing.unref();
  }
}
