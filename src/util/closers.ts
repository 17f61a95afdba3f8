import type { Logger } from '../logger';

/**
 * What a process has opened, each with how to close it, closed newest first: whatever opened
 * later may use what opened before it (the HTTP server the database), so it goes first.
 * `startApp` adds each part as it opens, so a start that fails part-way and a `close()` run
 * the same list.
 */
export class Closers {
  private readonly steps: Array<{ what: string; close: () => unknown }> = [];

  constructor(private readonly logger: Logger) {}

  /** Adds `close` as the newest step; `what` names it in the log when it fails. */
  add(what: string, close: () => unknown): void {
    this.steps.push({ what, close });
  }

  /**
   * Runs every step, newest first, each once: a step that throws (or rejects) is logged and the
   * rest still run, so one part failing to close leaves nothing after it open.
   */
  async closeAll(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.close();
      } catch (error) {
        this.logger.error({ err: error }, `closing the ${step.what} failed`);
      }
    }
  }
}
