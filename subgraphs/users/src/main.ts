import { ConfigError, loadConfig } from '@mindscape/platform';
import { createUsersSubgraph } from './app.js';
import { usersConfigSchema } from './config.js';

try {
  const subgraph = await createUsersSubgraph(loadConfig('users', usersConfigSchema));
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
