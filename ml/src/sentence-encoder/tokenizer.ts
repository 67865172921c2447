import { Normalizer } from './normalizer.js';
import { readSentencePieceModel } from './sentencepiece-model.js';

/** A SentencePiece piece id (an index into the model's vocabulary and embedding table). */
export type PieceId = number;

const UNK: PieceId = 0;
const BOS: PieceId = 1;
const EOS: PieceId = 2;

/**
 * The USE multilingual unigram tokenizer: normalize, then the Viterbi segmentation of
 * SentencePiece's unigram model. A port of the wheel's pure-python tokenizer (which matches
 * the C++ library on this model), so piece ids are identical to the reference's.
 */
export class SentencePieceTokenizer {
  private readonly normalizer: Normalizer;
  /** Piece id + 1 for a real piece, 0 for a prefix that only keeps the walk going. */
  private readonly prefixes = new Map<string, number>();
  private readonly scores: Float32Array;
  private readonly unkScore: number;
  /** The longest piece, in code points. */
  private readonly maxLength: number;

  constructor(modelBytes: Uint8Array) {
    const model = readSentencePieceModel(modelBytes);
    this.normalizer = new Normalizer(model.charsmap);
    this.scores = model.scores;
    let lowest = Infinity;
    for (const score of model.scores) lowest = Math.min(lowest, score);
    this.unkScore = lowest - 10;
    let maxLength = 0;
    model.pieces.forEach((piece, id) => {
      const chars = Array.from(piece);
      maxLength = Math.max(maxLength, chars.length);
      let prefix = '';
      for (let k = 0; k < chars.length - 1; k++) {
        prefix += chars[k];
        if (!this.prefixes.has(prefix)) this.prefixes.set(prefix, 0);
      }
      this.prefixes.set(piece, id + 1);
    });
    this.maxLength = maxLength;
  }

  get vocabularySize(): number {
    return this.scores.length;
  }

  /** Piece ids of one text, between the begin- and end-of-sentence ids, as the encoder reads them. */
  encode(text: string): PieceId[] {
    const normalized = this.normalizer.normalize(text);
    const ids = normalized === '' ? [UNK] : this.segment(Array.from(normalized));
    return [BOS, ...ids, EOS];
  }

  /**
   * Unigram Viterbi over code points. All lattice nodes starting at a position share that
   * position's best predecessor, so a left-to-right pass over positions equals the C++
   * lattice; ties go to the earliest start (strictly greater wins), as there.
   */
  private segment(chars: string[]): PieceId[] {
    const length = chars.length;
    const best = new Float64Array(length + 1).fill(-1e38);
    best[0] = 0;
    const startOf = new Int32Array(length + 1);
    const pieceOf = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) {
      const base = best[i]!;
      const stop = Math.min(i + this.maxLength, length);
      let hasSingle = false;
      let candidate = '';
      for (let j = i + 1; j <= stop; j++) {
        candidate += chars[j - 1];
        const entry = this.prefixes.get(candidate);
        if (entry === undefined) break;
        if (entry === 0) continue;
        const score = base + this.scores[entry - 1]!;
        if (score > best[j]!) {
          best[j] = score;
          startOf[j] = i;
          pieceOf[j] = entry - 1;
        }
        if (j === i + 1) hasSingle = true;
      }
      if (!hasSingle) {
        const score = base + this.unkScore;
        if (score > best[i + 1]!) {
          best[i + 1] = score;
          startOf[i + 1] = i;
          pieceOf[i + 1] = UNK;
        }
      }
    }
    const ids: PieceId[] = [];
    for (let p = length; p > 0; p = startOf[p]!) ids.push(pieceOf[p]!);
    if (ids.length === 0) return [UNK];
    return ids.reverse();
  }
}
