import { ApiKey } from './tables/api-key.entity';
import { DeliveryAttempt } from './tables/delivery-attempt.entity';
import { Delivery } from './tables/delivery.entity';
import { CustomEventType } from './tables/event-type.entity';
import { Event } from './tables/event.entity';
import { Hook } from './tables/hook.entity';
import { HookPattern } from './tables/hook-pattern.entity';

/** Every entity, listed once for the app, the migration CLI and the tests. */
export const ENTITIES = [Hook, HookPattern, Event, CustomEventType, ApiKey, Delivery, DeliveryAttempt];
