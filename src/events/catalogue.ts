import { OPERATIONAL_EVENTS } from '../delivery/operational-events';

/**
 * Logto's three groups of hook events; `OPERATIONAL` for hookwire's events about its own
 * deliveries; `CUSTOM` for types an admin registers.
 */
export type EventGroup = 'INTERACTION' | 'DATA' | 'EXCEPTION' | 'OPERATIONAL' | 'CUSTOM';

/** One entry of the event catalogue. */
export interface EventTypeInfo {
  name: string;
  group: EventGroup;
  description: string;
}

const interaction = (name: string, description: string): EventTypeInfo => ({ name, group: 'INTERACTION', description });
const exception = (name: string, description: string): EventTypeInfo => ({ name, group: 'EXCEPTION', description });
const operational = (name: string, description: string): EventTypeInfo => ({ name, group: 'OPERATIONAL', description });

// Logto's data events are `<Schema>.Created | Deleted | Data.Updated` plus a few extras per schema.
const DATA_SCHEMAS: Array<[schema: string, label: string, extras: Array<[string, string]>]> = [
  ['User', 'user', [['SuspensionStatus.Updated', "A user's suspension status changed"]]],
  ['Role', 'role', [['Scopes.Updated', "A role's permissions changed"]]],
  ['Scope', 'permission (API resource scope)', []],
  ['Organization', 'organization', [['Membership.Updated', "An organization's members changed"]]],
  ['OrganizationRole', 'organization role', [['Scopes.Updated', "An organization role's permissions changed"]]],
  ['OrganizationScope', 'organization permission', []],
];

/** "A user", "An organization": by the sound, so a "u" said "you" takes "A". */
function withArticle(label: string): string {
  return `${/^(?:[aeio]|u(?!s))/i.test(label) ? 'An' : 'A'} ${label}`;
}

function dataEvents(): EventTypeInfo[] {
  return DATA_SCHEMAS.flatMap(([schema, label, extras]) => [
    { name: `${schema}.Created`, group: 'DATA' as const, description: `${withArticle(label)} was created` },
    { name: `${schema}.Deleted`, group: 'DATA' as const, description: `${withArticle(label)} was deleted` },
    { name: `${schema}.Data.Updated`, group: 'DATA' as const, description: `${withArticle(label)}'s data was updated` },
    ...extras.map(([suffix, description]) => ({ name: `${schema}.${suffix}`, group: 'DATA' as const, description })),
  ]);
}

/** Logto's hook events (the same 29 names a Logto receiver already handles), then hookwire's operational ones. */
export const BUILT_IN_EVENT_TYPES: readonly EventTypeInfo[] = Object.freeze([
  interaction('PostRegister', 'A user registered through a sign-in experience'),
  interaction('PostSignIn', 'A user signed in through a sign-in experience'),
  interaction('PostSignInAdaptiveMfaTriggered', 'Adaptive MFA asked a signing-in user for a second factor'),
  interaction('PostResetPassword', 'A user reset their password'),
  ...dataEvents(),
  exception('Identifier.Lockout', 'An identifier was locked out after too many failed attempts'),
  exception('Message.RateLimited', 'A verification message was rate limited'),
  exception('Grant.LimitExceeded', 'A user exceeded the maximum number of grants for an application'),
  operational(OPERATIONAL_EVENTS.hookDisabled, 'hookwire disabled a hook (410 Gone, or failing continuously)'),
  operational(OPERATIONAL_EVENTS.deliveryFailing, "A delivery's 4th attempt failed; it keeps retrying"),
  operational(OPERATIONAL_EVENTS.deliveryExhausted, 'A delivery used its last attempt and failed'),
  operational(OPERATIONAL_EVENTS.deliveryRecovered, 'A delivery reported as failing succeeded'),
]);

const BUILT_IN_NAMES = new Set(BUILT_IN_EVENT_TYPES.map((type) => type.name));

/** True for one of Logto's built-in event names. */
export function isBuiltInEventType(name: string): boolean {
  return BUILT_IN_NAMES.has(name);
}
