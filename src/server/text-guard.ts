import type { RequestHandler } from 'express';

// With the `u` flag a well-formed surrogate pair is one code point, so \p{Cs} finds only lone halves.
const UNSTORABLE = /\u0000|\p{Cs}/u;

/**
 * True when `text` can be stored as it is: no U+0000 and no lone UTF-16 surrogate. Both are
 * valid in a JSON string, yet PostgreSQL refuses them in `text` and `jsonb`, and the SQLite
 * driver cuts a statement short at a NUL, so they would fail as internal errors.
 */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** What a request holding an unstorable string is refused with (BAD_USER_INPUT), on every transport. */
export const UNSTORABLE_TEXT_MESSAGE =
  'the request holds a string with a NUL character (U+0000) or an unpaired surrogate, which cannot be stored';

/** True when every string (and object key) in a parsed JSON value is storable. */
export function isStorableJson(root: unknown): boolean {
  // A loop over an explicit stack: a deeply nested body must not overflow the call stack.
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (!isStorableText(value)) return false;
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
    } else if (typeof value === 'object' && value !== null) {
      // Object.keys, not Object.entries: no [key, value] pair per property of every batch.
      for (const key of Object.keys(value)) {
        if (!isStorableText(key)) return false;
        pending.push((value as Record<string, unknown>)[key]);
      }
    }
  }
  return true;
}

/**
 * Answers a GraphQL request whose document or variables hold a string that cannot be stored
 * with 400 BAD_USER_INPUT before any resolver runs, alike on SQLite and PostgreSQL.
 */
export const rejectUnstorableText: RequestHandler = (req, res, next) => {
  // GET carries the document and variables in the query string, POST in the body.
  if (isStorableJson(req.body) && isStorableJson(req.query)) return next();
  res.status(400).json({
    errors: [
      {
        message: UNSTORABLE_TEXT_MESSAGE,
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ],
  });
};
