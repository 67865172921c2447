// Keys and indexes of the graph, applied at every start (each statement is idempotent).
// Stories: a story graph of scenes linked by choices (subgraphs/stories).
CREATE CONSTRAINT story_id IF NOT EXISTS FOR (n:Story) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT scene_id IF NOT EXISTS FOR (n:Scene) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT choice_id IF NOT EXISTS FOR (n:Choice) REQUIRE n.id IS UNIQUE;
CREATE INDEX story_status IF NOT EXISTS FOR (n:Story) ON (n.status);
// Companion memory: a person's remembered facts and the things they mention (subgraphs/companion).
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT memory_id IF NOT EXISTS FOR (n:Memory) REQUIRE n.id IS UNIQUE;
CREATE INDEX memory_owner IF NOT EXISTS FOR (n:Memory) ON (n.ownerId, n.recordedAt);
CREATE INDEX memory_fact IF NOT EXISTS FOR (n:Memory) ON (n.ownerId, n.subjectKey, n.predicate);
CREATE CONSTRAINT term_key IF NOT EXISTS FOR (n:Term) REQUIRE n.key IS UNIQUE;
CREATE INDEX entity_key IF NOT EXISTS FOR (n:Entity) ON (n.ownerId, n.key);
CREATE INDEX turn_id IF NOT EXISTS FOR (n:Turn) ON (n.id);
CREATE INDEX memory_owner_id IF NOT EXISTS FOR (n:Memory) ON (n.ownerId);
