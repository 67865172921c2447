// The stories subgraph, and its Neo4j-free core: Twee 3 and Twine 2 HTML interchange, link
// and variable extraction for the common story formats, story validation (full and kept).
export * from './interchange/links.js';
export * from './interchange/source-graph.js';
export * from './interchange/story-source.js';
export * from './interchange/twee.js';
export * from './interchange/twine-html.js';
export * from './validation/validate.js';
export * from './validation/cache.js';
export type { SceneState, StoryState } from './model.js';
export * from './app.js';
export * from './config.js';
