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

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { __typename?: 'Mutation', createApiKey: { __typename?: 'CreatedApiKey', key: string, apiKey: { __typename?: 'ApiKey', id: string, name: string, scopes: Array<ApiKeyScope>, createdAt: string, revokedAt: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeApiKeyMutation = { __typename?: 'Mutation', revokeApiKey: { __typename?: 'ApiKey', id: string, name: string, scopes: Array<ApiKeyScope>, createdAt: string, revokedAt: string | null } };

export type ApiKeysQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ApiKeysQuery = { __typename?: 'Query', apiKeys: { __typename?: 'ApiKeyConnection', totalCount: number, nodes: Array<{ __typename?: 'ApiKey', id: string, name: string, scopes: Array<ApiKeyScope>, createdAt: string, revokedAt: string | null }>, pageInfo: { __typename?: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', keyId: string, name: string, scopes: Array<ApiKeyScope> } };

export type DeliveryQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeliveryQuery = { __typename?: 'Query', delivery: { __typename?: 'Delivery', id: string, hookId: string, eventId: string, event: string, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastError: string | null, createdAt: string, updatedAt: string, attempts: Array<{ __typename?: 'DeliveryAttempt', id: string, number: number, trigger: string, startedAt: string, durationMs: number, succeeded: boolean, responseStatus: number | null, responseBody: string | null, errorKind: string | null, errorMessage: string | null, request: { __typename?: 'AttemptRequest', url: string, body: string, headers: Array<{ __typename?: 'HookHeader', name: string, value: string }> } }> } };

export type OnDeliveryUpdatedSubscriptionVariables = Exact<{
  hookId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type OnDeliveryUpdatedSubscription = { __typename?: 'Subscription', deliveryUpdated: { __typename?: 'DeliveryUpdate', deliveryId: string, hookId: string, eventId: string, event: string, status: DeliveryStatus, attemptNumber: number, succeeded: boolean, responseStatus: number | null, errorKind: string | null, errorMessage: string | null, durationMs: number, nextAttemptAt: string | null, startedAt: string } };

export type RedeliverMutationVariables = Exact<{
  deliveryId: Scalars['ID']['input'];
}>;


export type RedeliverMutation = { __typename?: 'Mutation', redeliver: { __typename?: 'Delivery', id: string, hookId: string, eventId: string, event: string, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastError: string | null, createdAt: string, updatedAt: string } };

export type RecoverFailedDeliveriesMutationVariables = Exact<{
  hookId: Scalars['ID']['input'];
  since: Scalars['DateTime']['input'];
  until?: InputMaybe<Scalars['DateTime']['input']>;
}>;


export type RecoverFailedDeliveriesMutation = { __typename?: 'Mutation', recoverFailedDeliveries: number };

export type ReplayEventMutationVariables = Exact<{
  eventId: Scalars['ID']['input'];
  hookId: Scalars['ID']['input'];
}>;


export type ReplayEventMutation = { __typename?: 'Mutation', replayEvent: { __typename?: 'Delivery', id: string, hookId: string, eventId: string, event: string, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastError: string | null, createdAt: string, updatedAt: string } };

export type DeliveriesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  hookId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<DeliveryStatus>;
  event?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
}>;


export type DeliveriesQuery = { __typename?: 'Query', deliveries: { __typename?: 'DeliveryConnection', totalCount: number, nodes: Array<{ __typename?: 'Delivery', id: string, hookId: string, eventId: string, event: string, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastError: string | null, createdAt: string, updatedAt: string }>, pageInfo: { __typename?: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type AttemptSeriesQueryVariables = Exact<{
  hours?: InputMaybe<Scalars['Int']['input']>;
}>;


export type AttemptSeriesQuery = { __typename?: 'Query', attemptSeries: Array<{ __typename?: 'AttemptHourNode', hour: string, succeeded: number, failed: number }> };

export type QueueQueryVariables = Exact<{ [key: string]: never; }>;


export type QueueQuery = { __typename?: 'Query', queue: { __typename?: 'QueueStatus', due: number, open: number, oldestDueAt: string | null, oldestDueAgeSeconds: number | null } };

export type EventTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type EventTypesQuery = { __typename?: 'Query', eventTypes: Array<{ __typename?: 'EventType', name: string, group: EventGroup, description: string }> };

export type CreateEventTypeMutationVariables = Exact<{
  input: CreateEventTypeInput;
}>;


export type CreateEventTypeMutation = { __typename?: 'Mutation', createEventType: { __typename?: 'EventType', name: string, group: EventGroup, description: string } };

export type DeleteEventTypeMutationVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type DeleteEventTypeMutation = { __typename?: 'Mutation', deleteEventType: { __typename?: 'EventType', name: string, group: EventGroup, description: string } };

export type EmitEventMutationVariables = Exact<{
  input: EmitEventInput;
}>;


export type EmitEventMutation = { __typename?: 'Mutation', emitEvent: { __typename?: 'Event', id: string, event: string, payload: Record<string, unknown>, idempotencyKey: string | null, createdAt: string } };

export type EventQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EventQuery = { __typename?: 'Query', event: { __typename?: 'Event', id: string, event: string, payload: Record<string, unknown>, idempotencyKey: string | null, createdAt: string } };

export type EventsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  types?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
}>;


export type EventsQuery = { __typename?: 'Query', events: { __typename?: 'EventConnection', totalCount: number, nodes: Array<{ __typename?: 'Event', id: string, event: string, payload: Record<string, unknown>, idempotencyKey: string | null, createdAt: string }>, pageInfo: { __typename?: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type OnEventSubscriptionVariables = Exact<{
  types?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type OnEventSubscription = { __typename?: 'Subscription', events: { __typename?: 'Event', id: string, event: string, payload: Record<string, unknown>, idempotencyKey: string | null, createdAt: string } };

export type EmitEventAndWaitMutationVariables = Exact<{
  input: EmitEventInput;
  waitFor: Scalars['String']['input'];
}>;


export type EmitEventAndWaitMutation = { __typename?: 'Mutation', emitEvent: { __typename?: 'Event', id: string, event: string, payload: Record<string, unknown>, idempotencyKey: string | null, createdAt: string, deliveries: { __typename?: 'DeliveryConnection', totalCount: number, nodes: Array<{ __typename?: 'Delivery', id: string, hookId: string, eventId: string, event: string, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastError: string | null, createdAt: string, updatedAt: string, attempts: Array<{ __typename?: 'DeliveryAttempt', id: string, number: number, trigger: string, startedAt: string, durationMs: number, succeeded: boolean, responseStatus: number | null, responseBody: string | null, errorKind: string | null, errorMessage: string | null }> }> } } };

export type EventDeliveriesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EventDeliveriesQuery = { __typename?: 'Query', event: { __typename?: 'Event', id: string, deliveries: { __typename?: 'DeliveryConnection', totalCount: number, nodes: Array<{ __typename?: 'Delivery', id: string, hookId: string, eventId: string, event: string, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastError: string | null, createdAt: string, updatedAt: string }>, pageInfo: { __typename?: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } } };

export type EmitEventsMutationVariables = Exact<{
  inputs: Array<EmitEventInput> | EmitEventInput;
}>;


export type EmitEventsMutation = { __typename?: 'Mutation', emitEvents: Array<{ __typename?: 'Event', id: string, event: string, payload: Record<string, unknown>, idempotencyKey: string | null, createdAt: string }> };

export type EmitEventWithOutcomesMutationVariables = Exact<{
  input: EmitEventInput;
  waitFor?: InputMaybe<Scalars['String']['input']>;
}>;


export type EmitEventWithOutcomesMutation = { __typename?: 'Mutation', emitEvent: { __typename?: 'Event', id: string, event: string, payload: Record<string, unknown>, idempotencyKey: string | null, createdAt: string, deliveries: { __typename?: 'DeliveryConnection', totalCount: number, nodes: Array<{ __typename?: 'Delivery', id: string, eventId: string, event: string, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null, createdAt: string, updatedAt: string, attempts: Array<{ __typename?: 'DeliveryAttempt', id: string, number: number, trigger: string, startedAt: string, durationMs: number, succeeded: boolean, responseStatus: number | null, errorKind: string | null }> }> } } };

export type HookFieldsFragment = { __typename?: 'Hook', id: string, name: string, events: Array<string>, url: string, enabled: boolean, ordered: boolean, rateLimit: number | null, createdAt: string, updatedAt: string, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, headers: Array<{ __typename?: 'HookHeader', name: string, value: string }> };

export type EventFieldsFragment = { __typename?: 'Event', id: string, event: string, payload: Record<string, unknown>, idempotencyKey: string | null, createdAt: string };

export type DeliveryFieldsFragment = { __typename?: 'Delivery', id: string, hookId: string, eventId: string, event: string, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastError: string | null, createdAt: string, updatedAt: string };

export type AttemptFieldsFragment = { __typename?: 'DeliveryAttempt', id: string, number: number, trigger: string, startedAt: string, durationMs: number, succeeded: boolean, responseStatus: number | null, responseBody: string | null, errorKind: string | null, errorMessage: string | null, request: { __typename?: 'AttemptRequest', url: string, body: string, headers: Array<{ __typename?: 'HookHeader', name: string, value: string }> } };

export type AttemptAnswerFieldsFragment = { __typename?: 'DeliveryAttempt', id: string, number: number, trigger: string, startedAt: string, durationMs: number, succeeded: boolean, responseStatus: number | null, responseBody: string | null, errorKind: string | null, errorMessage: string | null };

export type PageInfoFieldsFragment = { __typename?: 'PageInfo', endCursor: string | null, hasNextPage: boolean };

export type DeliveryUpdateFieldsFragment = { __typename?: 'DeliveryUpdate', deliveryId: string, hookId: string, eventId: string, event: string, status: DeliveryStatus, attemptNumber: number, succeeded: boolean, responseStatus: number | null, errorKind: string | null, errorMessage: string | null, durationMs: number, nextAttemptAt: string | null, startedAt: string };

export type DeliveryOutcomeFieldsFragment = { __typename?: 'Delivery', id: string, eventId: string, event: string, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null, createdAt: string, updatedAt: string };

export type AttemptOutcomeFieldsFragment = { __typename?: 'DeliveryAttempt', id: string, number: number, trigger: string, startedAt: string, durationMs: number, succeeded: boolean, responseStatus: number | null, errorKind: string | null };

export type HooksQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type HooksQuery = { __typename?: 'Query', hooks: { __typename?: 'HookConnection', totalCount: number, nodes: Array<{ __typename?: 'Hook', id: string, name: string, events: Array<string>, url: string, enabled: boolean, ordered: boolean, rateLimit: number | null, createdAt: string, updatedAt: string, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, headers: Array<{ __typename?: 'HookHeader', name: string, value: string }> }>, pageInfo: { __typename?: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type HookQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type HookQuery = { __typename?: 'Query', hook: { __typename?: 'Hook', id: string, name: string, events: Array<string>, url: string, enabled: boolean, ordered: boolean, rateLimit: number | null, createdAt: string, updatedAt: string, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, executionStats: { __typename?: 'HookExecutionStats', requestCount: number, successCount: number }, headers: Array<{ __typename?: 'HookHeader', name: string, value: string }> } };

export type HookSigningKeyQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type HookSigningKeyQuery = { __typename?: 'Query', hook: { __typename?: 'Hook', id: string, signingKey: string } };

export type HookDeliveriesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<DeliveryStatus>;
  event?: InputMaybe<Scalars['String']['input']>;
}>;


export type HookDeliveriesQuery = { __typename?: 'Query', hook: { __typename?: 'Hook', id: string, deliveries: { __typename?: 'DeliveryConnection', totalCount: number, nodes: Array<{ __typename?: 'Delivery', id: string, hookId: string, eventId: string, event: string, status: DeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastError: string | null, createdAt: string, updatedAt: string }>, pageInfo: { __typename?: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } } };

export type CreateHookMutationVariables = Exact<{
  input: CreateHookInput;
}>;


export type CreateHookMutation = { __typename?: 'Mutation', createHook: { __typename?: 'Hook', signingKey: string, id: string, name: string, events: Array<string>, url: string, enabled: boolean, ordered: boolean, rateLimit: number | null, createdAt: string, updatedAt: string, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, headers: Array<{ __typename?: 'HookHeader', name: string, value: string }> } };

export type UpdateHookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateHookInput;
}>;


export type UpdateHookMutation = { __typename?: 'Mutation', updateHook: { __typename?: 'Hook', id: string, name: string, events: Array<string>, url: string, enabled: boolean, ordered: boolean, rateLimit: number | null, createdAt: string, updatedAt: string, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, headers: Array<{ __typename?: 'HookHeader', name: string, value: string }> } };

export type DeleteHookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteHookMutation = { __typename?: 'Mutation', deleteHook: string };

export type RegenerateSigningKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  gracePeriod?: InputMaybe<Scalars['String']['input']>;
}>;


export type RegenerateSigningKeyMutation = { __typename?: 'Mutation', regenerateSigningKey: { __typename?: 'Hook', id: string, signingKey: string, retiredSigningKeys: Array<{ __typename?: 'RetiredSigningKey', key: string, expiresAt: string }> } };

export type TestHookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  event: Scalars['String']['input'];
  config?: InputMaybe<TestHookConfigInput>;
}>;


export type TestHookMutation = { __typename?: 'Mutation', testHook: { __typename?: 'TestHookResult', ok: boolean, url: string, responseStatus: number | null, responseBody: string | null, durationMs: number, error: string | null } };

export type EndRetiredSigningKeysMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EndRetiredSigningKeysMutation = { __typename?: 'Mutation', endRetiredSigningKeys: { __typename?: 'Hook', id: string, signingKey: string, retiredSigningKeys: Array<{ __typename?: 'RetiredSigningKey', key: string, expiresAt: string }> } };

export const HookFieldsFragmentDoc = `
    fragment HookFields on Hook {
  id
  name
  events
  url
  headers {
    name
    value
  }
  enabled
  ordered
  rateLimit
  createdAt
  updatedAt
  disabledAt
  disabledReason
  failingSince
}
    `;
export const EventFieldsFragmentDoc = `
    fragment EventFields on Event {
  id
  event
  payload
  idempotencyKey
  createdAt
}
    `;
export const DeliveryFieldsFragmentDoc = `
    fragment DeliveryFields on Delivery {
  id
  hookId
  eventId
  event
  status
  attemptCount
  nextAttemptAt
  lastError
  createdAt
  updatedAt
}
    `;
export const AttemptFieldsFragmentDoc = `
    fragment AttemptFields on DeliveryAttempt {
  id
  number
  trigger
  startedAt
  durationMs
  succeeded
  request {
    url
    headers {
      name
      value
    }
    body
  }
  responseStatus
  responseBody
  errorKind
  errorMessage
}
    `;
export const AttemptAnswerFieldsFragmentDoc = `
    fragment AttemptAnswerFields on DeliveryAttempt {
  id
  number
  trigger
  startedAt
  durationMs
  succeeded
  responseStatus
  responseBody
  errorKind
  errorMessage
}
    `;
export const PageInfoFieldsFragmentDoc = `
    fragment PageInfoFields on PageInfo {
  endCursor
  hasNextPage
}
    `;
export const DeliveryUpdateFieldsFragmentDoc = `
    fragment DeliveryUpdateFields on DeliveryUpdate {
  deliveryId
  hookId
  eventId
  event
  status
  attemptNumber
  succeeded
  responseStatus
  errorKind
  errorMessage
  durationMs
  nextAttemptAt
  startedAt
}
    `;
export const DeliveryOutcomeFieldsFragmentDoc = `
    fragment DeliveryOutcomeFields on Delivery {
  id
  eventId
  event
  status
  attemptCount
  nextAttemptAt
  createdAt
  updatedAt
}
    `;
export const AttemptOutcomeFieldsFragmentDoc = `
    fragment AttemptOutcomeFields on DeliveryAttempt {
  id
  number
  trigger
  startedAt
  durationMs
  succeeded
  responseStatus
  errorKind
}
    `;
export const CreateApiKeyDocument = `
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    key
    apiKey {
      id
      name
      scopes
      createdAt
      revokedAt
    }
  }
}
    `;
export const RevokeApiKeyDocument = `
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    id
    name
    scopes
    createdAt
    revokedAt
  }
}
    `;
export const ApiKeysDocument = `
    query ApiKeys($first: Int, $after: String) {
  apiKeys(first: $first, after: $after) {
    nodes {
      id
      name
      scopes
      createdAt
      revokedAt
    }
    pageInfo {
      ...PageInfoFields
    }
    totalCount
  }
}
    ${PageInfoFieldsFragmentDoc}`;
export const ViewerDocument = `
    query Viewer {
  viewer {
    keyId
    name
    scopes
  }
}
    `;
export const DeliveryDocument = `
    query Delivery($id: ID!) {
  delivery(id: $id) {
    ...DeliveryFields
    attempts {
      ...AttemptFields
    }
  }
}
    ${DeliveryFieldsFragmentDoc}
${AttemptFieldsFragmentDoc}`;
export const OnDeliveryUpdatedDocument = `
    subscription OnDeliveryUpdated($hookId: ID) {
  deliveryUpdated(hookId: $hookId) {
    ...DeliveryUpdateFields
  }
}
    ${DeliveryUpdateFieldsFragmentDoc}`;
export const RedeliverDocument = `
    mutation Redeliver($deliveryId: ID!) {
  redeliver(deliveryId: $deliveryId) {
    ...DeliveryFields
  }
}
    ${DeliveryFieldsFragmentDoc}`;
export const RecoverFailedDeliveriesDocument = `
    mutation RecoverFailedDeliveries($hookId: ID!, $since: DateTime!, $until: DateTime) {
  recoverFailedDeliveries(hookId: $hookId, since: $since, until: $until)
}
    `;
export const ReplayEventDocument = `
    mutation ReplayEvent($eventId: ID!, $hookId: ID!) {
  replayEvent(eventId: $eventId, hookId: $hookId) {
    ...DeliveryFields
  }
}
    ${DeliveryFieldsFragmentDoc}`;
export const DeliveriesDocument = `
    query Deliveries($first: Int, $after: String, $hookId: ID, $status: DeliveryStatus, $event: String, $since: DateTime, $until: DateTime) {
  deliveries(
    first: $first
    after: $after
    hookId: $hookId
    status: $status
    event: $event
    since: $since
    until: $until
  ) {
    nodes {
      ...DeliveryFields
    }
    pageInfo {
      ...PageInfoFields
    }
    totalCount
  }
}
    ${DeliveryFieldsFragmentDoc}
${PageInfoFieldsFragmentDoc}`;
export const AttemptSeriesDocument = `
    query AttemptSeries($hours: Int) {
  attemptSeries(hours: $hours) {
    hour
    succeeded
    failed
  }
}
    `;
export const QueueDocument = `
    query Queue {
  queue {
    due
    open
    oldestDueAt
    oldestDueAgeSeconds
  }
}
    `;
export const EventTypesDocument = `
    query EventTypes {
  eventTypes {
    name
    group
    description
  }
}
    `;
export const CreateEventTypeDocument = `
    mutation CreateEventType($input: CreateEventTypeInput!) {
  createEventType(input: $input) {
    name
    group
    description
  }
}
    `;
export const DeleteEventTypeDocument = `
    mutation DeleteEventType($name: String!) {
  deleteEventType(name: $name) {
    name
    group
    description
  }
}
    `;
export const EmitEventDocument = `
    mutation EmitEvent($input: EmitEventInput!) {
  emitEvent(input: $input) {
    ...EventFields
  }
}
    ${EventFieldsFragmentDoc}`;
export const EventDocument = `
    query Event($id: ID!) {
  event(id: $id) {
    ...EventFields
  }
}
    ${EventFieldsFragmentDoc}`;
export const EventsDocument = `
    query Events($first: Int, $after: String, $types: [String!], $since: DateTime, $until: DateTime) {
  events(
    first: $first
    after: $after
    types: $types
    since: $since
    until: $until
  ) {
    nodes {
      ...EventFields
    }
    pageInfo {
      ...PageInfoFields
    }
    totalCount
  }
}
    ${EventFieldsFragmentDoc}
${PageInfoFieldsFragmentDoc}`;
export const OnEventDocument = `
    subscription OnEvent($types: [String!]) {
  events(types: $types) {
    ...EventFields
  }
}
    ${EventFieldsFragmentDoc}`;
export const EmitEventAndWaitDocument = `
    mutation EmitEventAndWait($input: EmitEventInput!, $waitFor: String!) {
  emitEvent(input: $input, waitFor: $waitFor) {
    ...EventFields
    deliveries(first: 100) {
      nodes {
        ...DeliveryFields
        attempts {
          ...AttemptAnswerFields
        }
      }
      totalCount
    }
  }
}
    ${EventFieldsFragmentDoc}
${DeliveryFieldsFragmentDoc}
${AttemptAnswerFieldsFragmentDoc}`;
export const EventDeliveriesDocument = `
    query EventDeliveries($id: ID!, $first: Int, $after: String) {
  event(id: $id) {
    id
    deliveries(first: $first, after: $after) {
      nodes {
        ...DeliveryFields
      }
      pageInfo {
        ...PageInfoFields
      }
      totalCount
    }
  }
}
    ${DeliveryFieldsFragmentDoc}
${PageInfoFieldsFragmentDoc}`;
export const EmitEventsDocument = `
    mutation EmitEvents($inputs: [EmitEventInput!]!) {
  emitEvents(inputs: $inputs) {
    ...EventFields
  }
}
    ${EventFieldsFragmentDoc}`;
export const EmitEventWithOutcomesDocument = `
    mutation EmitEventWithOutcomes($input: EmitEventInput!, $waitFor: String) {
  emitEvent(input: $input, waitFor: $waitFor) {
    ...EventFields
    deliveries(first: 100) {
      nodes {
        ...DeliveryOutcomeFields
        attempts {
          ...AttemptOutcomeFields
        }
      }
      totalCount
    }
  }
}
    ${EventFieldsFragmentDoc}
${DeliveryOutcomeFieldsFragmentDoc}
${AttemptOutcomeFieldsFragmentDoc}`;
export const HooksDocument = `
    query Hooks($first: Int, $after: String, $enabled: Boolean) {
  hooks(first: $first, after: $after, enabled: $enabled) {
    nodes {
      ...HookFields
    }
    pageInfo {
      ...PageInfoFields
    }
    totalCount
  }
}
    ${HookFieldsFragmentDoc}
${PageInfoFieldsFragmentDoc}`;
export const HookDocument = `
    query Hook($id: ID!) {
  hook(id: $id) {
    ...HookFields
    executionStats {
      requestCount
      successCount
    }
  }
}
    ${HookFieldsFragmentDoc}`;
export const HookSigningKeyDocument = `
    query HookSigningKey($id: ID!) {
  hook(id: $id) {
    id
    signingKey
  }
}
    `;
export const HookDeliveriesDocument = `
    query HookDeliveries($id: ID!, $first: Int, $after: String, $status: DeliveryStatus, $event: String) {
  hook(id: $id) {
    id
    deliveries(first: $first, after: $after, status: $status, event: $event) {
      nodes {
        ...DeliveryFields
      }
      pageInfo {
        ...PageInfoFields
      }
      totalCount
    }
  }
}
    ${DeliveryFieldsFragmentDoc}
${PageInfoFieldsFragmentDoc}`;
export const CreateHookDocument = `
    mutation CreateHook($input: CreateHookInput!) {
  createHook(input: $input) {
    ...HookFields
    signingKey
  }
}
    ${HookFieldsFragmentDoc}`;
export const UpdateHookDocument = `
    mutation UpdateHook($id: ID!, $input: UpdateHookInput!) {
  updateHook(id: $id, input: $input) {
    ...HookFields
  }
}
    ${HookFieldsFragmentDoc}`;
export const DeleteHookDocument = `
    mutation DeleteHook($id: ID!) {
  deleteHook(id: $id)
}
    `;
export const RegenerateSigningKeyDocument = `
    mutation RegenerateSigningKey($id: ID!, $gracePeriod: String) {
  regenerateSigningKey(id: $id, gracePeriod: $gracePeriod) {
    id
    signingKey
    retiredSigningKeys {
      key
      expiresAt
    }
  }
}
    `;
export const TestHookDocument = `
    mutation TestHook($id: ID!, $event: String!, $config: TestHookConfigInput) {
  testHook(id: $id, event: $event, config: $config) {
    ok
    url
    responseStatus
    responseBody
    durationMs
    error
  }
}
    `;
export const EndRetiredSigningKeysDocument = `
    mutation EndRetiredSigningKeys($id: ID!) {
  endRetiredSigningKeys(id: $id) {
    id
    signingKey
    retiredSigningKeys {
      key
      expiresAt
    }
  }
}
    `;
export type Requester<C = {}> = <R, V>(doc: string, vars?: V, options?: C) => Promise<R> | AsyncIterable<R>
export function getSdk<C>(requester: Requester<C>) {
  return {
    CreateApiKey(variables: CreateApiKeyMutationVariables, options?: C): Promise<CreateApiKeyMutation> {
      return requester<CreateApiKeyMutation, CreateApiKeyMutationVariables>(CreateApiKeyDocument, variables, options) as Promise<CreateApiKeyMutation>;
    },
    RevokeApiKey(variables: RevokeApiKeyMutationVariables, options?: C): Promise<RevokeApiKeyMutation> {
      return requester<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>(RevokeApiKeyDocument, variables, options) as Promise<RevokeApiKeyMutation>;
    },
    ApiKeys(variables?: ApiKeysQueryVariables, options?: C): Promise<ApiKeysQuery> {
      return requester<ApiKeysQuery, ApiKeysQueryVariables>(ApiKeysDocument, variables, options) as Promise<ApiKeysQuery>;
    },
    Viewer(variables?: ViewerQueryVariables, options?: C): Promise<ViewerQuery> {
      return requester<ViewerQuery, ViewerQueryVariables>(ViewerDocument, variables, options) as Promise<ViewerQuery>;
    },
    Delivery(variables: DeliveryQueryVariables, options?: C): Promise<DeliveryQuery> {
      return requester<DeliveryQuery, DeliveryQueryVariables>(DeliveryDocument, variables, options) as Promise<DeliveryQuery>;
    },
    OnDeliveryUpdated(variables?: OnDeliveryUpdatedSubscriptionVariables, options?: C): AsyncIterable<OnDeliveryUpdatedSubscription> {
      return requester<OnDeliveryUpdatedSubscription, OnDeliveryUpdatedSubscriptionVariables>(OnDeliveryUpdatedDocument, variables, options) as AsyncIterable<OnDeliveryUpdatedSubscription>;
    },
    Redeliver(variables: RedeliverMutationVariables, options?: C): Promise<RedeliverMutation> {
      return requester<RedeliverMutation, RedeliverMutationVariables>(RedeliverDocument, variables, options) as Promise<RedeliverMutation>;
    },
    RecoverFailedDeliveries(variables: RecoverFailedDeliveriesMutationVariables, options?: C): Promise<RecoverFailedDeliveriesMutation> {
      return requester<RecoverFailedDeliveriesMutation, RecoverFailedDeliveriesMutationVariables>(RecoverFailedDeliveriesDocument, variables, options) as Promise<RecoverFailedDeliveriesMutation>;
    },
    ReplayEvent(variables: ReplayEventMutationVariables, options?: C): Promise<ReplayEventMutation> {
      return requester<ReplayEventMutation, ReplayEventMutationVariables>(ReplayEventDocument, variables, options) as Promise<ReplayEventMutation>;
    },
    Deliveries(variables?: DeliveriesQueryVariables, options?: C): Promise<DeliveriesQuery> {
      return requester<DeliveriesQuery, DeliveriesQueryVariables>(DeliveriesDocument, variables, options) as Promise<DeliveriesQuery>;
    },
    AttemptSeries(variables?: AttemptSeriesQueryVariables, options?: C): Promise<AttemptSeriesQuery> {
      return requester<AttemptSeriesQuery, AttemptSeriesQueryVariables>(AttemptSeriesDocument, variables, options) as Promise<AttemptSeriesQuery>;
    },
    Queue(variables?: QueueQueryVariables, options?: C): Promise<QueueQuery> {
      return requester<QueueQuery, QueueQueryVariables>(QueueDocument, variables, options) as Promise<QueueQuery>;
    },
    EventTypes(variables?: EventTypesQueryVariables, options?: C): Promise<EventTypesQuery> {
      return requester<EventTypesQuery, EventTypesQueryVariables>(EventTypesDocument, variables, options) as Promise<EventTypesQuery>;
    },
    CreateEventType(variables: CreateEventTypeMutationVariables, options?: C): Promise<CreateEventTypeMutation> {
      return requester<CreateEventTypeMutation, CreateEventTypeMutationVariables>(CreateEventTypeDocument, variables, options) as Promise<CreateEventTypeMutation>;
    },
    DeleteEventType(variables: DeleteEventTypeMutationVariables, options?: C): Promise<DeleteEventTypeMutation> {
      return requester<DeleteEventTypeMutation, DeleteEventTypeMutationVariables>(DeleteEventTypeDocument, variables, options) as Promise<DeleteEventTypeMutation>;
    },
    EmitEvent(variables: EmitEventMutationVariables, options?: C): Promise<EmitEventMutation> {
      return requester<EmitEventMutation, EmitEventMutationVariables>(EmitEventDocument, variables, options) as Promise<EmitEventMutation>;
    },
    Event(variables: EventQueryVariables, options?: C): Promise<EventQuery> {
      return requester<EventQuery, EventQueryVariables>(EventDocument, variables, options) as Promise<EventQuery>;
    },
    Events(variables?: EventsQueryVariables, options?: C): Promise<EventsQuery> {
      return requester<EventsQuery, EventsQueryVariables>(EventsDocument, variables, options) as Promise<EventsQuery>;
    },
    OnEvent(variables?: OnEventSubscriptionVariables, options?: C): AsyncIterable<OnEventSubscription> {
      return requester<OnEventSubscription, OnEventSubscriptionVariables>(OnEventDocument, variables, options) as AsyncIterable<OnEventSubscription>;
    },
    EmitEventAndWait(variables: EmitEventAndWaitMutationVariables, options?: C): Promise<EmitEventAndWaitMutation> {
      return requester<EmitEventAndWaitMutation, EmitEventAndWaitMutationVariables>(EmitEventAndWaitDocument, variables, options) as Promise<EmitEventAndWaitMutation>;
    },
    EventDeliveries(variables: EventDeliveriesQueryVariables, options?: C): Promise<EventDeliveriesQuery> {
      return requester<EventDeliveriesQuery, EventDeliveriesQueryVariables>(EventDeliveriesDocument, variables, options) as Promise<EventDeliveriesQuery>;
    },
    EmitEvents(variables: EmitEventsMutationVariables, options?: C): Promise<EmitEventsMutation> {
      return requester<EmitEventsMutation, EmitEventsMutationVariables>(EmitEventsDocument, variables, options) as Promise<EmitEventsMutation>;
    },
    EmitEventWithOutcomes(variables: EmitEventWithOutcomesMutationVariables, options?: C): Promise<EmitEventWithOutcomesMutation> {
      return requester<EmitEventWithOutcomesMutation, EmitEventWithOutcomesMutationVariables>(EmitEventWithOutcomesDocument, variables, options) as Promise<EmitEventWithOutcomesMutation>;
    },
    Hooks(variables?: HooksQueryVariables, options?: C): Promise<HooksQuery> {
      return requester<HooksQuery, HooksQueryVariables>(HooksDocument, variables, options) as Promise<HooksQuery>;
    },
    Hook(variables: HookQueryVariables, options?: C): Promise<HookQuery> {
      return requester<HookQuery, HookQueryVariables>(HookDocument, variables, options) as Promise<HookQuery>;
    },
    HookSigningKey(variables: HookSigningKeyQueryVariables, options?: C): Promise<HookSigningKeyQuery> {
      return requester<HookSigningKeyQuery, HookSigningKeyQueryVariables>(HookSigningKeyDocument, variables, options) as Promise<HookSigningKeyQuery>;
    },
    HookDeliveries(variables: HookDeliveriesQueryVariables, options?: C): Promise<HookDeliveriesQuery> {
      return requester<HookDeliveriesQuery, HookDeliveriesQueryVariables>(HookDeliveriesDocument, variables, options) as Promise<HookDeliveriesQuery>;
    },
    CreateHook(variables: CreateHookMutationVariables, options?: C): Promise<CreateHookMutation> {
      return requester<CreateHookMutation, CreateHookMutationVariables>(CreateHookDocument, variables, options) as Promise<CreateHookMutation>;
    },
    UpdateHook(variables: UpdateHookMutationVariables, options?: C): Promise<UpdateHookMutation> {
      return requester<UpdateHookMutation, UpdateHookMutationVariables>(UpdateHookDocument, variables, options) as Promise<UpdateHookMutation>;
    },
    DeleteHook(variables: DeleteHookMutationVariables, options?: C): Promise<DeleteHookMutation> {
      return requester<DeleteHookMutation, DeleteHookMutationVariables>(DeleteHookDocument, variables, options) as Promise<DeleteHookMutation>;
    },
    RegenerateSigningKey(variables: RegenerateSigningKeyMutationVariables, options?: C): Promise<RegenerateSigningKeyMutation> {
      return requester<RegenerateSigningKeyMutation, RegenerateSigningKeyMutationVariables>(RegenerateSigningKeyDocument, variables, options) as Promise<RegenerateSigningKeyMutation>;
    },
    TestHook(variables: TestHookMutationVariables, options?: C): Promise<TestHookMutation> {
      return requester<TestHookMutation, TestHookMutationVariables>(TestHookDocument, variables, options) as Promise<TestHookMutation>;
    },
    EndRetiredSigningKeys(variables: EndRetiredSigningKeysMutationVariables, options?: C): Promise<EndRetiredSigningKeysMutation> {
      return requester<EndRetiredSigningKeysMutation, EndRetiredSigningKeysMutationVariables>(EndRetiredSigningKeysDocument, variables, options) as Promise<EndRetiredSigningKeysMutation>;
    }
  };
}
export type Sdk = ReturnType<typeof getSdk>;