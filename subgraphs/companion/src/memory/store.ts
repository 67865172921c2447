import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';

/**
 * The companion's graph memory in Neo4j. Every statement carries the owner predicate
 * (`ownerId = $owner`), the vector and keyword paths included. Times are epoch milliseconds.
 *
 *   (:Person {id})-[:REMEMBERS]->(:Memory)-[:MENTIONS]->(:Entity)
 *   (:Memory)-[:HAS_TERM]->(:Term {key})        keyed hashes of search terms, never words
 *   (:Memory)-[:SUPERSEDES]->(:Memory)          a correction and the fact it retired
 *   (:Person)-[:WROTE]->(:Turn {id})            turns already written (idempotent retries)
 */
export interface MemoryRecord {
  id: string;
  ownerId: string;
  kind: string;
  predicate: string;
  textSealed: string;
  validFrom: number;
  validTo: number | null;
  recordedAt: number;
  expiredAt: number | null;
  importance: number;
  mentions: number;
  conversationId: string;
  messageId: string;
  arisenIn: string[];
  entities: Array<{ id: string; kind: string; nameSealed: string }>;
}

/** A memory ready to write: sealed text, keyed hashes, vector. */
export interface PreparedMemory {
  id: string;
  kind: string;
  predicate: string;
  /** Keyed hashes: equal subjects/objects compare equal without plaintext. */
  subjectKey: string;
  objectKey: string;
  singleValued: boolean;
  textSealed: string;
  importance: number;
  embedding: number[];
  termKeys: string[];
  entities: Array<{ key: string; kind: string; nameSealed: string }>;
}

export interface TurnWrite {
  ownerId: string;
  turnId: string;
  conversationId: string;
  messageId: string;
  at: number;
  arisenIn: string[];
  memories: PreparedMemory[];
}

/** What became of each prepared memory: created, merged into a restated one, or retiring one. */
export interface WrittenMemory {
  id: string;
  outcome: 'created' | 'restated';
  retired: string[];
}

const VISIBLE = `m.recordedAt <= $asOf AND (m.expiredAt IS NULL OR m.expiredAt > $asOf)`;
const RETURN_MEMORY = `m {
  .id, .ownerId, .kind, .predicate, .textSealed, .validFrom, .validTo, .recordedAt, .expiredAt,
  .importance, .mentions, .conversationId, .messageId, .arisenIn,
  entities: [(m)-[:MENTIONS]->(e:Entity) | e { .id, .kind, .nameSealed }]
} AS memory`;

export class MemoryStore {
  constructor(private readonly driver: Driver) {}

  /**
   * One turn's memories in one transaction: all of them or none. A turn already written is
   * not written again (a retry with the same client message id changes nothing).
   */
  async writeTurn(turn: TurnWrite): Promise<WrittenMemory[] | 'already-written'> {
    const session = this.driver.session();
    try {
      return await session.executeWrite(async (tx) => {
        const claimed = await tx.run(
          `MERGE (p:Person {id: $owner}) ON CREATE SET p.epoch = randomUUID()
           WITH p
           OPTIONAL MATCH (p)-[:WROTE]->(done:Turn {id: $turnId})
           WITH p, done
           FOREACH (_ IN CASE WHEN done IS NULL THEN [1] ELSE [] END |
             CREATE (p)-[:WROTE]->(:Turn {id: $turnId, ownerId: $owner, at: $at})
             SET p.memoryVersion = coalesce(p.memoryVersion, 0) + 1)
           RETURN done IS NOT NULL AS already, p.memoryVersion AS version`,
          { owner: turn.ownerId, turnId: turn.turnId, at: turn.at },
        );
        if (claimed.records[0]!.get('already') === true) return 'already-written';
        // Every memory this turn creates or changes carries the person's new version, so a
        // cache of their vectors reads only what changed since it last looked.
        const versioned = { ...turn, version: claimed.records[0]!.get('version') as number };
        const written: WrittenMemory[] = [];
        for (const memory of turn.memories) written.push(await writeMemory(tx, versioned, memory));
        return written;
      });
    } finally {
      await session.close();
    }
  }

