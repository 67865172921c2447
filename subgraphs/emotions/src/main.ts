import { runService } from '@mindscape/platform';
import { createEmotionsSubgraph } from './app.js';
import { emotionsConfigSchema } from './config.js';

await runService('emotions', emotionsConfigSchema, (config) => createEmotionsSubgraph(config));
