// Telemetry first, and the rest loaded only after it (see gateway/src/main.ts).
import '@mindscape/platform/telemetry';

const { runService } = await import('@mindscape/platform');
const { createStoriesSubgraph } = await import('./app.js');
const { storiesConfigSchema } = await import('./config.js');

await runService('stories', storiesConfigSchema, (config) => createStoriesSubgraph(config));
