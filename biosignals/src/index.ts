export * from './heart-rate-measurement.js';
export * from './hrv/index.js';
export * from './simulate.js';
export * from './uplink.js';
