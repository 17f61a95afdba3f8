import { useId } from 'react';
import { pickerGroups, selects } from './event-groups';
import { useEventTypes } from './use-event-types';

/**
 * Events as grouped checkboxes (Logto's groups, then operational and custom types), each data
 * group with its pattern (`User.*`) and "every event" (`*`) on top. `value` holds types and patterns.
 */
export function EventPicker({ value, onChange, error, disabled }: { value: string[]; onChange(next: string[]): void; error?: string; disabled?: boolean }) {
  const { data } = useEventTypes();
  const errorId = useId();
  const groups = pickerGroups(data?.eventTypes ?? []);
  const toggle = (entry: string, on: boolean) => onChange(on ? [...value, entry] : value.filter((item) => item !== entry));
  // A type or pattern already selected by a broader checked entry (`User.*`, `*`) shows checked and locked.
  const coveredBy = (self: string) => value.some((entry) => entry !== self && selects(entry, self));
  return (
    <fieldset className="event-picker" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined} disabled={disabled}>
      <legend>Events</legend>
      <label className="check every">
        <input type="checkbox" checked={value.includes('*')} onChange={(event) => toggle('*', event.target.checked)} />
        <span>
          Every event (<code>*</code>)
        </span>
      </label>
      <div className="groups">
        {groups.map((group) => (
          <fieldset key={group.label} className="group">
            <legend>{group.label}</legend>
            {group.pattern && (
              <label className="check pattern">
                <input
                  type="checkbox"
                  checked={value.includes(group.pattern)}
                  disabled={coveredBy(group.pattern)}
                  onChange={(event) => toggle(group.pattern!, event.target.checked)}
                />
                <span>
                  All {group.label} events (<code>{group.pattern}</code>)
                </span>
              </label>
            )}
            {group.types.map((type) => {
              const covered = coveredBy(type);
              return (
                <label key={type} className="check">
                  <input type="checkbox" checked={value.includes(type) || covered} disabled={covered} onChange={(event) => toggle(type, event.target.checked)} />
                  {type}
                </label>
              );
            })}
          </fieldset>
        ))}
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
