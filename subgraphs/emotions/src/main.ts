// Telemetry first, and the rest loaded only after it (see gateway/src/main.ts).
import '@mindscape/platform/telemetry';

const { runService } = await import('@mindscape/platform');
const { createEmotionsSubgraph } = await import('./app.js');
const { emotionsConfigSchema } = await import('./config.js');

await runService('emotions', emotionsConfigSchema, (config) => createEmotionsSubgraph(config));
