import { useId, type InputHTMLAttributes } from 'react';

/** A labelled input with its error shown under it and tied to it (aria-describedby). */
export function TextField({ label, error, hint, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string }) {
  const id = useId();
  return (
    <label className="field">
      <span>{label}</span>
      <input {...input} aria-invalid={error ? true : undefined} aria-describedby={error || hint ? id : undefined} />
      {error ? (
        <span id={id} className="field-error" role="alert">
          {error}
        </span>
      ) : (
        hint && (
          <span id={id} className="hint">
            {hint}
          </span>
        )
      )}
    </label>
  );
}
