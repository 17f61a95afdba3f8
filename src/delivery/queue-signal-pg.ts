import pg from 'pg';
import type { LogPort } from '../logger';
import { backoffAfter } from './backoff';
import type { OutageReporter } from './delivery-log';
import type { QueueSignal } from './queue-signal';

/** The PostgreSQL signal for a database URL and schema. */
export function createPgQueueSignal(url: string, schema: string | undefined, logger: LogPort, outage?: OutageReporter): QueueSignal {
  const channel = `hookwire_queue_${(schema ?? 'public').replace(/[^a-zA-Z0-9_]/g, '_')}`.slice(0, 63);
  const notifier = new pg.Pool({ connectionString: url, max: 1 });
  notifier.on('error', (error) => {
    if (!outage?.report(error, 'queue signal')) logger.warn({ err: error }, 'queue signal: notify connection error');
  });
  let pending = false;
  let closed = false;
  let listener: pg.Client | undefined;
  let listening = false;
  let connected = false;
  let failures = 0;

  const connect = async (onWake: () => void): Promise<void> => {
    if (closed) return;
    const client = new pg.Client({ connectionString: url });
    listener = client;
    const reconnect = (error?: Error) => {
      if (client !== listener || closed) return;
      const lost = connected || failures === 0;
      connected = false;
      listener = undefined;
      void client.end().catch(() => undefined);
      const wait = backoffAfter(failures++);
      // While the database is down, every reconnect fails: the outage log says so once. A
      // reconnect that fails without saying why (the peer took the connection and ended it) is
      // the same outage going on, not news: only losing a working connection is.
      const reported = error !== undefined && outage?.report(error, 'queue signal') === true;
      if (!reported && lost) logger.warn({ err: error, retryInMs: wait }, 'queue signal: listening connection lost; reconnecting');
      else if (!reported) logger.debug({ err: error, retryInMs: wait }, 'queue signal: reconnect failed');
      setTimeout(() => void connect(onWake), wait);
    };
    client.on('error', reconnect);
    client.on('end', () => reconnect());
    client.on('notification', () => onWake());
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
      connected = true;
      failures = 0;
      onWake(); // anything signalled while we were away is due now
    } catch (error) {
      reconnect(error as Error);
    }
  };

  return {
    notify() {
      if (pending || closed) return;
      pending = true;
      setImmediate(() => {
        pending = false;
        notifier.query(`notify ${channel}`).catch((error) => {
          if (!outage?.report(error, 'queue signal')) logger.warn({ err: error }, 'queue signal: notify failed');
        });
      });
    },
    listen(onWake) {
      listening = true;
      void connect(onWake);
    },
    healthy: () => !listening || connected,
    async close() {
      closed = true;
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
      await notifier.end();
    },
  };
}
