/**
 * Logto's console rules for custom headers, shared by the API's validation and the console's
 * form: a name is printable ASCII without space or colon, a value printable ASCII.
 */
export const HEADER_NAME = /^[\x21-\x39\x3B-\x7E]+$/;

/** A header value: printable ASCII, spaces allowed. */
export const HEADER_VALUE = /^[\x20-\x7E]*$/;
