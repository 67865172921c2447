import { runService } from '@mindscape/platform';
import { createUsersSubgraph } from './app.js';
import { usersConfigSchema } from './config.js';

await runService('users', usersConfigSchema, (config) => createUsersSubgraph(config));
