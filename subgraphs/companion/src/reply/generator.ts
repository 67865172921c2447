/** What a reply is made from: the person's words, how they feel, and what the companion remembers. */
export interface ReplyInput {
  text: string;
  language: 'en' | 'ko';
  isQuestion: boolean;
  emotion: { label: string; valence: number; arousal: number } | null;
  /** The person's live state from the emotions subgraph, when there is one. */
  state: { stress: number; label: string } | null;
  /** Retrieved memories, opened, best first. */
  memories: Array<{ text: string; kind: string; score: number; via: string[] }>;
  /** New facts this message gave (to acknowledge, not to repeat). */
  learned: number;
  profile: { name: string; style: string; warmth: number; length: number };
}

/** Produces a reply as a stream of text pieces; the pieces joined are the reply. */
export interface ReplyGenerator {
  readonly name: string;
  generate(input: ReplyInput, signal?: AbortSignal): AsyncIterable<string>;
}
