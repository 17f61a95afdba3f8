import type { ApiKeyService } from './api-keys/api-key.service';
import type { Config } from './config';
import type { DeliveryPages } from './history/delivery-pages';
import type { DeliveryService } from './history/delivery.service';
import type { OverviewService } from './history/overview.service';
import type { EventTypeService } from './events/event-type.service';
import type { EventService } from './events/event.service';
import type { FirstAttempts } from './events/first-attempts';
import type { HookTestService } from './hooks/hook-test.service';
import type { HookService } from './hooks/hook.service';
import type { HookwirePubSub, LivePubSub } from './realtime/pubsub';

/** The limits the API enforces as it serves: the few settings the server and resolvers read. */
export type ApiLimits = Pick<
  Config,
  'maxPayloadBytes' | 'maxResponseBytes' | 'maxResponsePayloadBytes' | 'maxUnsentBytes' | 'maxConnectionsPerKey' | 'maxSubscriptionsPerKey'
>;

/** The services a process is built from, handed to resolvers through the context: no ORM, no whole config. */
export interface Services {
  limits: ApiLimits;
  pubSub: HookwirePubSub;
  /** The live feed's connection coming back after an outage (see `LivePubSub.onReconnect`). */
  onLiveFeedReconnect: LivePubSub['onReconnect'];
  apiKeys: ApiKeyService;
  eventTypes: EventTypeService;
  events: EventService;
  hooks: HookService;
  hookTests: HookTestService;
  deliveries: DeliveryService;
  /** `Hook.deliveries` and `Event.deliveries`, read for many parents at once. */
  deliveryPages: DeliveryPages;
  /** `emitEvent(waitFor:)`: waiting for an event's first attempts. */
  firstAttempts: FirstAttempts;
  overview: OverviewService;
}
