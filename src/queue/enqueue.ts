import type { SqlDialect } from '../db/dialect';
import type { Row, SqlSession } from '../db/sql';
import { placeholders, readBoolean, readJson } from '../db/sql-values';
import type { Handoff } from '../delivery/handoff';
import type { DeliveryJob } from '../delivery/job';
import { newId } from '../util/ids';
import { HOOK_TARGET_COLUMNS, hookTargetFromRow, readRateLimit } from './hook-target';
import { DELIVERY_COLUMNS, insertRows, insertStatement, type QueueDb, type RowOf, type Statement } from './rows';
import { DeliveryStatus } from '../db/tables/delivery-status';

/** A delivery row to write, by column. */
export type DeliveryRow = RowOf<typeof DELIVERY_COLUMNS>;

/** An event, already written in the caller's transaction, to queue deliveries for. */
export interface QueuedEvent {
  id: string;
  type: string;
  createdAt: Date;
  /** Its payload as stored: spliced into the body of every delivery handed over. */
  payloadJson: string;
}

/** How an emit queues its events. */
export interface EnqueueOptions {
  /** Written as the deliveries' creation and due time: the app clock's now. */
  now: Date;
  /** Whether a hook's `events` patterns select an event type (the events feature's rule). */
  selects(patterns: readonly string[], eventType: string): boolean;
  /** Every pattern that selects an event type (the events feature's rule, looked up in the hook index). */
  patternsSelecting(eventType: string): readonly string[];
  /** This process's dispatcher's room, when it runs one. */
  handoff?: Handoff;
}

/** What an emit transaction queued. */
export interface FanOut {
  /** PENDING deliveries left for a worker to claim. */
  queued: number;
  /** Deliveries written leased to the handoff's worker, to pass to `handoff.commit` once committed. */
  handedOver: DeliveryJob[];
}

/**
 * Writes events (the statement given, built by the events feature) and one delivery per hook
 * that wants each of them, so they commit together or not at all: PENDING for an enabled hook,
 * SKIPPED for a disabled one (so it can be recovered once the hook is enabled again). With a
 * `handoff`, as many deliveries as this process's dispatcher has room for are written already
 * leased to it and returned as jobs, so they go out on commit without being claimed. Plain
 * multi-row INSERTs: this is the hot path of every emit.
 *
 * Where the dialect has writable CTEs (PostgreSQL), the hooks are read first and the events and
 * deliveries then written in one statement, atomic on its own: two round trips where BEGIN, the
 * three statements and COMMIT were five. Under READ COMMITTED each statement of a transaction
 * sees what had committed when it began, so reading the hooks before the write sees the same
 * hooks reading them inside it would. SQLite, in process, runs them in one transaction.
 */
export async function enqueueWithEvents(db: QueueDb, eventsInsert: Statement, events: readonly QueuedEvent[], options: EnqueueOptions): Promise<FanOut> {
  const { sql, dialect } = db;
  if (!dialect.writableCtes) {
    return sql.transaction(async (tx) => {
      await tx.run(eventsInsert.sql, eventsInsert.params);
      const { rows, fanOut } = planDeliveries(await hooksWanting(tx, events, options.patternsSelecting), dialect, events, options);
      await insertDeliveries(tx, rows);
      return fanOut;
    });
  }
  const { rows, fanOut } = planDeliveries(await hooksWanting(sql, events, options.patternsSelecting), dialect, events, options);
  if (rows.length === 0) await sql.run(eventsInsert.sql, eventsInsert.params);
  else if (eventsInsert.params.length + rows.length * DELIVERY_COLUMNS.length <= MAX_PARAMS_PER_STATEMENT) {
    const deliveries = insertStatement('deliveries', DELIVERY_COLUMNS, rows);
    await sql.run(`with written_events as (${eventsInsert.sql}) ${deliveries.sql}`, [...eventsInsert.params, ...deliveries.params]);
  } else {
    // A big batch fanned out to many hooks: more parameters than one statement may carry.
    await sql.transaction(async (tx) => {
      await tx.run(eventsInsert.sql, eventsInsert.params);
      await insertDeliveries(tx, rows);
    });
  }
  return fanOut;
}

// PostgreSQL's protocol counts a statement's parameters in 16 bits.
const MAX_PARAMS_PER_STATEMENT = 65_535;

