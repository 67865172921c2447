export * from './build.js';
export * from './server.js';
