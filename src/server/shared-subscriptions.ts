import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { SlidingQueue } from '../realtime/sliding-queue';
import { isAsyncIterable } from '../util/async-iterable';

/** How subscriptions are grouped and buffered. */
export interface SharedSubscriptionsOptions {
  /**
   * Everything in an operation's context that a resolver may read and that can differ between
   * subscribers (the caller's key and scopes, not the shared services). Subscribers share an
   * execution only when their keys are equal, so a key that leaves something out would hand
   * one caller's result to another.
   */
  contextKey(contextValue: unknown): string;
  /** How many results a subscriber may fall behind by before its oldest are dropped. */
  bufferSize: number;
  /**
   * The context one event executes with, made from the group's: what is counted per answer
   * (the response budget, the loaders) starts afresh for each event. Default: the group's own.
   */
  eventContext?(contextValue: unknown): unknown;
}

/**
 * Sends a result to one subscriber straight away, past graphql-ws. Returns false when it
 * cannot (the result then goes through graphql-ws as usual).
 */
export type Bypass = (result: ExecutionResult) => boolean;

/** graphql-js's `subscribe`, executing each event once per group of identical subscriptions. */
export interface SharedSubscriptions {
  /**
   * For graphql-ws's `subscribe` option. Returns the subscriber's own stream of results, or the
   * errors that kept the subscription from starting (exactly as graphql-js's `subscribe` would).
   */
  subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;
  /**
   * Lets a result skip `stream`'s queue (and graphql-ws's per-result work) whenever its reader
   * is idle, i.e. has sent everything before it. `stream` is one `subscribe` returned.
   */
  bypass(stream: unknown, send: Bypass): void;
  /** How many groups are live: one per distinct operation, variables and context key. */
  groupCount(): number;
}

/**
 * Subscriptions with the same document, variables, operation name and context key form a
 * group: the group reads one source stream and executes each event once, and every member
 * gets the same `ExecutionResult` object, through its bypass or its own bounded queue. With
 * 1,000 subscribers of one feed that is one execution and one pub/sub listener instead of
 * 1,000. A group ends when its last member leaves.
 *
 * Every subscriber still has its own source stream created, and at once discarded, when it
 * subscribes: that runs the field's `subscribe` with its own context and arguments, so
 * authorisation and argument errors are decided per subscriber, at subscribe time, as before.
 * The group executes with its first member's context; `contextKey` makes that context
 * equivalent to every other member's.
 */
export function createSharedSubscriptions(options: SharedSubscriptionsOptions): SharedSubscriptions {
  const groups = new Map<string, SubscriptionGroup>();
  const groupOf = new WeakMap<object, SubscriptionGroup>();
  return {
    async subscribe(args) {
      const source = await createSourceEventStream(args);
      if (!isAsyncIterable(source)) return source;
      const key = groupKey(args, options.contextKey(args.contextValue));
      let group = groups.get(key);
      if (group) {
        // Not read yet, so it holds no pub/sub listener: returning it only marks it done.
        void source[Symbol.asyncIterator]().return?.();
      } else {
        const created: SubscriptionGroup = new SubscriptionGroup(source, args, options, () => {
          if (groups.get(key) === created) groups.delete(key);
        });
        groups.set(key, created);
        group = created;
      }
      const member = group.join();
      groupOf.set(member, group);
      return member;
    },
    bypass(stream, send) {
      if (stream instanceof SlidingQueue) groupOf.get(stream)?.bypass(stream, send);
    },
    groupCount: () => groups.size,
  };
}

function groupKey(args: ExecutionArgs, contextKey: string): string {
  return JSON.stringify([contextKey, shareKey(args)]);
}

/**
 * What makes two subscriptions of one caller identical, so that they share one execution per
 * event: the same document, operation and variables. The subscription budget charges an
 * execution once per such group (subscription-budget.ts).
 */
export function shareKey(args: Pick<ExecutionArgs, 'document' | 'operationName' | 'variableValues'>): string {
  return JSON.stringify([args.operationName ?? null, args.variableValues ?? null, print(args.document)]);
}

type Member = SlidingQueue<ExecutionResult>;

/** One source stream, executed once per event, fanned out to its members. */
class SubscriptionGroup {
  private readonly members = new Map<Member, Bypass | undefined>();
  private readonly source: AsyncIterator<unknown>;
  private closed = false;

  constructor(
    source: AsyncIterable<unknown>,
    private readonly args: ExecutionArgs,
    private readonly options: SharedSubscriptionsOptions,
    private readonly onClose: () => void,
  ) {
    this.source = source[Symbol.asyncIterator]();
    void this.run();
  }

  /** A new member's queue; it leaves the group when its reader returns it. */
  join(): Member {
    const member: Member = new SlidingQueue(this.options.bufferSize, () => this.leave(member));
    this.members.set(member, undefined);
    return member;
  }

  bypass(member: Member, send: Bypass): void {
    if (this.members.has(member)) this.members.set(member, send);
  }

  private leave(member: Member): void {
    this.members.delete(member);
    if (this.members.size === 0) this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    void this.source.return?.();
  }

  private async run(): Promise<void> {
    try {
      for (;;) {
        const next = await this.source.next();
        if (next.done || this.closed) break;
        // Those subscribed when the event arrived get it, as each had its own listener before.
        const audience = [...this.members.keys()];
        const contextValue = this.options.eventContext ? this.options.eventContext(this.args.contextValue) : this.args.contextValue;
        const result = await execute({ ...this.args, contextValue, rootValue: next.value });
        // One synchronous pass: the first subscriber's bytes leave before the last one's are built.
        for (const member of audience) {
          if (!(member.idle && this.members.get(member)?.(result))) member.push(result);
        }
      }
      this.close();
      for (const member of [...this.members.keys()]) member.end();
    } catch (error) {
      // graphql-ws turns a stream's error into an `error` message for each subscriber.
      this.close();
      for (const member of [...this.members.keys()]) member.fail(error);
    }
  }
}