  async keyword(owner: string, termKeys: string[], asOf: number, k: number) {
    if (termKeys.length === 0) return [];
    const { records } = await this.driver.executeQuery(
      `MATCH (t:Term) WHERE t.key IN $keys
       WITH t, COUNT { (t)<-[:HAS_TERM]-() } AS df
       MATCH (t)<-[:HAS_TERM]-(m:Memory)
       WHERE m.ownerId = $owner AND ${VISIBLE}
       WITH m, df, COUNT { (:Memory {ownerId: $owner}) } AS n
       WITH m, sum(log(1.0 + toFloat(n) / df)) AS score
       ORDER BY score DESC LIMIT $k
       RETURN m.id AS id, score`,
      { keys: termKeys, owner, asOf, k: neo4j.int(k) },
      { routing: neo4j.routing.READ },
    );
    return records.map((r) => ({ id: r.get('id') as string, score: r.get('score') as number }));
  }

  /** Exact cosine over the person's own memories: the owner predicate comes first. */
  async vector(owner: string, embedding: number[], asOf: number, k: number) {
    const { records } = await this.driver.executeQuery(
      `MATCH (m:Memory) WHERE m.ownerId = $owner AND ${VISIBLE} AND m.embedding IS NOT NULL
       WITH m, vector.similarity.cosine(m.embedding, $embedding) AS score
       ORDER BY score DESC LIMIT $k
       RETURN m.id AS id, score`,
      { owner, embedding, asOf, k: neo4j.int(k) },
      { routing: neo4j.routing.READ },
    );
    return records.map((r) => ({ id: r.get('id') as string, score: r.get('score') as number }));
  }

  /**
   * The person's memory version, the version of their last forgetting and the epoch of their
   * memory (new after forgetEverything): a cache reloads when either of the last two moved.
   */
  async version(owner: string): Promise<{ version: number; forgotAt: number; epoch: string }> {
    const { records } = await this.driver.executeQuery(
      `OPTIONAL MATCH (p:Person {id: $owner})
       RETURN coalesce(p.memoryVersion, 0) AS version, coalesce(p.forgotAt, 0) AS forgotAt,
              coalesce(p.epoch, '') AS epoch`,
      { owner },
      { routing: neo4j.routing.READ },
    );
    const record = records[0]!;
    return {
      version: record.get('version') as number,
      forgotAt: record.get('forgotAt') as number,
      epoch: record.get('epoch') as string,
    };
  }

  /** Vectors and times of the person's memories changed after version `since`. */
  async vectorsSince(owner: string, since: number) {
    const { records } = await this.driver.executeQuery(
      `MATCH (m:Memory) WHERE m.ownerId = $owner AND coalesce(m.version, 1) > $since
         AND m.embedding IS NOT NULL
       RETURN m.id AS id, m.embedding AS embedding, m.recordedAt AS recordedAt, m.expiredAt AS expiredAt`,
      { owner, since },
      { routing: neo4j.routing.READ },
    );
    return records.map((r) => ({
      id: r.get('id') as string,
      embedding: r.get('embedding') as number[],
      recordedAt: r.get('recordedAt') as number,
      expiredAt: r.get('expiredAt') as number | null,
    }));
  }

  /** Memories sharing entities with the seeds (memory → entity → memory: two hops). */
  async expand(owner: string, seeds: string[], asOf: number, k: number) {
    if (seeds.length === 0) return [];
    const { records } = await this.driver.executeQuery(
      `MATCH (s:Memory)-[:MENTIONS]->(e:Entity)<-[:MENTIONS]-(m:Memory)
       WHERE s.id IN $seeds AND s.ownerId = $owner AND e.ownerId = $owner AND m.ownerId = $owner
         AND NOT m.id IN $seeds AND ${VISIBLE}
       WITH m, count(DISTINCT e) AS shared
       ORDER BY shared DESC, m.importance DESC LIMIT $k
       RETURN m.id AS id, toFloat(shared) AS score`,
      { owner, seeds, asOf, k: neo4j.int(k) },
      { routing: neo4j.routing.READ },
    );
    return records.map((r) => ({ id: r.get('id') as string, score: r.get('score') as number }));
  }

