export { createCompanionSubgraph, type CompanionSubgraph } from './app.js';
export { companionConfigSchema, type CompanionConfig } from './config.js';
export { TextVault } from './crypto/sealed-text.js';
// For the retrieval benchmark: the memory path without the GraphQL around it.
export { loadEmbedder } from './memory/embedder.js';
export { extractMemories } from './memory/extract.js';
export { prepareMemories } from './memory/prepare.js';
export { retrieve, type Embedder, type RetrievalPath } from './memory/retrieve.js';
export { MemoryStore } from './memory/store.js';
export { VectorCache } from './memory/vector-cache.js';
