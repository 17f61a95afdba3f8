import './heap-policy';
import 'reflect-metadata';
import { startApp } from './app';
import { loadConfig } from './config';

/**
 * `npm start`: reads the environment, starts hookwire for its role, and on SIGTERM or
 * SIGINT stops claiming, lets in-flight requests finish, releases leases and exits.
 */
let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(`hookwire: invalid configuration: ${(error as Error).message}`);
  process.exit(1);
}
const app = await startApp(config);
if (app.generatedAdminKey) {
  // Printed once, on the first start of an empty database; only its hash is stored.
  console.log(`\nhookwire generated an admin API key (shown only now):\n\n  ${app.generatedAdminKey}\n`);
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error) => {
        app.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
