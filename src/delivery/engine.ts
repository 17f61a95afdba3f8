import { AttemptEventHub, type AttemptEvents } from './attempt-events';
import { Dispatcher, type DispatcherOptions } from './dispatcher';
import type { Handoff, HandoffSource } from './handoff';
import type { QueueSignal } from './queue-signal';

/** Something the engine runs beside its dispatcher (the retention sweeper): started and stopped with it. */
export interface BackgroundTask {
  start(): void;
  stop(): Promise<void>;
}

/** What a worker process runs: the dispatcher's settings and the tasks started with it. */
export interface WorkerOptions extends Omit<DispatcherOptions, 'queue' | 'events'> {
  /** How long `stop` lets requests in flight finish. */
  shutdownGraceMs: number;
  /** Run while the worker runs (the retention sweeper). */
  tasks: readonly BackgroundTask[];
}

/** The engine's ports, and the worker when this process runs one (`worker` and `all` roles). */
export interface EngineOptions {
  queue: DispatcherOptions['queue'];
  /** Tells workers in other processes of new deliveries, and this one of theirs. */
  signal: QueueSignal;
  worker?: WorkerOptions;
}

/**
 * The delivery engine as the rest of hookwire sees it: it owns the dispatcher, the queue, the
 * queue signal and the background tasks, starts and stops them in order, and tells its
 * subscribers of every recorded attempt ({@link AttemptEvents}). In an `api` process it runs
 * no worker and only passes the news of new deliveries on.
 */
export class Engine implements HandoffSource {
  private readonly events = new AttemptEventHub();
  private readonly dispatcher: Dispatcher | undefined;
  private started = false;

  constructor(private readonly options: EngineOptions) {
    const { worker } = options;
    this.dispatcher = worker && new Dispatcher({ ...worker, queue: options.queue, events: this.events });
  }

  /** The id this process's worker leases deliveries under; undefined without a worker. */
  get workerId(): string | undefined {
    return this.dispatcher?.workerId;
  }

  /** Subscribes to an attempt event; returns the way to unsubscribe. Subscribe before `start`. */
  on<K extends keyof AttemptEvents>(name: K, listener: AttemptEvents[K]): () => void {
    return this.events.on(name, listener);
  }

  /** A handoff to this process's worker (see {@link Handoff}); none without one, or while stopping. */
  openHandoff(): Handoff | undefined {
    return this.dispatcher?.openHandoff();
  }

  /** Deliveries were queued: this process's worker looks now, and other processes' are signalled. */
  deliveriesQueued(): void {
    this.dispatcher?.wake();
    this.options.signal.notify();
  }

  /** For /readyz: the signal's connection is up and the worker's loop turns. */
  isReady(): boolean {
    return this.options.signal.healthy() && (this.dispatcher?.isAlive() ?? true);
  }

  /** Starts the worker, then listens for other processes' deliveries, then the background tasks. */
  start(): void {
    const { dispatcher } = this;
    if (!dispatcher || this.started) return;
    this.started = true;
    dispatcher.start();
    this.options.signal.listen(() => dispatcher.wake());
    for (const task of this.options.worker?.tasks ?? []) task.start();
  }

  /** Stops the background tasks, then the worker (draining what is in flight). */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    const worker = this.options.worker as WorkerOptions;
    try {
      for (const task of [...worker.tasks].reverse()) await task.stop();
    } finally {
      await this.dispatcher?.stop(worker.shutdownGraceMs);
    }
  }

  /** Stops what runs, then closes the queue signal. */
  async close(): Promise<void> {
    await this.stop();
    await this.options.signal.close();
  }
}
