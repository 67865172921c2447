export * from './graph-schemas.js';
export * from './matrix.js';
export * from './operations.js';
export * from './private-data.js';
export * from './private-tokens.js';
export * from './recording-proxy.js';
export * from './subscription-matrix.js';
export * from './fuzz.js';
