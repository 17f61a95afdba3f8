/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConsoleViewer {\n    viewer {\n      keyId\n      name\n      scopes\n    }\n  }\n": typeof types.ConsoleViewerDocument,
    "\n  query ConsoleEventTypes {\n    eventTypes {\n      name\n      group\n      description\n    }\n  }\n": typeof types.ConsoleEventTypesDocument,
    "\n  query ConsoleApiKeys($first: Int!, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        scopes\n        createdAt\n        revokedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.ConsoleApiKeysDocument,
    "\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ConsoleCreateApiKeyDocument,
    "\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.ConsoleRevokeApiKeyDocument,
    "\n  mutation CreateWebhook($input: CreateHookInput!) {\n    createHook(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation ConsoleCreateEventType($input: CreateEventTypeInput!) {\n    createEventType(input: $input) {\n      name\n      group\n      description\n    }\n  }\n": typeof types.ConsoleCreateEventTypeDocument,
    "\n  mutation ConsoleDeleteEventType($name: String!) {\n    deleteEventType(name: $name) {\n      name\n    }\n  }\n": typeof types.ConsoleDeleteEventTypeDocument,
    "\n  query EventLog($first: Int!, $after: String, $types: [String!], $since: DateTime, $until: DateTime) {\n    events(first: $first, after: $after, types: $types, since: $since, until: $until) {\n      nodes {\n        id\n        event\n        createdAt\n        idempotencyKey\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.EventLogDocument,
    "\n  subscription LiveEvents($types: [String!]) {\n    events(types: $types) {\n      id\n      event\n      createdAt\n      idempotencyKey\n    }\n  }\n": typeof types.LiveEventsDocument,
    "\n  query EventDetails($id: ID!) {\n    event(id: $id) {\n      id\n      event\n      payload\n      idempotencyKey\n      createdAt\n      deliveries(first: 100) {\n        nodes {\n          id\n          hookId\n          status\n          attemptCount\n          lastError\n          updatedAt\n        }\n        totalCount\n      }\n    }\n  }\n": typeof types.EventDetailsDocument,
    "\n  mutation ConsoleReplayEvent($eventId: ID!, $hookId: ID!) {\n    replayEvent(eventId: $eventId, hookId: $hookId) {\n      id\n      hookId\n      status\n    }\n  }\n": typeof types.ConsoleReplayEventDocument,
    "\n  query ConsoleOverview {\n    attemptSeries(hours: 24) {\n      hour\n      succeeded\n      failed\n    }\n    queue {\n      due\n      open\n      oldestDueAt\n      oldestDueAgeSeconds\n    }\n  }\n": typeof types.ConsoleOverviewDocument,
    "\n  query WebhookDelivery($id: ID!) {\n    delivery(id: $id) {\n      ...DeliveryFields\n      attempts {\n        ...AttemptFields\n      }\n    }\n  }\n": typeof types.WebhookDeliveryDocument,
    "\n  mutation ResendDelivery($deliveryId: ID!) {\n    redeliver(deliveryId: $deliveryId) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n": typeof types.ResendDeliveryDocument,
    "\n  query WebhookDeliveries($hookId: ID!, $first: Int!, $after: String, $status: DeliveryStatus, $event: String, $since: DateTime, $until: DateTime) {\n    deliveries(hookId: $hookId, first: $first, after: $after, status: $status, event: $event, since: $since, until: $until) {\n      nodes {\n        ...DeliveryFields\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n      totalCount\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  subscription WebhookAttempts($hookId: ID) {\n    deliveryUpdated(hookId: $hookId) {\n      ...DeliveryUpdateFields\n    }\n  }\n": typeof types.WebhookAttemptsDocument,
    "\n  mutation RecoverWebhookDeliveries($hookId: ID!, $since: DateTime!, $until: DateTime) {\n    recoverFailedDeliveries(hookId: $hookId, since: $since, until: $until)\n  }\n": typeof types.RecoverWebhookDeliveriesDocument,
    "\n  query WebhookSigningKey($id: ID!) {\n    hook(id: $id) {\n      ...SigningKeys\n    }\n  }\n\n  fragment SigningKeys on Hook {\n    id\n    signingKey\n    retiredSigningKeys {\n      key\n      expiresAt\n    }\n  }\n": typeof types.WebhookSigningKeyDocument,
    "\n  mutation RegenerateWebhookKey($id: ID!, $gracePeriod: String) {\n    regenerateSigningKey(id: $id, gracePeriod: $gracePeriod) {\n      ...SigningKeys\n    }\n  }\n": typeof types.RegenerateWebhookKeyDocument,
    "\n  mutation EndRetiredWebhookKeys($id: ID!) {\n    endRetiredSigningKeys(id: $id) {\n      ...SigningKeys\n    }\n  }\n": typeof types.EndRetiredWebhookKeysDocument,
    "\n  mutation TestWebhook($id: ID!, $event: String!, $config: TestHookConfigInput) {\n    testHook(id: $id, event: $event, config: $config) {\n      ok\n      url\n      responseStatus\n      responseBody\n      durationMs\n      error\n    }\n  }\n": typeof types.TestWebhookDocument,
    "\n  query WebhookDetails($id: ID!) {\n    hook(id: $id) {\n      ...HookFields\n      executionStats {\n        requestCount\n        successCount\n      }\n    }\n  }\n": typeof types.WebhookDetailsDocument,
    "\n  mutation UpdateWebhook($id: ID!, $input: UpdateHookInput!) {\n    updateHook(id: $id, input: $input) {\n      ...HookFields\n    }\n  }\n": typeof types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteHook(id: $id)\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  query WebhooksPage($first: Int!, $after: String) {\n    hooks(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        events\n        enabled\n        disabledReason\n        failingSince\n        executionStats {\n          requestCount\n          successCount\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.WebhooksPageDocument,
    "\n  subscription LiveAttempts($hookId: ID) {\n    deliveryUpdated(hookId: $hookId) {\n      deliveryId\n      hookId\n      succeeded\n      status\n      startedAt\n    }\n  }\n": typeof types.LiveAttemptsDocument,
    "fragment HookFields on Hook {\n  id\n  name\n  events\n  url\n  headers {\n    name\n    value\n  }\n  enabled\n  ordered\n  rateLimit\n  createdAt\n  updatedAt\n  disabledAt\n  disabledReason\n  failingSince\n}\n\nfragment EventFields on Event {\n  id\n  event\n  payload\n  idempotencyKey\n  createdAt\n}\n\nfragment DeliveryFields on Delivery {\n  id\n  hookId\n  eventId\n  event\n  status\n  attemptCount\n  nextAttemptAt\n  lastError\n  createdAt\n  updatedAt\n}\n\nfragment AttemptFields on DeliveryAttempt {\n  id\n  number\n  trigger\n  startedAt\n  durationMs\n  succeeded\n  request {\n    url\n    headers {\n      name\n      value\n    }\n    body\n  }\n  responseStatus\n  responseBody\n  errorKind\n  errorMessage\n}\n\nfragment AttemptAnswerFields on DeliveryAttempt {\n  id\n  number\n  trigger\n  startedAt\n  durationMs\n  succeeded\n  responseStatus\n  responseBody\n  errorKind\n  errorMessage\n}\n\nfragment PageInfoFields on PageInfo {\n  endCursor\n  hasNextPage\n}\n\nfragment DeliveryUpdateFields on DeliveryUpdate {\n  deliveryId\n  hookId\n  eventId\n  event\n  status\n  attemptNumber\n  succeeded\n  responseStatus\n  errorKind\n  errorMessage\n  durationMs\n  nextAttemptAt\n  startedAt\n}\n\nfragment DeliveryOutcomeFields on Delivery {\n  id\n  eventId\n  event\n  status\n  attemptCount\n  nextAttemptAt\n  createdAt\n  updatedAt\n}\n\nfragment AttemptOutcomeFields on DeliveryAttempt {\n  id\n  number\n  trigger\n  startedAt\n  durationMs\n  succeeded\n  responseStatus\n  errorKind\n}": typeof types.HookFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  query ConsoleViewer {\n    viewer {\n      keyId\n      name\n      scopes\n    }\n  }\n": types.ConsoleViewerDocument,
    "\n  query ConsoleEventTypes {\n    eventTypes {\n      name\n      group\n      description\n    }\n  }\n": types.ConsoleEventTypesDocument,
    "\n  query ConsoleApiKeys($first: Int!, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        scopes\n        createdAt\n        revokedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.ConsoleApiKeysDocument,
    "\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": types.ConsoleCreateApiKeyDocument,
    "\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.ConsoleRevokeApiKeyDocument,
    "\n  mutation CreateWebhook($input: CreateHookInput!) {\n    createHook(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation ConsoleCreateEventType($input: CreateEventTypeInput!) {\n    createEventType(input: $input) {\n      name\n      group\n      description\n    }\n  }\n": types.ConsoleCreateEventTypeDocument,
    "\n  mutation ConsoleDeleteEventType($name: String!) {\n    deleteEventType(name: $name) {\n      name\n    }\n  }\n": types.ConsoleDeleteEventTypeDocument,
    "\n  query EventLog($first: Int!, $after: String, $types: [String!], $since: DateTime, $until: DateTime) {\n    events(first: $first, after: $after, types: $types, since: $since, until: $until) {\n      nodes {\n        id\n        event\n        createdAt\n        idempotencyKey\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.EventLogDocument,
    "\n  subscription LiveEvents($types: [String!]) {\n    events(types: $types) {\n      id\n      event\n      createdAt\n      idempotencyKey\n    }\n  }\n": types.LiveEventsDocument,
    "\n  query EventDetails($id: ID!) {\n    event(id: $id) {\n      id\n      event\n      payload\n      idempotencyKey\n      createdAt\n      deliveries(first: 100) {\n        nodes {\n          id\n          hookId\n          status\n          attemptCount\n          lastError\n          updatedAt\n        }\n        totalCount\n      }\n    }\n  }\n": types.EventDetailsDocument,
    "\n  mutation ConsoleReplayEvent($eventId: ID!, $hookId: ID!) {\n    replayEvent(eventId: $eventId, hookId: $hookId) {\n      id\n      hookId\n      status\n    }\n  }\n": types.ConsoleReplayEventDocument,
    "\n  query ConsoleOverview {\n    attemptSeries(hours: 24) {\n      hour\n      succeeded\n      failed\n    }\n    queue {\n      due\n      open\n      oldestDueAt\n      oldestDueAgeSeconds\n    }\n  }\n": types.ConsoleOverviewDocument,
    "\n  query WebhookDelivery($id: ID!) {\n    delivery(id: $id) {\n      ...DeliveryFields\n      attempts {\n        ...AttemptFields\n      }\n    }\n  }\n": types.WebhookDeliveryDocument,
    "\n  mutation ResendDelivery($deliveryId: ID!) {\n    redeliver(deliveryId: $deliveryId) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n": types.ResendDeliveryDocument,
    "\n  query WebhookDeliveries($hookId: ID!, $first: Int!, $after: String, $status: DeliveryStatus, $event: String, $since: DateTime, $until: DateTime) {\n    deliveries(hookId: $hookId, first: $first, after: $after, status: $status, event: $event, since: $since, until: $until) {\n      nodes {\n        ...DeliveryFields\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n      totalCount\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  subscription WebhookAttempts($hookId: ID) {\n    deliveryUpdated(hookId: $hookId) {\n      ...DeliveryUpdateFields\n    }\n  }\n": types.WebhookAttemptsDocument,
    "\n  mutation RecoverWebhookDeliveries($hookId: ID!, $since: DateTime!, $until: DateTime) {\n    recoverFailedDeliveries(hookId: $hookId, since: $since, until: $until)\n  }\n": types.RecoverWebhookDeliveriesDocument,
    "\n  query WebhookSigningKey($id: ID!) {\n    hook(id: $id) {\n      ...SigningKeys\n    }\n  }\n\n  fragment SigningKeys on Hook {\n    id\n    signingKey\n    retiredSigningKeys {\n      key\n      expiresAt\n    }\n  }\n": types.WebhookSigningKeyDocument,
    "\n  mutation RegenerateWebhookKey($id: ID!, $gracePeriod: String) {\n    regenerateSigningKey(id: $id, gracePeriod: $gracePeriod) {\n      ...SigningKeys\n    }\n  }\n": types.RegenerateWebhookKeyDocument,
    "\n  mutation EndRetiredWebhookKeys($id: ID!) {\n    endRetiredSigningKeys(id: $id) {\n      ...SigningKeys\n    }\n  }\n": types.EndRetiredWebhookKeysDocument,
    "\n  mutation TestWebhook($id: ID!, $event: String!, $config: TestHookConfigInput) {\n    testHook(id: $id, event: $event, config: $config) {\n      ok\n      url\n      responseStatus\n      responseBody\n      durationMs\n      error\n    }\n  }\n": types.TestWebhookDocument,
    "\n  query WebhookDetails($id: ID!) {\n    hook(id: $id) {\n      ...HookFields\n      executionStats {\n        requestCount\n        successCount\n      }\n    }\n  }\n": types.WebhookDetailsDocument,
    "\n  mutation UpdateWebhook($id: ID!, $input: UpdateHookInput!) {\n    updateHook(id: $id, input: $input) {\n      ...HookFields\n    }\n  }\n": types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteHook(id: $id)\n  }\n": types.DeleteWebhookDocument,
    "\n  query WebhooksPage($first: Int!, $after: String) {\n    hooks(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        events\n        enabled\n        disabledReason\n        failingSince\n        executionStats {\n          requestCount\n          successCount\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.WebhooksPageDocument,
    "\n  subscription LiveAttempts($hookId: ID) {\n    deliveryUpdated(hookId: $hookId) {\n      deliveryId\n      hookId\n      succeeded\n      status\n      startedAt\n    }\n  }\n": types.LiveAttemptsDocument,
    "fragment HookFields on Hook {\n  id\n  name\n  events\n  url\n  headers {\n    name\n    value\n  }\n  enabled\n  ordered\n  rateLimit\n  createdAt\n  updatedAt\n  disabledAt\n  disabledReason\n  failingSince\n}\n\nfragment EventFields on Event {\n  id\n  event\n  payload\n  idempotencyKey\n  createdAt\n}\n\nfragment DeliveryFields on Delivery {\n  id\n  hookId\n  eventId\n  event\n  status\n  attemptCount\n  nextAttemptAt\n  lastError\n  createdAt\n  updatedAt\n}\n\nfragment AttemptFields on DeliveryAttempt {\n  id\n  number\n  trigger\n  startedAt\n  durationMs\n  succeeded\n  request {\n    url\n    headers {\n      name\n      value\n    }\n    body\n  }\n  responseStatus\n  responseBody\n  errorKind\n  errorMessage\n}\n\nfragment AttemptAnswerFields on DeliveryAttempt {\n  id\n  number\n  trigger\n  startedAt\n  durationMs\n  succeeded\n  responseStatus\n  responseBody\n  errorKind\n  errorMessage\n}\n\nfragment PageInfoFields on PageInfo {\n  endCursor\n  hasNextPage\n}\n\nfragment DeliveryUpdateFields on DeliveryUpdate {\n  deliveryId\n  hookId\n  eventId\n  event\n  status\n  attemptNumber\n  succeeded\n  responseStatus\n  errorKind\n  errorMessage\n  durationMs\n  nextAttemptAt\n  startedAt\n}\n\nfragment DeliveryOutcomeFields on Delivery {\n  id\n  eventId\n  event\n  status\n  attemptCount\n  nextAttemptAt\n  createdAt\n  updatedAt\n}\n\nfragment AttemptOutcomeFields on DeliveryAttempt {\n  id\n  number\n  trigger\n  startedAt\n  durationMs\n  succeeded\n  responseStatus\n  errorKind\n}": types.HookFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleViewer {\n    viewer {\n      keyId\n      name\n      scopes\n    }\n  }\n"): (typeof documents)["\n  query ConsoleViewer {\n    viewer {\n      keyId\n      name\n      scopes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleEventTypes {\n    eventTypes {\n      name\n      group\n      description\n    }\n  }\n"): (typeof documents)["\n  query ConsoleEventTypes {\n    eventTypes {\n      name\n      group\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleApiKeys($first: Int!, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        scopes\n        createdAt\n        revokedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query ConsoleApiKeys($first: Int!, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        scopes\n        createdAt\n        revokedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: CreateHookInput!) {\n    createHook(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($input: CreateHookInput!) {\n    createHook(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateEventType($input: CreateEventTypeInput!) {\n    createEventType(input: $input) {\n      name\n      group\n      description\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateEventType($input: CreateEventTypeInput!) {\n    createEventType(input: $input) {\n      name\n      group\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeleteEventType($name: String!) {\n    deleteEventType(name: $name) {\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleDeleteEventType($name: String!) {\n    deleteEventType(name: $name) {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventLog($first: Int!, $after: String, $types: [String!], $since: DateTime, $until: DateTime) {\n    events(first: $first, after: $after, types: $types, since: $since, until: $until) {\n      nodes {\n        id\n        event\n        createdAt\n        idempotencyKey\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query EventLog($first: Int!, $after: String, $types: [String!], $since: DateTime, $until: DateTime) {\n    events(first: $first, after: $after, types: $types, since: $since, until: $until) {\n      nodes {\n        id\n        event\n        createdAt\n        idempotencyKey\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveEvents($types: [String!]) {\n    events(types: $types) {\n      id\n      event\n      createdAt\n      idempotencyKey\n    }\n  }\n"): (typeof documents)["\n  subscription LiveEvents($types: [String!]) {\n    events(types: $types) {\n      id\n      event\n      createdAt\n      idempotencyKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventDetails($id: ID!) {\n    event(id: $id) {\n      id\n      event\n      payload\n      idempotencyKey\n      createdAt\n      deliveries(first: 100) {\n        nodes {\n          id\n          hookId\n          status\n          attemptCount\n          lastError\n          updatedAt\n        }\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventDetails($id: ID!) {\n    event(id: $id) {\n      id\n      event\n      payload\n      idempotencyKey\n      createdAt\n      deliveries(first: 100) {\n        nodes {\n          id\n          hookId\n          status\n          attemptCount\n          lastError\n          updatedAt\n        }\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReplayEvent($eventId: ID!, $hookId: ID!) {\n    replayEvent(eventId: $eventId, hookId: $hookId) {\n      id\n      hookId\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleReplayEvent($eventId: ID!, $hookId: ID!) {\n    replayEvent(eventId: $eventId, hookId: $hookId) {\n      id\n      hookId\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOverview {\n    attemptSeries(hours: 24) {\n      hour\n      succeeded\n      failed\n    }\n    queue {\n      due\n      open\n      oldestDueAt\n      oldestDueAgeSeconds\n    }\n  }\n"): (typeof documents)["\n  query ConsoleOverview {\n    attemptSeries(hours: 24) {\n      hour\n      succeeded\n      failed\n    }\n    queue {\n      due\n      open\n      oldestDueAt\n      oldestDueAgeSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDelivery($id: ID!) {\n    delivery(id: $id) {\n      ...DeliveryFields\n      attempts {\n        ...AttemptFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDelivery($id: ID!) {\n    delivery(id: $id) {\n      ...DeliveryFields\n      attempts {\n        ...AttemptFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendDelivery($deliveryId: ID!) {\n    redeliver(deliveryId: $deliveryId) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n"): (typeof documents)["\n  mutation ResendDelivery($deliveryId: ID!) {\n    redeliver(deliveryId: $deliveryId) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($hookId: ID!, $first: Int!, $after: String, $status: DeliveryStatus, $event: String, $since: DateTime, $until: DateTime) {\n    deliveries(hookId: $hookId, first: $first, after: $after, status: $status, event: $event, since: $since, until: $until) {\n      nodes {\n        ...DeliveryFields\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($hookId: ID!, $first: Int!, $after: String, $status: DeliveryStatus, $event: String, $since: DateTime, $until: DateTime) {\n    deliveries(hookId: $hookId, first: $first, after: $after, status: $status, event: $event, since: $since, until: $until) {\n      nodes {\n        ...DeliveryFields\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WebhookAttempts($hookId: ID) {\n    deliveryUpdated(hookId: $hookId) {\n      ...DeliveryUpdateFields\n    }\n  }\n"): (typeof documents)["\n  subscription WebhookAttempts($hookId: ID) {\n    deliveryUpdated(hookId: $hookId) {\n      ...DeliveryUpdateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecoverWebhookDeliveries($hookId: ID!, $since: DateTime!, $until: DateTime) {\n    recoverFailedDeliveries(hookId: $hookId, since: $since, until: $until)\n  }\n"): (typeof documents)["\n  mutation RecoverWebhookDeliveries($hookId: ID!, $since: DateTime!, $until: DateTime) {\n    recoverFailedDeliveries(hookId: $hookId, since: $since, until: $until)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookSigningKey($id: ID!) {\n    hook(id: $id) {\n      ...SigningKeys\n    }\n  }\n\n  fragment SigningKeys on Hook {\n    id\n    signingKey\n    retiredSigningKeys {\n      key\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query WebhookSigningKey($id: ID!) {\n    hook(id: $id) {\n      ...SigningKeys\n    }\n  }\n\n  fragment SigningKeys on Hook {\n    id\n    signingKey\n    retiredSigningKeys {\n      key\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateWebhookKey($id: ID!, $gracePeriod: String) {\n    regenerateSigningKey(id: $id, gracePeriod: $gracePeriod) {\n      ...SigningKeys\n    }\n  }\n"): (typeof documents)["\n  mutation RegenerateWebhookKey($id: ID!, $gracePeriod: String) {\n    regenerateSigningKey(id: $id, gracePeriod: $gracePeriod) {\n      ...SigningKeys\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndRetiredWebhookKeys($id: ID!) {\n    endRetiredSigningKeys(id: $id) {\n      ...SigningKeys\n    }\n  }\n"): (typeof documents)["\n  mutation EndRetiredWebhookKeys($id: ID!) {\n    endRetiredSigningKeys(id: $id) {\n      ...SigningKeys\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestWebhook($id: ID!, $event: String!, $config: TestHookConfigInput) {\n    testHook(id: $id, event: $event, config: $config) {\n      ok\n      url\n      responseStatus\n      responseBody\n      durationMs\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation TestWebhook($id: ID!, $event: String!, $config: TestHookConfigInput) {\n    testHook(id: $id, event: $event, config: $config) {\n      ok\n      url\n      responseStatus\n      responseBody\n      durationMs\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDetails($id: ID!) {\n    hook(id: $id) {\n      ...HookFields\n      executionStats {\n        requestCount\n        successCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDetails($id: ID!) {\n    hook(id: $id) {\n      ...HookFields\n      executionStats {\n        requestCount\n        successCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhook($id: ID!, $input: UpdateHookInput!) {\n    updateHook(id: $id, input: $input) {\n      ...HookFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhook($id: ID!, $input: UpdateHookInput!) {\n    updateHook(id: $id, input: $input) {\n      ...HookFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: ID!) {\n    deleteHook(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhook($id: ID!) {\n    deleteHook(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhooksPage($first: Int!, $after: String) {\n    hooks(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        events\n        enabled\n        disabledReason\n        failingSince\n        executionStats {\n          requestCount\n          successCount\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query WebhooksPage($first: Int!, $after: String) {\n    hooks(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        events\n        enabled\n        disabledReason\n        failingSince\n        executionStats {\n          requestCount\n          successCount\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveAttempts($hookId: ID) {\n    deliveryUpdated(hookId: $hookId) {\n      deliveryId\n      hookId\n      succeeded\n      status\n      startedAt\n    }\n  }\n"): (typeof documents)["\n  subscription LiveAttempts($hookId: ID) {\n    deliveryUpdated(hookId: $hookId) {\n      deliveryId\n      hookId\n      succeeded\n      status\n      startedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment HookFields on Hook {\n  id\n  name\n  events\n  url\n  headers {\n    name\n    value\n  }\n  enabled\n  ordered\n  rateLimit\n  createdAt\n  updatedAt\n  disabledAt\n  disabledReason\n  failingSince\n}\n\nfragment EventFields on Event {\n  id\n  event\n  payload\n  idempotencyKey\n  createdAt\n}\n\nfragment DeliveryFields on Delivery {\n  id\n  hookId\n  eventId\n  event\n  status\n  attemptCount\n  nextAttemptAt\n  lastError\n  createdAt\n  updatedAt\n}\n\nfragment AttemptFields on DeliveryAttempt {\n  id\n  number\n  trigger\n  startedAt\n  durationMs\n  succeeded\n  request {\n    url\n    headers {\n      name\n      value\n    }\n    body\n  }\n  responseStatus\n  responseBody\n  errorKind\n  errorMessage\n}\n\nfragment AttemptAnswerFields on DeliveryAttempt {\n  id\n  number\n  trigger\n  startedAt\n  durationMs\n  succeeded\n  responseStatus\n  responseBody\n  errorKind\n  errorMessage\n}\n\nfragment PageInfoFields on PageInfo {\n  endCursor\n  hasNextPage\n}\n\nfragment DeliveryUpdateFields on DeliveryUpdate {\n  deliveryId\n  hookId\n  eventId\n  event\n  status\n  attemptNumber\n  succeeded\n  responseStatus\n  errorKind\n  errorMessage\n  durationMs\n  nextAttemptAt\n  startedAt\n}\n\nfragment DeliveryOutcomeFields on Delivery {\n  id\n  eventId\n  event\n  status\n  attemptCount\n  nextAttemptAt\n  createdAt\n  updatedAt\n}\n\nfragment AttemptOutcomeFields on DeliveryAttempt {\n  id\n  number\n  trigger\n  startedAt\n  durationMs\n  succeeded\n  responseStatus\n  errorKind\n}"): (typeof documents)["fragment HookFields on Hook {\n  id\n  name\n  events\n  url\n  headers {\n    name\n    value\n  }\n  enabled\n  ordered\n  rateLimit\n  createdAt\n  updatedAt\n  disabledAt\n  disabledReason\n  failingSince\n}\n\nfragment EventFields on Event {\n  id\n  event\n  payload\n  idempotencyKey\n  createdAt\n}\n\nfragment DeliveryFields on Delivery {\n  id\n  hookId\n  eventId\n  event\n  status\n  attemptCount\n  nextAttemptAt\n  lastError\n  createdAt\n  updatedAt\n}\n\nfragment AttemptFields on DeliveryAttempt {\n  id\n  number\n  trigger\n  startedAt\n  durationMs\n  succeeded\n  request {\n    url\n    headers {\n      name\n      value\n    }\n    body\n  }\n  responseStatus\n  responseBody\n  errorKind\n  errorMessage\n}\n\nfragment AttemptAnswerFields on DeliveryAttempt {\n  id\n  number\n  trigger\n  startedAt\n  durationMs\n  succeeded\n  responseStatus\n  responseBody\n  errorKind\n  errorMessage\n}\n\nfragment PageInfoFields on PageInfo {\n  endCursor\n  hasNextPage\n}\n\nfragment DeliveryUpdateFields on DeliveryUpdate {\n  deliveryId\n  hookId\n  eventId\n  event\n  status\n  attemptNumber\n  succeeded\n  responseStatus\n  errorKind\n  errorMessage\n  durationMs\n  nextAttemptAt\n  startedAt\n}\n\nfragment DeliveryOutcomeFields on Delivery {\n  id\n  eventId\n  event\n  status\n  attemptCount\n  nextAttemptAt\n  createdAt\n  updatedAt\n}\n\nfragment AttemptOutcomeFields on DeliveryAttempt {\n  id\n  number\n  trigger\n  startedAt\n  durationMs\n  succeeded\n  responseStatus\n  errorKind\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;