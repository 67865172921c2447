export * from './report.js';
export * from './stack.js';
export * from './wearables.js';
export * from './ledger.js';
export * from './events.js';
export { scenarios, type Scenario } from './scenarios/index.js';
