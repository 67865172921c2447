export { createUsersSubgraph, type UsersSubgraph } from './app.js';
export { usersConfigSchema, type UsersConfig } from './config.js';
