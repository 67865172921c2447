export * from './heart-rate-measurement.js';
export * from './hrv/index.js';