/** The delivery rows for `events` to the hooks read, and what they queue or hand over. */
function planDeliveries(
  hookRows: readonly Row[],
  dialect: SqlDialect,
  events: readonly QueuedEvent[],
  { now: at, selects, handoff }: EnqueueOptions,
): { rows: DeliveryRow[]; fanOut: FanOut } {
  const now = dialect.date(at);
  const leaseEnd = handoff ? dialect.date(handoff.leaseEnd) : null;
  const rows: DeliveryRow[] = [];
  const handedOver: DeliveryJob[] = [];
  let queued = 0;
  // The index found each hook by a pattern that selects one of the events' types: with one type
  // in the batch (most batches, and every group commit of one kind of emit), each hook read
  // wants every event, and its patterns need not be parsed and matched again.
  const oneType = events.every((event) => event.type === events[0].type);
  for (const row of hookRows) {
    const hookId = String(row.id);
    const wanted = oneType ? events : events.filter((event) => selects(readJson<string[]>(row.events), event.type));
    if (wanted.length === 0) continue;
    const enabled = readBoolean(row.enabled);
    const taken = enabled && handoff ? handoff.take({ hookId, rateLimit: readRateLimit(row.rate_limit), ordered: readBoolean(row.ordered) }, wanted.length) : 0;
    const target = taken > 0 ? hookTargetFromRow(hookId, row) : undefined;
    for (const [index, event] of wanted.entries()) {
      const handed = handoff !== undefined && index < taken;
      const delivery = newDelivery(event, hookId, now, enabled ? DeliveryStatus.PENDING : DeliveryStatus.SKIPPED);
      // A disabled hook's delivery waits for a recovery; a handed-over one is leased until its lease ends.
      if (!enabled) delivery.next_attempt_at = null;
      else if (handed) {
        delivery.next_attempt_at = leaseEnd;
        delivery.locked_by = handoff.workerId;
        delivery.locked_until = leaseEnd;
      }
      rows.push(delivery);
      if (handed && target) {
        handedOver.push({
          ...target,
          deliveryId: delivery.id as string,
          eventId: event.id,
          eventType: event.type,
          eventCreatedAt: event.createdAt,
          payloadJson: event.payloadJson,
          attemptCount: 0,
          roundOffset: 0,
          trigger: 'SCHEDULED',
        });
      } else if (enabled) {
        queued++;
      }
    }
  }
  return { rows, fanOut: { queued, handedOver } };
}

/**
 * The hooks with a pattern selecting any of the events' types, found through the pattern
 * index rather than by reading every hook; a hook and its index rows change in one commit, so
 * one statement sees them agree.
 */
async function hooksWanting(session: SqlSession, events: readonly QueuedEvent[], patternsSelecting: EnqueueOptions['patternsSelecting']): Promise<Row[]> {
  const patterns = [...new Set(events.flatMap((event) => patternsSelecting(event.type)))];
  if (patterns.length <= MAX_PATTERNS_PER_LOOKUP) return hooksWithPatterns(session, patterns);
  // Deep custom types in a big batch can need more patterns than a statement takes parameters.
  const byId = new Map<string, Row>();
  for (let start = 0; start < patterns.length; start += MAX_PATTERNS_PER_LOOKUP) {
    for (const row of await hooksWithPatterns(session, patterns.slice(start, start + MAX_PATTERNS_PER_LOOKUP))) byId.set(String(row.id), row);
  }
  return [...byId.values()];
}

// Far below SQLite's 32,766 parameters a statement; a batch of ordinary types needs a few dozen.
const MAX_PATTERNS_PER_LOOKUP = 1_000;

function hooksWithPatterns(session: SqlSession, patterns: readonly string[]): Promise<Row[]> {
  return session.all(
    `select h.id, h.events, h.enabled, ${HOOK_TARGET_COLUMNS} from hooks h
      where h.id in (select p.hook_id from hook_patterns p where p.pattern in (${placeholders(patterns.length)}))`,
    patterns,
  );
}

/**
 * A new delivery of `event` to a hook, due at `now` (a dialect parameter), not leased, its
 * first attempt SCHEDULED; callers change what differs.
 */
export function newDelivery(event: Pick<QueuedEvent, 'id' | 'type'>, hookId: string, now: unknown, status: DeliveryStatus): DeliveryRow {
  return {
    id: newId('dlv'),
    event_id: event.id,
    hook_id: hookId,
    event_type: event.type,
    status,
    attempt_count: 0,
    round_offset: 0,
    next_trigger: 'SCHEDULED',
    next_attempt_at: now,
    locked_by: null,
    locked_until: null,
    created_at: now,
    updated_at: now,
  };
}

/** The one way deliveries are written. */
export function insertDeliveries(session: SqlSession, rows: readonly DeliveryRow[]): Promise<void> {
  return insertRows(session, 'deliveries', DELIVERY_COLUMNS, rows);
}
