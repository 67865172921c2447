import { ConfigError, loadConfig } from '@mindscape/platform';
import { CompositionError, createGateway } from './app.js';
import { gatewayConfigSchema } from './config.js';

try {
  const gateway = await createGateway(loadConfig('gateway', gatewayConfigSchema));
  const stop = async () => {
    await gateway.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  console.error(
    error instanceof ConfigError || error instanceof CompositionError ? error.message : error,
  );
  process.exit(1);
}
