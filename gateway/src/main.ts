// Telemetry first, and the rest loaded only after it: the SDK must patch http and fetch
// before any module uses them (platform/src/telemetry.ts; off unless OTEL_* is set).
import '@mindscape/platform/telemetry';

const { runService } = await import('@mindscape/platform');
const { CompositionError, createGateway } = await import('./app.js');
const { gatewayConfigSchema } = await import('./config.js');

await runService('gateway', gatewayConfigSchema, (config) => createGateway(config), [
  CompositionError,
]);
