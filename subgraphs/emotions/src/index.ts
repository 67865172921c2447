export { createEmotionsSubgraph, type EmotionsSubgraph } from './app.js';
export { emotionsConfigSchema, type EmotionsConfig } from './config.js';
