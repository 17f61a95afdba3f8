/**
 * Header names the HTTP transport owns (framing, connection management, the target's host),
 * lower-case. Defined here, with no dependency, because both halves need them: the engine
 * refuses them as a hook's custom headers (undici refuses most of them, the attempt then ending
 * as a `network` outcome with `UND_ERR_INVALID_ARG` or `UND_ERR_NOT_SUPPORTED`, and `host`
 * would override the target's), and `hookwire listen` leaves them to the local fetch when it
 * replays a delivery. Not part of the SDK's API.
 */
export const TRANSPORT_HEADER_NAMES: readonly string[] = Object.freeze([
  'host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect', 'te', 'trailer',
]);
