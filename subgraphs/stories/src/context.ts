import type { RequestAssertion } from '@mindscape/platform';

/** What every resolver of the stories subgraph is handed. */
export interface StoriesContext {
  assertion: RequestAssertion;
  /** What @neo4j/graphql's authorization rules read as `$jwt`. */
  jwt?: { sub: string };
}
