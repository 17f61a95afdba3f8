import { ApiKey } from '../auth/api-key.entity';
import { DeliveryAttempt } from '../history/delivery-attempt.entity';
import { Delivery } from '../history/delivery.entity';
import { CustomEventType } from '../events/event-type.entity';
import { Event } from '../events/event.entity';
import { Hook } from '../hooks/hook.entity';

/** Every entity, listed once for the app, the migration CLI and the tests. */
export const ENTITIES = [Hook, Event, CustomEventType, ApiKey, Delivery, DeliveryAttempt];
