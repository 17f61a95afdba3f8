import type { ApiKeyService } from './auth/api-key.service';
import type { Config } from './config';
import type { Orm } from './db/database';
import type { DeliveryService } from './history/delivery.service';
import type { OverviewService } from './history/overview.service';
import type { EventTypeService } from './events/event-type.service';
import type { EventService } from './events/event.service';
import type { HookTestService } from './hooks/hook-test.service';
import type { HookService } from './hooks/hook.service';
import type { HookwirePubSub, LivePubSub } from './realtime/pubsub';

/** The services a process is built from, handed to resolvers through the context. */
export interface Services {
  config: Config;
  orm: Orm;
  pubSub: HookwirePubSub;
  /** The live feed's connection coming back after an outage (see `LivePubSub.onReconnect`). */
  onLiveFeedReconnect: LivePubSub['onReconnect'];
  apiKeys: ApiKeyService;
  eventTypes: EventTypeService;
  events: EventService;
  hooks: HookService;
  hookTests: HookTestService;
  deliveries: DeliveryService;
  overview: OverviewService;
}
