export * from './assertions.js';
export * from './client.js';
export * from './engines.js';
export * from './stack.js';
export * from './until.js';
export * from './wear.js';
export * from './ws.js';
export * from './security/index.js';
