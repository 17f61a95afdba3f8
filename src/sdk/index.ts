export * from './client';
export * from './generated';
export * from './verify';
