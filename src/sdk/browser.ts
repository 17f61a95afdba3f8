/**
 * The SDK as a browser bundle gets it (the package's `browser` condition): the client and
 * its types, without the receivers' `verify` helpers, which need `node:crypto`.
 */
export * from './client.js';
export * from './generated.js';
