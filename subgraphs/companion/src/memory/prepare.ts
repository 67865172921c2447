import { createHash } from 'node:crypto';
import type { TextVault } from '../crypto/sealed-text.js';
import type { ExtractedMemory } from './extract.js';
import type { Embedder } from './retrieve.js';
import type { PreparedMemory } from './store.js';
import { searchTerms } from './terms.js';

const normal = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Extracted memories made ready to store: text and names sealed, subjects, objects, names and
 * search terms as the person's keyed hashes, a vector per memory. Ids come from the turn, so
 * a retry prepares the same memories.
 */
export async function prepareMemories(
  deps: { vault: TextVault; embedder: Embedder },
  owner: string,
  turnId: string,
  extracted: ExtractedMemory[],
): Promise<PreparedMemory[]> {
  if (extracted.length === 0) return [];
  const { vault } = deps;
  const vectors = await deps.embedder.embed(extracted.map((m) => m.text));
  return extracted.map((m, i) => ({
    id: createHash('sha256').update(`${turnId}\0${i}`).digest('base64url').slice(0, 27),
    kind: m.kind,
    predicate: m.predicate,
    subjectKey: vault.term(owner, `subject:${normal(m.subject)}`),
    objectKey: vault.term(owner, `object:${normal(m.object)}`),
    singleValued: m.singleValued,
    textSealed: vault.seal(m.text, owner),
    importance: m.importance,
    embedding: vectors[i]!,
    termKeys: searchTerms(m.text).map((term) => vault.term(owner, term)),
    entities: m.entities.map((e) => ({
      key: vault.term(owner, `entity:${normal(e.name)}`),
      kind: e.kind,
      nameSealed: vault.seal(e.name, owner),
    })),
  }));
}
