/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  scopes: Array<ApiKeyScope>;
};

export type ApiKeyConnection = {
  __typename?: 'ApiKeyConnection';
  nodes: Array<ApiKey>;
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** ADMIN may do everything, EMIT only emitEvent, READ queries and subscriptions. */
export const ApiKeyScope = {
  Admin: 'ADMIN',
  Emit: 'EMIT',
  Read: 'READ'
} as const;

export type ApiKeyScope = typeof ApiKeyScope[keyof typeof ApiKeyScope];
export type AttemptHourNode = {
  __typename?: 'AttemptHourNode';
  failed: Scalars['Int']['output'];
  /** The start of the hour (UTC). */
  hour: Scalars['DateTime']['output'];
  succeeded: Scalars['Int']['output'];
};

export type AttemptRequest = {
  __typename?: 'AttemptRequest';
  /** Counts against HOOKWIRE_MAX_RESPONSE_PAYLOAD_BYTES per answer; past it, RESPONSE_TOO_LARGE. */
  body: Scalars['String']['output'];
  headers: Array<HookHeader>;
  url: Scalars['String']['output'];
};

export type CreateApiKeyInput = {
  name: Scalars['String']['input'];
  scopes: Array<ApiKeyScope>;
};

export type CreateEventTypeInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** A dotted name such as `Invoice.Paid`. */
  name: Scalars['String']['input'];
};

export type CreateHookInput = {
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Catalogue event types or patterns such as `User.*` or `*`. */
  events: Array<Scalars['String']['input']>;
  headers?: InputMaybe<Array<HookHeaderInput>>;
  /** 1 to 256 characters. */
  name: Scalars['String']['input'];
  /** Deliver strictly in event order, one at a time. */
  ordered?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most this many requests per second to the endpoint. */
  rateLimit?: InputMaybe<Scalars['Int']['input']>;
  /** An http(s) URL. */
  url: Scalars['String']['input'];
};

export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  /** Send as `Authorization: Bearer <key>`. Not retrievable later. */
  key: Scalars['String']['output'];
};

export type Delivery = {
  __typename?: 'Delivery';
  attemptCount: Scalars['Int']['output'];
  /** Every attempt, first to last. */
  attempts: Array<DeliveryAttempt>;
  createdAt: Scalars['DateTime']['output'];
  /** The event type. */
  event: Scalars['String']['output'];
  eventId: Scalars['ID']['output'];
  hookId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  lastError: Maybe<Scalars['String']['output']>;
  nextAttemptAt: Maybe<Scalars['DateTime']['output']>;
  status: DeliveryStatus;
  updatedAt: Scalars['DateTime']['output'];
};

export type DeliveryAttempt = {
  __typename?: 'DeliveryAttempt';
  durationMs: Scalars['Int']['output'];
  /** `http`, `timeout`, `network` or `blocked`; null on success. */
  errorKind: Maybe<Scalars['String']['output']>;
  errorMessage: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** 1 for the first attempt. */
  number: Scalars['Int']['output'];
  request: AttemptRequest;
  /** Truncated to HOOKWIRE_MAX_RESPONSE_BYTES. Counts against HOOKWIRE_MAX_RESPONSE_PAYLOAD_BYTES per answer; past it, RESPONSE_TOO_LARGE. */
  responseBody: Maybe<Scalars['String']['output']>;
  responseStatus: Maybe<Scalars['Int']['output']>;
  startedAt: Scalars['DateTime']['output'];
  succeeded: Scalars['Boolean']['output'];
  /** SCHEDULED, or MANUAL for a redelivery asked for by hand. */
  trigger: Scalars['String']['output'];
};

