export * from './provision.js';
export * from './schema.js';
export * from './server.js';
export * from './counting-driver.js';
