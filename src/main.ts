import './heap-policy';
import 'reflect-metadata';
import { startApp, type App } from './app';
import { ConfigError, loadConfig } from './config';

/**
 * `npm start`: reads the environment, starts hookwire for its role, and on SIGTERM or
 * SIGINT stops claiming, lets in-flight requests finish, releases leases and exits.
 * (`npm start` execs node, so the signal npm forwards reaches this process, not a shell.)
 */
let app: App | undefined;
let stopping = false;

// Registered before anything starts: a signal during boot must not find Node's default
// (instant death), and one that comes right after boot must find the shutdown below.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Still starting: nothing is served or claimed yet, and the database undoes an unfinished
    // migration. Exit as the signal's default would (128 + its number).
    if (!app) process.exit(signal === 'SIGTERM' ? 143 : 130);
    const running = app;
    running.logger.info({ signal }, 'shutting down');
    running.close().then(
      () => {
        running.logger.info('hookwire stopped');
        process.exit(0);
      },
      (error) => {
        running.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

try {
  app = await startApp(loadConfig());
} catch (error) {
  if (error instanceof ConfigError) {
    // The operator's setting, not our bug: one line naming the variable, no stack.
    console.error(`hookwire: invalid configuration: ${error.message}`);
    process.exit(2);
  }
  console.error('hookwire: could not start:', error);
  process.exit(1);
}
if (app.generatedAdminKey) {
  // Printed once, on the first start of an empty database, by a process that serves the API;
  // only its hash is stored.
  console.log(`\nhookwire generated an admin API key (shown only now):\n\n  ${app.generatedAdminKey}\n`);
}
