/** The engines `npm test` started (or was pointed at), as the harness passes them on. */
export interface TestEngines {
  mongoUri: string;
  neo4jUri: string;
  neo4jUser: string;
  neo4jPassword: string;
}

export function testEngines(): TestEngines {
  const { MONGODB_URI, NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD } = process.env;
  if (!MONGODB_URI || !NEO4J_URI || !NEO4J_PASSWORD) {
    throw new Error(
      'Integration tests need the engines: run them through `npm test`, which starts them.',
    );
  }
  return {
    mongoUri: MONGODB_URI,
    neo4jUri: NEO4J_URI,
    neo4jUser: NEO4J_USER ?? 'neo4j',
    neo4jPassword: NEO4J_PASSWORD,
  };
}

/** A database name no other test run uses. */
export const uniqueName = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
