/** A date-time in the reader's locale, to the second. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** JSON text pretty-printed when it parses, as given otherwise. */
export function prettyJson(text: string | null | undefined): string {
  if (text == null) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** `datetime-local` text (the reader's local time) as an ISO instant, or null when empty. */
export function isoOf(local: string): string | null {
  return local === '' ? null : new Date(local).toISOString();
}
