// Telemetry first, and the rest loaded only after it (see gateway/src/main.ts).
import '@mindscape/platform/telemetry';

const { runService } = await import('@mindscape/platform');
const { createCompanionSubgraph } = await import('./app.js');
const { companionConfigSchema } = await import('./config.js');

await runService('companion', companionConfigSchema, (config) => createCompanionSubgraph(config));
