export * from './child.js';
export * from './progress.js';
export * from './wait.js';
export * from './redis-server.js';
