import { HEADER_NAME, HEADER_VALUE } from '../../../../hooks/header-rules';

/** One row of the custom-headers editor. */
export interface HeaderRow {
  name: string;
  value: string;
}

/** Logto's rules for the rows: both parts or neither, allowed characters, no duplicate names. One message per row. */
export function headerProblems(rows: readonly HeaderRow[]): Array<string | null> {
  const seen = new Set<string>();
  return rows.map(({ name, value }) => {
    if (name === '' && value === '') return null;
    if (name === '') return 'A header needs a name';
    if (value === '') return 'A header needs a value';
    if (!HEADER_NAME.test(name)) return 'The name must be printable ASCII without spaces or colons';
    if (!HEADER_VALUE.test(value)) return 'The value must be printable ASCII';
    const key = name.toLowerCase();
    if (seen.has(key)) return `“${name}” is given twice`;
    seen.add(key);
    return null;
  });
}

/** The rows to send: empty rows dropped. */
export function filledHeaders(rows: readonly HeaderRow[]): HeaderRow[] {
  return rows.filter((row) => row.name !== '' || row.value !== '');
}

/** Custom headers as key/value rows with add and remove. */
export function HeadersEditor({ rows, onChange, disabled }: { rows: HeaderRow[]; onChange(next: HeaderRow[]): void; disabled?: boolean }) {
  const problems = headerProblems(rows);
  const set = (index: number, patch: Partial<HeaderRow>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="headers" disabled={disabled}>
      <legend>Custom headers</legend>
      {rows.map((row, index) => (
        <div key={index} className="header-row">
          <input aria-label={`Header ${index + 1} name`} placeholder="Name" value={row.name} onChange={(event) => set(index, { name: event.target.value })} />
          <input aria-label={`Header ${index + 1} value`} placeholder="Value" value={row.value} onChange={(event) => set(index, { value: event.target.value })} />
          {!disabled && (
            <button type="button" className="button small" aria-label={`Remove header ${index + 1}`} onClick={() => onChange(rows.filter((_, at) => at !== index))}>
              Remove
            </button>
          )}
          {problems[index] && (
            <span className="field-error" role="alert">
              {problems[index]}
            </span>
          )}
        </div>
      ))}
      {rows.length === 0 && <p className="muted">No custom headers.</p>}
      {!disabled && (
        <button type="button" className="button small" onClick={() => onChange([...rows, { name: '', value: '' }])}>
          Add header
        </button>
      )}
    </fieldset>
  );
}
