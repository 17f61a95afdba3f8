/** A labelled `datetime-local` input for one end of a time range; `onChange` gets its local text (see `isoOf`). */
export function TimeField({ label, value, onChange }: { label: string; value: string; onChange: (local: string) => void }) {
  return (
    <label className="field inline">
      <span>{label}</span>
      <input type="datetime-local" value={value} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}
