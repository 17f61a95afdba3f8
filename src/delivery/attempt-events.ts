import type { AttemptResult } from './job';
import type { OperationalEvent } from './operational-events';

/** What the engine tells its subscribers, by event name. */
export interface AttemptEvents {
  /** An attempt was stored (the live `deliveryUpdated` feed, metrics). */
  attemptRecorded(result: AttemptResult): void;
  /**
   * The operational events a stored batch calls for (`Hook.Disabled`, `Delivery.Failing`, …).
   * Awaited before the next batch is recorded, so a storm of failures cannot pile up events in
   * memory faster than they are stored.
   */
  operationalEvents(events: OperationalEvent[]): Promise<void>;
}

/**
 * The subscribers to the engine's {@link AttemptEvents}. The engine is built first and its
 * subscribers added after (the operational events go through the event service, which itself
 * hands new deliveries to the engine), before it starts: nothing is bound late.
 */
export class AttemptEventHub {
  private readonly recorded: Array<AttemptEvents['attemptRecorded']> = [];
  private readonly operational: Array<AttemptEvents['operationalEvents']> = [];

  /** Subscribes `listener` to `name`; returns the way to unsubscribe. */
  on<K extends keyof AttemptEvents>(name: K, listener: AttemptEvents[K]): () => void {
    const list = (name === 'attemptRecorded' ? this.recorded : this.operational) as Array<AttemptEvents[K]>;
    list.push(listener);
    return () => {
      const index = list.indexOf(listener);
      if (index >= 0) list.splice(index, 1);
    };
  }

  /** True when someone wants operational events (they are worked out only then). */
  get wantsOperational(): boolean {
    return this.operational.length > 0;
  }

  /** Tells every `attemptRecorded` subscriber. */
  attemptRecorded(result: AttemptResult): void {
    for (const listener of this.recorded) listener(result);
  }

  /** Hands `events` to every `operationalEvents` subscriber, one after the other. */
  async operationalEvents(events: OperationalEvent[]): Promise<void> {
    for (const listener of this.operational) await listener(events);
  }
}
