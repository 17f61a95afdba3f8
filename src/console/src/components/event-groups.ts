import { matchesEventPattern } from '../../../events/event-pattern';
import type { EventGroup } from '../gql/graphql';

/** A group of the event picker: its label, its types, and the pattern selecting all of them. */
export interface PickerGroup {
  label: string;
  types: string[];
  /** `User.*` for a data group; null where no one prefix covers the group. */
  pattern: string | null;
}

// Logto's console groups data events by resource, in this order, and names Scope "Permission".
const DATA_GROUPS: Array<[prefix: string, label: string]> = [
  ['User', 'User'],
  ['Organization', 'Organization'],
  ['Role', 'Role'],
  ['OrganizationRole', 'Organization role'],
  ['Scope', 'Permission'],
  ['OrganizationScope', 'Organization permission'],
];
const OTHER_GROUPS: Array<[group: EventGroup, label: string]> = [
  ['INTERACTION', 'User interaction'],
  ['EXCEPTION', 'Security'],
  ['OPERATIONAL', 'Operational'],
  ['CUSTOM', 'Custom'],
];

/** The catalogue in the picker's groups (Logto's eight, then operational and custom types). */
export function pickerGroups(catalogue: ReadonlyArray<{ name: string; group: EventGroup }>): PickerGroup[] {
  const data = DATA_GROUPS.map(([prefix, label]) => ({
    label,
    pattern: `${prefix}.*`,
    types: catalogue.filter((type) => type.group === 'DATA' && type.name.split('.')[0] === prefix).map((type) => type.name),
  }));
  const others = OTHER_GROUPS.map(([group, label]) => ({
    label,
    pattern: null,
    types: catalogue.filter((type) => type.group === group).map((type) => type.name),
  }));
  return [...data, ...others].filter((group) => group.types.length > 0);
}

/** True when `entry` (a type or a pattern such as `User.*`, `*`) selects `type`: the server's rule. */
export const selects = matchesEventPattern;
