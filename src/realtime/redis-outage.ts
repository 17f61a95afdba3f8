import type { Redis } from 'ioredis';
import type { LogPort } from '../logger';


/**
 * Logs a Redis connection's outages once each: a warning when it is lost, a line when it is
 * back (with `summary()`'s fields, e.g. how many messages were dropped meanwhile). ioredis
 * retries with backoff and reports every failed attempt as an `error`; those go to `debug`,
 * or an outage of an hour would write thousands of lines. Returns the function to call before
 * closing the connection on purpose, which is not an outage.
 */
export function logOutages(
  client: Redis,
  connection: 'publish' | 'subscribe',
  logger: LogPort,
  consequence: string,
  summary: () => object = () => ({}),
): () => void {
  let down = false;
  let closing = false;
  const lost = (error?: Error) => {
    if (closing) return;
    if (down) return logger.debug({ connection, err: error }, 'redis still unreachable');
    down = true;
    logger.warn({ connection, err: error }, `redis connection lost: ${consequence} until it is back`);
  };
  client.on('error', lost);
  client.on('close', () => lost());
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info({ connection, ...summary() }, 'redis connection restored');
  });
  return () => {
    closing = true;
  };
}
