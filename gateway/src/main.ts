import { runService } from '@mindscape/platform';
import { CompositionError, createGateway } from './app.js';
import { gatewayConfigSchema } from './config.js';

await runService('gateway', gatewayConfigSchema, (config) => createGateway(config), [
  CompositionError,
]);
