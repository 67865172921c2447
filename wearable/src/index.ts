export * from './graph-client.js';
export * from './recording.js';
export * from './stream.js';
export * from './clock.js';
