// Telemetry first, and the rest loaded only after it (see gateway/src/main.ts).
import '@mindscape/platform/telemetry';

const { runService } = await import('@mindscape/platform');
const { createUsersSubgraph } = await import('./app.js');
const { usersConfigSchema } = await import('./config.js');

await runService('users', usersConfigSchema, (config) => createUsersSubgraph(config));