  async byIds(owner: string, ids: string[]): Promise<MemoryRecord[]> {
    if (ids.length === 0) return [];
    const { records } = await this.driver.executeQuery(
      `MATCH (m:Memory) WHERE m.id IN $ids AND m.ownerId = $owner RETURN ${RETURN_MEMORY}`,
      { owner, ids },
      { routing: neo4j.routing.READ },
    );
    const byId = new Map(
      records.map((r) => [(r.get('memory') as MemoryRecord).id, r.get('memory') as MemoryRecord]),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Newest first; `after` is the cursor of the last item seen. */
  async list(owner: string, asOf: number, first: number, after?: { at: number; id: string }) {
    const { records } = await this.driver.executeQuery(
      `MATCH (m:Memory) WHERE m.ownerId = $owner AND ${VISIBLE}
         AND ($afterAt IS NULL OR m.recordedAt < $afterAt OR (m.recordedAt = $afterAt AND m.id < $afterId))
       WITH m ORDER BY m.recordedAt DESC, m.id DESC LIMIT $first
       RETURN ${RETURN_MEMORY}`,
      {
        owner,
        asOf,
        first: neo4j.int(first),
        afterAt: after?.at ?? null,
        afterId: after?.id ?? null,
      },
      { routing: neo4j.routing.READ },
    );
    return records.map((r) => r.get('memory') as MemoryRecord);
  }

  /** Everything, retired facts included, for export. */
  async all(owner: string): Promise<MemoryRecord[]> {
    const { records } = await this.driver.executeQuery(
      `MATCH (m:Memory) WHERE m.ownerId = $owner
       WITH m ORDER BY m.recordedAt, m.id RETURN ${RETURN_MEMORY}`,
      { owner },
      { routing: neo4j.routing.READ },
    );
    return records.map((r) => r.get('memory') as MemoryRecord);
  }

  /** Gone for good: the node, its vector, its term links, and terms and entities left orphaned. */
  async forget(owner: string, id: string): Promise<boolean> {
    const { records } = await this.driver.executeQuery(
      `MATCH (m:Memory {id: $id}) WHERE m.ownerId = $owner
       OPTIONAL MATCH (m)-[:HAS_TERM]->(t:Term)
       OPTIONAL MATCH (m)-[:MENTIONS]->(e:Entity)
       WITH m, collect(DISTINCT t) AS terms, collect(DISTINCT e) AS entities
       DETACH DELETE m
       WITH terms, entities
       FOREACH (t IN [x IN terms WHERE NOT (x)<-[:HAS_TERM]-()] | DELETE t)
       FOREACH (e IN [x IN entities WHERE NOT (x)<-[:MENTIONS]-()] | DELETE e)
       WITH DISTINCT true AS forgotten
       MATCH (p:Person {id: $owner})
       SET p.memoryVersion = coalesce(p.memoryVersion, 0) + 1, p.forgotAt = p.memoryVersion
       RETURN forgotten`,
      { owner, id },
    );
    return records.length > 0;
  }

  /** Every node of the person's memory graph. */
  async forgetEverything(owner: string): Promise<number> {
    const { records } = await this.driver.executeQuery(
      `OPTIONAL MATCH (m:Memory) WHERE m.ownerId = $owner
       OPTIONAL MATCH (m)-[:HAS_TERM]->(t:Term)
       WITH collect(DISTINCT m) AS memories, collect(DISTINCT t) AS terms
       FOREACH (t IN terms | DETACH DELETE t)
       FOREACH (m IN memories | DETACH DELETE m)
       WITH size(memories) AS forgotten
       OPTIONAL MATCH (e:Entity) WHERE e.ownerId = $owner
       DETACH DELETE e
       WITH DISTINCT forgotten
       OPTIONAL MATCH (p:Person {id: $owner})
       OPTIONAL MATCH (p)-[:WROTE]->(turn:Turn)
       DETACH DELETE turn, p
       RETURN DISTINCT forgotten`,
      { owner },
    );
    return Number(records[0]?.get('forgotten') ?? 0);
  }
}

type VersionedTurn = TurnWrite & { version: number };

async function writeMemory(
  tx: ManagedTransaction,
  turn: VersionedTurn,
  memory: PreparedMemory,
): Promise<WrittenMemory> {
  const params = { owner: turn.ownerId, at: turn.at, ...memory };
  if (memory.kind !== 'EVENT') {
    // Restating a current fact merges into it; a new value of a one-value fact retires the old.
    const { records } = await tx.run(
      `MATCH (m:Memory)
       WHERE m.ownerId = $owner AND m.subjectKey = $subjectKey AND m.predicate = $predicate
         AND m.expiredAt IS NULL AND m.kind <> 'EVENT'
       RETURN m.id AS id, m.objectKey = $objectKey AS same`,
      params,
    );
    const same = records.find((r) => r.get('same') === true);
    if (same) {
      await tx.run(
        `MATCH (m:Memory {id: $id}) WHERE m.ownerId = $owner
         SET m.mentions = m.mentions + 1, m.lastConfirmedAt = $at, m.version = $version,
             m.importance = CASE WHEN m.importance + 0.05 > 1.0 THEN 1.0 ELSE m.importance + 0.05 END`,
        { id: same.get('id'), owner: turn.ownerId, at: turn.at, version: turn.version },
      );
      return { id: same.get('id') as string, outcome: 'restated', retired: [] };
    }
    if (memory.singleValued && records.length > 0) {
      const retired = records.map((r) => r.get('id') as string);
      await createMemory(tx, turn, memory);
      await tx.run(
        `MATCH (new:Memory {id: $id}), (old:Memory)
         WHERE old.id IN $retired AND old.ownerId = $owner AND new.ownerId = $owner
         SET old.validTo = $at, old.expiredAt = $at, old.version = $version
         CREATE (new)-[:SUPERSEDES]->(old)`,
        { id: memory.id, retired, owner: turn.ownerId, at: turn.at, version: turn.version },
      );
      return { id: memory.id, outcome: 'created', retired };
    }
  }
  await createMemory(tx, turn, memory);
  return { id: memory.id, outcome: 'created', retired: [] };
}

async function createMemory(tx: ManagedTransaction, turn: VersionedTurn, memory: PreparedMemory) {
  await tx.run(
    `MATCH (p:Person {id: $owner})
     CREATE (p)-[:REMEMBERS]->(m:Memory {
       id: $id, ownerId: $owner, kind: $kind, predicate: $predicate,
       subjectKey: $subjectKey, objectKey: $objectKey, textSealed: $textSealed,
       validFrom: $at, validTo: null, recordedAt: $at, expiredAt: null,
       importance: $importance, mentions: 1, conversationId: $conversationId,
       messageId: $messageId, turnId: $turnId, arisenIn: $arisenIn, embedding: $embedding,
       version: $version
     })
     WITH m
     UNWIND $entities AS entity
     MERGE (e:Entity {ownerId: $owner, key: entity.key})
       ON CREATE SET e.id = randomUUID(), e.kind = entity.kind, e.nameSealed = entity.nameSealed
     MERGE (m)-[:MENTIONS]->(e)`,
    {
      owner: turn.ownerId,
      at: turn.at,
      conversationId: turn.conversationId,
      messageId: turn.messageId,
      turnId: turn.turnId,
      arisenIn: turn.arisenIn,
      version: turn.version,
      ...memory,
    },
  );
  await tx.run(
    `MATCH (m:Memory {id: $id}) WHERE m.ownerId = $owner
     UNWIND $termKeys AS key
     MERGE (t:Term {key: key})
     MERGE (m)-[:HAS_TERM]->(t)`,
    { id: memory.id, owner: turn.ownerId, termKeys: memory.termKeys },
  );
}
