import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';

/** `DateTime`: ISO-8601 strings on the wire, `Date` in resolvers. */
export const DateTimeScalar = DateTimeResolver;

/** `JSONObject`: event payloads and other free-form objects (never arrays or primitives). */
export const JSONObjectScalar = JSONObjectResolver;