export type DeliveryConnection = {
  __typename?: 'DeliveryConnection';
  nodes: Array<Delivery>;
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** PENDING waits for its first attempt, RETRYING for a later one; SUCCEEDED and FAILED are final until redelivered; SKIPPED was recorded while the hook was disabled. */
export const DeliveryStatus = {
  Failed: 'FAILED',
  Pending: 'PENDING',
  Retrying: 'RETRYING',
  Skipped: 'SKIPPED',
  Succeeded: 'SUCCEEDED'
} as const;

export type DeliveryStatus = typeof DeliveryStatus[keyof typeof DeliveryStatus];
export type DeliveryUpdate = {
  __typename?: 'DeliveryUpdate';
  attemptNumber: Scalars['Int']['output'];
  deliveryId: Scalars['ID']['output'];
  durationMs: Scalars['Int']['output'];
  errorKind: Maybe<Scalars['String']['output']>;
  errorMessage: Maybe<Scalars['String']['output']>;
  event: Scalars['String']['output'];
  eventId: Scalars['ID']['output'];
  hookId: Scalars['ID']['output'];
  nextAttemptAt: Maybe<Scalars['DateTime']['output']>;
  responseStatus: Maybe<Scalars['Int']['output']>;
  startedAt: Scalars['DateTime']['output'];
  /** The delivery status after this attempt. */
  status: DeliveryStatus;
  succeeded: Scalars['Boolean']['output'];
};

export type EmitEventInput = {
  /** A catalogue event type. */
  event: Scalars['String']['input'];
  /** Unique per API key: the same key again with the same input returns the first event; with another input it is a CONFLICT. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The fields to deliver (e.g. `userId`, `user`, `data`); not `hookId`, `event` or `createdAt`. */
  payload: Scalars['JSONObject']['input'];
};

export type Event = {
  __typename?: 'Event';
  createdAt: Scalars['DateTime']['output'];
  /** Where the event went: one delivery per hook. */
  deliveries: DeliveryConnection;
  /** The event type, e.g. `User.Created`. */
  event: Scalars['String']['output'];
  /** `evt_` + ULID; sent as `webhook-id`. */
  id: Scalars['ID']['output'];
  idempotencyKey: Maybe<Scalars['String']['output']>;
  /** Counts against HOOKWIRE_MAX_RESPONSE_PAYLOAD_BYTES per answer; past it, RESPONSE_TOO_LARGE. */
  payload: Scalars['JSONObject']['output'];
};


export type EventDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type EventConnection = {
  __typename?: 'EventConnection';
  nodes: Array<Event>;
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Which family of events a type belongs to. */
export const EventGroup = {
  Custom: 'CUSTOM',
  Data: 'DATA',
  Exception: 'EXCEPTION',
  Interaction: 'INTERACTION',
  Operational: 'OPERATIONAL'
} as const;

export type EventGroup = typeof EventGroup[keyof typeof EventGroup];
export type EventType = {
  __typename?: 'EventType';
  description: Scalars['String']['output'];
  group: EventGroup;
  name: Scalars['String']['output'];
};

export type Hook = {
  __typename?: 'Hook';
  createdAt: Scalars['DateTime']['output'];
  /** Deliveries to this hook, newest first. */
  deliveries: DeliveryConnection;
  disabledAt: Maybe<Scalars['DateTime']['output']>;
  /** Why hookwire disabled the hook, if it did. */
  disabledReason: Maybe<Scalars['String']['output']>;
  enabled: Scalars['Boolean']['output'];
  /** Event types and patterns (`User.*`, `*`) this hook receives. */
  events: Array<Scalars['String']['output']>;
  /** Attempts and successes in the last 24 hours. */
  executionStats: HookExecutionStats;
  /** When the current run of failed attempts began; null after any success. */
  failingSince: Maybe<Scalars['DateTime']['output']>;
  headers: Array<HookHeader>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Deliveries go out strictly in event order, one at a time. */
  ordered: Scalars['Boolean']['output'];
  /** At most this many requests per second, if set. */
  rateLimit: Maybe<Scalars['Int']['output']>;
  /** Old keys still signing during a rotation. Admin keys only. */
  retiredSigningKeys: Array<RetiredSigningKey>;
  /** The secret receivers verify signatures with. Admin keys only. */
  signingKey: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  url: Scalars['String']['output'];
};


export type HookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  event?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<DeliveryStatus>;
};

export type HookConnection = {
  __typename?: 'HookConnection';
  nodes: Array<Hook>;
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type HookExecutionStats = {
  __typename?: 'HookExecutionStats';
  requestCount: Scalars['Int']['output'];
  successCount: Scalars['Int']['output'];
};

export type HookHeader = {
  __typename?: 'HookHeader';
  name: Scalars['String']['output'];
  /** A custom header's value is readable by ADMIN keys only; other keys read `[redacted]` (hookwire's own headers of an attempt stay readable). */
  value: Scalars['String']['output'];
};

export type HookHeaderInput = {
  name: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Creates a key; its secret is in the answer and nowhere else. */
  createApiKey: CreatedApiKey;
  /** Registers a custom event type. */
  createEventType: EventType;
  /** Creates a hook with a new signing key. */
  createHook: Hook;
  /** Deletes a custom event type and returns it. Refused for built-in types, and with EVENT_TYPE_IN_USE while a hook names it in its events. Stored events of the type stay. */
  deleteEventType: EventType;
  /** Deletes a hook with its deliveries; returns its id. */
  deleteHook: Scalars['ID']['output'];
  /** Stores an event and queues a delivery to every matching hook. With `waitFor` (at most 30s), answers once each delivery's first attempt is made (or the time is up): read them in `deliveries`. */
  emitEvent: Event;
  /** Stores up to 500 events in one transaction, each validated as by emitEvent; one bad input rejects the batch. */
  emitEvents: Array<Event>;
  /** Ends the grace period of every retired signing key now (say, one leaked); the current key stays. */
  endRetiredSigningKeys: Hook;
  /** Re-queues a hook's FAILED and SKIPPED deliveries created in [since, until]; returns how many. */
  recoverFailedDeliveries: Scalars['Int']['output'];
  /** A new round of attempts for a delivery, whatever its status, signed with the hook's current key. */
  redeliver: Delivery;
  /** Replaces the signing key; the old one keeps signing beside it for `gracePeriod` (default 24h, at most 7d). `0s` ends every retired key as well. */
  regenerateSigningKey: Hook;
  /** Delivers a stored event to a hook that did not get it (or again, if it did). */
  replayEvent: Delivery;
  /** Revokes a key: requests with it fail from now on and its WebSocket connections are closed (4403). The last active ADMIN key is refused (CONFLICT) unless HOOKWIRE_ADMIN_KEY is set. */
  revokeApiKey: ApiKey;
  /** Sends a signed sample payload for `event` now, with the stored signing key; nothing is stored. `config` tests unsaved settings (the console's form) in place of the stored ones. */
  testHook: TestHookResult;
  /** Changes the given fields of a hook. */
  updateHook: Hook;
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreateEventTypeArgs = {
  input: CreateEventTypeInput;
};


export type MutationCreateHookArgs = {
  input: CreateHookInput;
};


export type MutationDeleteEventTypeArgs = {
  name: Scalars['String']['input'];
};


export type MutationDeleteHookArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEmitEventArgs = {
  input: EmitEventInput;
  waitFor?: InputMaybe<Scalars['String']['input']>;
};


export type MutationEmitEventsArgs = {
  inputs: Array<EmitEventInput>;
};


export type MutationEndRetiredSigningKeysArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRecoverFailedDeliveriesArgs = {
  hookId: Scalars['ID']['input'];
  since: Scalars['DateTime']['input'];
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationRedeliverArgs = {
  deliveryId: Scalars['ID']['input'];
};


export type MutationRegenerateSigningKeyArgs = {
  gracePeriod?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationReplayEventArgs = {
  eventId: Scalars['ID']['input'];
  hookId: Scalars['ID']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationTestHookArgs = {
  config?: InputMaybe<TestHookConfigInput>;
  event: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationUpdateHookArgs = {
  id: Scalars['ID']['input'];
  input: UpdateHookInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to read the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  apiKeys: ApiKeyConnection;
  /** Delivery attempts per hour over the last `hours` hours (default 24, at most 168), oldest first, the current hour last. */
  attemptSeries: Array<AttemptHourNode>;
  /** Every delivery, newest first, across hooks or for one: by status, event type or pattern, and creation time. */
  deliveries: DeliveryConnection;
  delivery: Delivery;
  event: Event;
  /** Logto's event catalogue plus registered custom types. */
  eventTypes: Array<EventType>;
  /** Emitted events, newest first. */
  events: EventConnection;
  hook: Hook;
  /** Hooks, newest first. */
  hooks: HookConnection;
  /** The delivery queue now: depth and the age of the oldest due delivery. */
  queue: QueueStatus;
  /** The API key of this request and its scopes; any valid key may ask. */
  viewer: Viewer;
};


export type QueryApiKeysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAttemptSeriesArgs = {
  hours?: Scalars['Int']['input'];
};


export type QueryDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  event?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  hookId?: InputMaybe<Scalars['ID']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  status?: InputMaybe<DeliveryStatus>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEventArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  types?: InputMaybe<Array<Scalars['String']['input']>>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryHookArgs = {
  id: Scalars['ID']['input'];
};


export type QueryHooksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueueStatus = {
  __typename?: 'QueueStatus';
  /** Deliveries whose time has come, not yet claimed by a worker. */
  due: Scalars['Int']['output'];
  /** How long, in seconds, that delivery has waited. */
  oldestDueAgeSeconds: Maybe<Scalars['Int']['output']>;
  /** When the longest-waiting due delivery came due; null when none is due. */
  oldestDueAt: Maybe<Scalars['DateTime']['output']>;
  /** Deliveries not final yet: due, waiting for a retry, in flight, or parked on a disabled hook. */
  open: Scalars['Int']['output'];
};

export type RetiredSigningKey = {
  __typename?: 'RetiredSigningKey';
  expiresAt: Scalars['DateTime']['output'];
  key: Scalars['String']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Each delivery attempt as it finishes; `hookId` narrows it to one hook's. */
  deliveryUpdated: DeliveryUpdate;
  /** Every emitted event, live; `types` takes exact names or patterns (`User.*`), validated as a hook's `events`. */
  events: Event;
};


export type SubscriptionDeliveryUpdatedArgs = {
  hookId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionEventsArgs = {
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type TestHookConfigInput = {
  /** Custom headers; default: the hook's. */
  headers?: InputMaybe<Array<HookHeaderInput>>;
  /** An http(s) URL; default: the hook's. */
  url?: InputMaybe<Scalars['String']['input']>;
};

export type TestHookResult = {
  __typename?: 'TestHookResult';
  durationMs: Scalars['Int']['output'];
  /** Why the test failed: an HTTP status, a timeout, a refused connection… */
  error: Maybe<Scalars['String']['output']>;
  /** True for a 2xx answer within the timeout. */
  ok: Scalars['Boolean']['output'];
  /** Truncated to HOOKWIRE_MAX_RESPONSE_BYTES. */
  responseBody: Maybe<Scalars['String']['output']>;
  responseStatus: Maybe<Scalars['Int']['output']>;
  /** The endpoint the sample was sent to. */
  url: Scalars['String']['output'];
};

export type UpdateHookInput = {
  /** Re-enabling clears `disabledReason`. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  events?: InputMaybe<Array<Scalars['String']['input']>>;
  headers?: InputMaybe<Array<HookHeaderInput>>;
  name?: InputMaybe<Scalars['String']['input']>;
  ordered?: InputMaybe<Scalars['Boolean']['input']>;
  /** Requests per second; an explicit null removes the limit. */
  rateLimit?: InputMaybe<Scalars['Int']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
};

export type Viewer = {
  __typename?: 'Viewer';
  /** The key's id, or `env` for HOOKWIRE_ADMIN_KEY. */
  keyId: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  scopes: Array<ApiKeyScope>;
};

export type ConsoleViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', keyId: string, name: string, scopes: Array<ApiKeyScope> } };

export type ConsoleEventTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleEventTypesQuery = { __typename?: 'Query', eventTypes: Array<{ __typename?: 'EventType', name: string, group: EventGroup, description: string }> };

export type ConsoleApiKeysQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleApiKeysQuery = { __typename?: 'Query', apiKeys: { __typename?: 'ApiKeyConnection', totalCount: number, nodes: Array<{ __typename?: 'ApiKey', id: string, name: string, scopes: Array<ApiKeyScope>, createdAt: string, revokedAt: string | null }>, pageInfo: { __typename?: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type ConsoleCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type ConsoleCreateApiKeyMutation = { __typename?: 'Mutation', createApiKey: { __typename?: 'CreatedApiKey', key: string, apiKey: { __typename?: 'ApiKey', id: string, name: string } } };

export type ConsoleRevokeApiKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleRevokeApiKeyMutation = { __typename?: 'Mutation', revokeApiKey: { __typename?: 'ApiKey', id: string, revokedAt: string | null } };

export type CreateWebhookMutationVariables = Exact<{
  input: CreateHookInput;
}>;


export type CreateWebhookMutation = { __typename?: 'Mutation', createHook: { __typename?: 'Hook', id: string, name: string } };

export type ConsoleCreateEventTypeMutationVariables = Exact<{
  input: CreateEventTypeInput;
}>;


export type ConsoleCreateEventTypeMutation = { __typename?: 'Mutation', createEventType: { __typename?: 'EventType', name: string, group: EventGroup, description: string } };

export type ConsoleDeleteEventTypeMutationVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type ConsoleDeleteEventTypeMutation = { __typename?: 'Mutation', deleteEventType: { __typename?: 'EventType', name: string } };

export type EventLogQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  types?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
}>;


export type EventLogQuery = { __typename?: 'Query', events: { __typename?: 'EventConnection', totalCount: number, nodes: Array<{ __typename?: 'Event', id: string, event: string, createdAt: string, idempotencyKey: string | null }>, pageInfo: { __typename?: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type LiveEventsSubscriptionVariables = Exact<{
  types?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type LiveEventsSubscription = { __typename?: 'Subscription', events: { __typename?: 'Event', id: string, event: string, createdAt: string, idempotencyKey: string | null } };

export type EventDetailsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EventDetailsQuery = { __typename?: 'Query', event: { __typename?: 'Event', id: string, event: string, payload: Record<string, unknown>, idempotencyKey: string | null, createdAt: string, deliveries: { __typename?: 'DeliveryConnection', totalCount: number, nodes: Array<{ __typename?: 'Delivery', id: string, hookId: string, status: DeliveryStatus, attemptCount: number, lastError: string | null, updatedAt: string }> } } };

export type ConsoleReplayEventMutationVariables = Exact<{
  eventId: Scalars['ID']['input'];
  hookId: Scalars['ID']['input'];
}>;


export type ConsoleReplayEventMutation = { __typename?: 'Mutation', replayEvent: { __typename?: 'Delivery', id: string, hookId: string, status: DeliveryStatus } };

export type ConsoleOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleOverviewQuery = { __typename?: 'Query', attemptSeries: Array<{ __typename?: 'AttemptHourNode', hour: string, succeeded: number, failed: number }>, queue: { __typename?: 'QueueStatus', due: number, open: number, oldestDueAt: string | null, oldestDueAgeSeconds: number | null } };

export type WebhookDeliveryQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebhookDeliveryQuery = { __typename?: 'Query', delivery: { __typename?: 'Delivery', id: string, hookId: string, eventId: string, event: string, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastError: string | null, createdAt: string, updatedAt: string, attempts: Array<{ __typename?: 'DeliveryAttempt', id: string, number: number, trigger: string, startedAt: string, durationMs: number, succeeded: boolean, responseStatus: number | null, responseBody: string | null, errorKind: string | null, errorMessage: string | null, request: { __typename?: 'AttemptRequest', url: string, body: string, headers: Array<{ __typename?: 'HookHeader', name: string, value: string }> } }> } };

export type ResendDeliveryMutationVariables = Exact<{
  deliveryId: Scalars['ID']['input'];
}>;


export type ResendDeliveryMutation = { __typename?: 'Mutation', redeliver: { __typename?: 'Delivery', id: string, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null } };

export type WebhookDeliveriesQueryVariables = Exact<{
  hookId: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<DeliveryStatus>;
  event?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
}>;


export type WebhookDeliveriesQuery = { __typename?: 'Query', deliveries: { __typename?: 'DeliveryConnection', totalCount: number, nodes: Array<{ __typename?: 'Delivery', id: string, hookId: string, eventId: string, event: string, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastError: string | null, createdAt: string, updatedAt: string }>, pageInfo: { __typename?: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type WebhookAttemptsSubscriptionVariables = Exact<{
  hookId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type WebhookAttemptsSubscription = { __typename?: 'Subscription', deliveryUpdated: { __typename?: 'DeliveryUpdate', deliveryId: string, hookId: string, eventId: string, event: string, status: DeliveryStatus, attemptNumber: number, succeeded: boolean, responseStatus: number | null, errorKind: string | null, errorMessage: string | null, durationMs: number, nextAttemptAt: string | null, startedAt: string } };

export type RecoverWebhookDeliveriesMutationVariables = Exact<{
  hookId: Scalars['ID']['input'];
  since: Scalars['DateTime']['input'];
  until?: InputMaybe<Scalars['DateTime']['input']>;
}>;


export type RecoverWebhookDeliveriesMutation = { __typename?: 'Mutation', recoverFailedDeliveries: number };

export type WebhookSigningKeyQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebhookSigningKeyQuery = { __typename?: 'Query', hook: { __typename?: 'Hook', id: string, signingKey: string, retiredSigningKeys: Array<{ __typename?: 'RetiredSigningKey', key: string, expiresAt: string }> } };

export type SigningKeysFragment = { __typename?: 'Hook', id: string, signingKey: string, retiredSigningKeys: Array<{ __typename?: 'RetiredSigningKey', key: string, expiresAt: string }> };

export type RegenerateWebhookKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  gracePeriod?: InputMaybe<Scalars['String']['input']>;
}>;


export type RegenerateWebhookKeyMutation = { __typename?: 'Mutation', regenerateSigningKey: { __typename?: 'Hook', id: string, signingKey: string, retiredSigningKeys: Array<{ __typename?: 'RetiredSigningKey', key: string, expiresAt: string }> } };

export type EndRetiredWebhookKeysMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EndRetiredWebhookKeysMutation = { __typename?: 'Mutation', endRetiredSigningKeys: { __typename?: 'Hook', id: string, signingKey: string, retiredSigningKeys: Array<{ __typename?: 'RetiredSigningKey', key: string, expiresAt: string }> } };

export type TestWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  event: Scalars['String']['input'];
  config?: InputMaybe<TestHookConfigInput>;
}>;


export type TestWebhookMutation = { __typename?: 'Mutation', testHook: { __typename?: 'TestHookResult', ok: boolean, url: string, responseStatus: number | null, responseBody: string | null, durationMs: number, error: string | null } };

export type WebhookDetailsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebhookDetailsQuery = { __typename?: 'Query', hook: { __typename?: 'Hook', id: string, name: string, events: Array<string>, url: string, enabled: boolean, ordered: boolean, rateLimit: number | null, createdAt: string, updatedAt: string, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, executionStats: { __typename?: 'HookExecutionStats', requestCount: number, successCount: number }, headers: Array<{ __typename?: 'HookHeader', name: string, value: string }> } };

export type UpdateWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateHookInput;
}>;


export type UpdateWebhookMutation = { __typename?: 'Mutation', updateHook: { __typename?: 'Hook', id: string, name: string, events: Array<string>, url: string, enabled: boolean, ordered: boolean, rateLimit: number | null, createdAt: string, updatedAt: string, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, headers: Array<{ __typename?: 'HookHeader', name: string, value: string }> } };

export type DeleteWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteWebhookMutation = { __typename?: 'Mutation', deleteHook: string };

export type WebhooksPageQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebhooksPageQuery = { __typename?: 'Query', hooks: { __typename?: 'HookConnection', totalCount: number, nodes: Array<{ __typename?: 'Hook', id: string, name: string, events: Array<string>, enabled: boolean, disabledReason: string | null, failingSince: string | null, executionStats: { __typename?: 'HookExecutionStats', requestCount: number, successCount: number } }>, pageInfo: { __typename?: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type LiveAttemptsSubscriptionVariables = Exact<{
  hookId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type LiveAttemptsSubscription = { __typename?: 'Subscription', deliveryUpdated: { __typename?: 'DeliveryUpdate', deliveryId: string, hookId: string, succeeded: boolean, status: DeliveryStatus, startedAt: string } };

export type HookFieldsFragment = { __typename?: 'Hook', id: string, name: string, events: Array<string>, url: string, enabled: boolean, ordered: boolean, rateLimit: number | null, createdAt: string, updatedAt: string, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, headers: Array<{ __typename?: 'HookHeader', name: string, value: string }> };

export type EventFieldsFragment = { __typename?: 'Event', id: string, event: string, payload: Record<string, unknown>, idempotencyKey: string | null, createdAt: string };

export type DeliveryFieldsFragment = { __typename?: 'Delivery', id: string, hookId: string, eventId: string, event: string, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastError: string | null, createdAt: string, updatedAt: string };

export type AttemptFieldsFragment = { __typename?: 'DeliveryAttempt', id: string, number: number, trigger: string, startedAt: string, durationMs: number, succeeded: boolean, responseStatus: number | null, responseBody: string | null, errorKind: string | null, errorMessage: string | null, request: { __typename?: 'AttemptRequest', url: string, body: string, headers: Array<{ __typename?: 'HookHeader', name: string, value: string }> } };

export type AttemptAnswerFieldsFragment = { __typename?: 'DeliveryAttempt', id: string, number: number, trigger: string, startedAt: string, durationMs: number, succeeded: boolean, responseStatus: number | null, responseBody: string | null, errorKind: string | null, errorMessage: string | null };

export type PageInfoFieldsFragment = { __typename?: 'PageInfo', endCursor: string | null, hasNextPage: boolean };

export type DeliveryUpdateFieldsFragment = { __typename?: 'DeliveryUpdate', deliveryId: string, hookId: string, eventId: string, event: string, status: DeliveryStatus, attemptNumber: number, succeeded: boolean, responseStatus: number | null, errorKind: string | null, errorMessage: string | null, durationMs: number, nextAttemptAt: string | null, startedAt: string };

export type DeliveryOutcomeFieldsFragment = { __typename?: 'Delivery', id: string, eventId: string, event: string, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null, createdAt: string, updatedAt: string };

export type AttemptOutcomeFieldsFragment = { __typename?: 'DeliveryAttempt', id: string, number: number, trigger: string, startedAt: string, durationMs: number, succeeded: boolean, responseStatus: number | null, errorKind: string | null };

export const SigningKeysFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SigningKeys"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Hook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"signingKey"}},{"kind":"Field","name":{"kind":"Name","value":"retiredSigningKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<SigningKeysFragment, unknown>;
export const HookFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Hook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"headers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"ordered"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimit"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}}]}}]} as unknown as DocumentNode<HookFieldsFragment, unknown>;
export const EventFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Event"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<EventFieldsFragment, unknown>;
export const DeliveryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hookId"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<DeliveryFieldsFragment, unknown>;
export const AttemptFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryAttempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"headers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"responseBody"}},{"kind":"Field","name":{"kind":"Name","value":"errorKind"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}}]}}]} as unknown as DocumentNode<AttemptFieldsFragment, unknown>;
export const AttemptAnswerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptAnswerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryAttempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"responseBody"}},{"kind":"Field","name":{"kind":"Name","value":"errorKind"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}}]}}]} as unknown as DocumentNode<AttemptAnswerFieldsFragment, unknown>;
export const PageInfoFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]} as unknown as DocumentNode<PageInfoFieldsFragment, unknown>;
export const DeliveryUpdateFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryUpdateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryUpdate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"hookId"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptNumber"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"errorKind"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]} as unknown as DocumentNode<DeliveryUpdateFieldsFragment, unknown>;
export const DeliveryOutcomeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryOutcomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<DeliveryOutcomeFieldsFragment, unknown>;
export const AttemptOutcomeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptOutcomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryAttempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"errorKind"}}]}}]} as unknown as DocumentNode<AttemptOutcomeFieldsFragment, unknown>;
export const ConsoleViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}}]}}]} as unknown as DocumentNode<ConsoleViewerQuery, ConsoleViewerQueryVariables>;
export const ConsoleEventTypesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleEventTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<ConsoleEventTypesQuery, ConsoleEventTypesQueryVariables>;
export const ConsoleApiKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleApiKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<ConsoleApiKeysQuery, ConsoleApiKeysQueryVariables>;
export const ConsoleCreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleCreateApiKeyMutation, ConsoleCreateApiKeyMutationVariables>;
export const ConsoleRevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleRevokeApiKeyMutation, ConsoleRevokeApiKeyMutationVariables>;
export const CreateWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateHookInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createHook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateWebhookMutation, CreateWebhookMutationVariables>;
export const ConsoleCreateEventTypeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCreateEventType"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEventTypeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEventType"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<ConsoleCreateEventTypeMutation, ConsoleCreateEventTypeMutationVariables>;
export const ConsoleDeleteEventTypeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleDeleteEventType"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteEventType"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleDeleteEventTypeMutation, ConsoleDeleteEventTypeMutationVariables>;
export const EventLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<EventLogQuery, EventLogQueryVariables>;
export const LiveEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}}]}}]} as unknown as DocumentNode<LiveEventsSubscription, LiveEventsSubscriptionVariables>;
export const EventDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hookId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]} as unknown as DocumentNode<EventDetailsQuery, EventDetailsQueryVariables>;
export const ConsoleReplayEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleReplayEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"eventId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hookId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"eventId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"eventId"}}},{"kind":"Argument","name":{"kind":"Name","value":"hookId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hookId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hookId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ConsoleReplayEventMutation, ConsoleReplayEventMutationVariables>;
export const ConsoleOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attemptSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hours"},"value":{"kind":"IntValue","value":"24"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hour"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"queue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"oldestDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"oldestDueAgeSeconds"}}]}}]}}]} as unknown as DocumentNode<ConsoleOverviewQuery, ConsoleOverviewQueryVariables>;
export const WebhookDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeliveryFields"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttemptFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hookId"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryAttempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"headers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"responseBody"}},{"kind":"Field","name":{"kind":"Name","value":"errorKind"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}}]}}]} as unknown as DocumentNode<WebhookDeliveryQuery, WebhookDeliveryQueryVariables>;
export const ResendDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deliveryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeliver"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deliveryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deliveryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]}}]} as unknown as DocumentNode<ResendDeliveryMutation, ResendDeliveryMutationVariables>;
export const WebhookDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hookId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"event"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hookId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hookId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"event"},"value":{"kind":"Variable","name":{"kind":"Name","value":"event"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeliveryFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Delivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hookId"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]} as unknown as DocumentNode<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const WebhookAttemptsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WebhookAttempts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hookId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hookId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hookId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeliveryUpdateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeliveryUpdateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryUpdate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"hookId"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptNumber"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"errorKind"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]} as unknown as DocumentNode<WebhookAttemptsSubscription, WebhookAttemptsSubscriptionVariables>;
export const RecoverWebhookDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecoverWebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hookId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recoverFailedDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hookId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hookId"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}]}]}}]} as unknown as DocumentNode<RecoverWebhookDeliveriesMutation, RecoverWebhookDeliveriesMutationVariables>;
export const WebhookSigningKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookSigningKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SigningKeys"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SigningKeys"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Hook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"signingKey"}},{"kind":"Field","name":{"kind":"Name","value":"retiredSigningKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<WebhookSigningKeyQuery, WebhookSigningKeyQueryVariables>;
export const RegenerateWebhookKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegenerateWebhookKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"gracePeriod"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regenerateSigningKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"gracePeriod"},"value":{"kind":"Variable","name":{"kind":"Name","value":"gracePeriod"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SigningKeys"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SigningKeys"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Hook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"signingKey"}},{"kind":"Field","name":{"kind":"Name","value":"retiredSigningKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<RegenerateWebhookKeyMutation, RegenerateWebhookKeyMutationVariables>;
export const EndRetiredWebhookKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EndRetiredWebhookKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endRetiredSigningKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SigningKeys"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SigningKeys"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Hook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"signingKey"}},{"kind":"Field","name":{"kind":"Name","value":"retiredSigningKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<EndRetiredWebhookKeysMutation, EndRetiredWebhookKeysMutationVariables>;
export const TestWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"event"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"config"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TestHookConfigInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testHook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"event"},"value":{"kind":"Variable","name":{"kind":"Name","value":"event"}}},{"kind":"Argument","name":{"kind":"Name","value":"config"},"value":{"kind":"Variable","name":{"kind":"Name","value":"config"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"responseBody"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<TestWebhookMutation, TestWebhookMutationVariables>;
export const WebhookDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HookFields"}},{"kind":"Field","name":{"kind":"Name","value":"executionStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestCount"}},{"kind":"Field","name":{"kind":"Name","value":"successCount"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Hook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"headers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"ordered"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimit"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}}]}}]} as unknown as DocumentNode<WebhookDetailsQuery, WebhookDetailsQueryVariables>;
export const UpdateWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateHookInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateHook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HookFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Hook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"headers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"ordered"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimit"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}}]}}]} as unknown as DocumentNode<UpdateWebhookMutation, UpdateWebhookMutationVariables>;
export const DeleteWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteHook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteWebhookMutation, DeleteWebhookMutationVariables>;
export const WebhooksPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhooksPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hooks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"executionStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestCount"}},{"kind":"Field","name":{"kind":"Name","value":"successCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<WebhooksPageQuery, WebhooksPageQueryVariables>;
export const LiveAttemptsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveAttempts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hookId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hookId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hookId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"hookId"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]}}]} as unknown as DocumentNode<LiveAttemptsSubscription, LiveAttemptsSubscriptionVariables>;