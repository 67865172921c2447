import { ConfigError, loadConfig } from '@mindscape/platform';
import { createEmotionsSubgraph } from './app.js';
import { emotionsConfigSchema } from './config.js';

try {
  const subgraph = await createEmotionsSubgraph(loadConfig('emotions', emotionsConfigSchema));
  const stop = async () => {
    await subgraph.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
