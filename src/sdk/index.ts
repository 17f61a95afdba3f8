export * from './client.js';
export * from './generated.js';
export * from './verify.js';
