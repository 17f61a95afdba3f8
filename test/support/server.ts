import { startApp, type App, type AppOverrides } from '../../src/app';
import { loadConfig } from '../../src/config';
import {
  createHookwireClient,
  type CreateHookInput,
  type CreateHookMutation,
  type EmitEventMutation,
  type HookDeliveriesQuery,
  type HookwireClient,
} from '../../src/sdk';
import { createLogger } from '../../src/logger';
import { createTestDatabase, type TestDatabase } from './databases';

/** The admin key every test server starts with. */
export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

/** A real hookwire server on port 0, its database, and an admin SDK client. */
export interface TestServer {
  app: App;
  db: TestDatabase;
  admin: HookwireClient;
  /** An SDK client with another key (or none). */
  client(apiKey?: string): HookwireClient;
  /** Creates a hook (named after its URL) as the admin. */
  createHook(url: string, events: string[], extra?: Partial<CreateHookInput>): Promise<CreateHookMutation['createHook']>;
  /** Emits an event as the admin. */
  emit(event: string, payload?: Record<string, unknown>): Promise<EmitEventMutation['emitEvent']>;
  /** A hook's deliveries, newest first (up to 100). */
  deliveriesOf(hookId: string): Promise<HookDeliveriesQuery['hook']['deliveries']['nodes']>;
  /** Stops the server; `keepDatabase` leaves its database for another server (a restart). */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

/**
 * Starts hookwire as the tests' users would, through its environment, on a fresh database
 * (or on `db`, one a previous server kept). `env` overrides variables (a compressed retry
 * schedule, a short timeout…).
 */
export async function startTestServer(
  kind: 'sqlite' | 'postgres',
  env: Record<string, string> = {},
  overrides: AppOverrides = {},
  existing?: TestDatabase,
): Promise<TestServer> {
  const db = existing ?? (await createTestDatabase(kind));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    HOOKWIRE_ADMIN_KEY: ADMIN_KEY,
    HOOKWIRE_ALLOW_PRIVATE_TARGETS: 'true',
    HOOKWIRE_POLL_INTERVAL: '100ms',
    HOOKWIRE_SHUTDOWN_GRACE: '2s',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...env,
  });
  const app = await startApp(config, { logger: createLogger(config.logLevel), ...overrides });
  const clients: HookwireClient[] = [];
  const client = (apiKey?: string) => {
    const created = createHookwireClient({ url: app.url, apiKey });
    clients.push(created);
    return created;
  };
  const admin = client(ADMIN_KEY);
  return {
    app,
    db,
    admin,
    client,
    createHook: async (url, events, extra = {}) => (await admin.CreateHook({ input: { name: `hook ${url}`, url, events, ...extra } })).createHook,
    emit: async (event, payload = {}) => (await admin.EmitEvent({ input: { event, payload } })).emitEvent,
    deliveriesOf: async (hookId) => (await admin.HookDeliveries({ id: hookId, first: 100 })).hook.deliveries.nodes,
    async close(options = {}) {
      await Promise.all(clients.map((created) => created.close()));
      await app.close();
      if (!options.keepDatabase) await db.drop();
    },
  };
}

/**
 * `count` hookwire api processes (in-process apps) on one database, their live feed shared
 * through Redis at `redisUrl`: what a test of cross-process behaviour (revocations, cache
 * invalidation) runs against. The caller closes the apps before dropping `db`.
 */
export async function startApiProcesses(count: number, db: TestDatabase, redisUrl: string): Promise<App[]> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    HOOKWIRE_ADMIN_KEY: ADMIN_KEY,
    HOOKWIRE_ROLE: 'api',
    HOOKWIRE_SHUTDOWN_GRACE: '1s',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  });
  const apps: App[] = [];
  for (let i = 0; i < count; i++) apps.push(await startApp(config, { logger: createLogger(config.logLevel) }));
  return apps;
}
