/** What the tokenizer needs from a SentencePiece .model file. */
export interface SentencePieceModel {
  /** Piece text by id. */
  pieces: string[];
  /** Unigram log-probability by id. */
  scores: Float32Array;
  /** The normalizer's precompiled character map (a darts-clone trie and its replacements). */
  charsmap: Uint8Array | undefined;
}

/**
 * Reads a SentencePiece ModelProto with a few lines of protobuf wire format rather than a
 * protobuf library and a .proto file: only three fields are needed. The USE model is an old
 * layout: pieces in field 1 (each with text in 1 and score in 2), and the precompiled
 * charsmap in field 2 of the message in field 3.
 */
export function readSentencePieceModel(bytes: Uint8Array): SentencePieceModel {
  const top = fields(bytes, 0, bytes.length);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const pieces: string[] = [];
  const scoreList: number[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [start, length] of top.get(1) ?? []) {
    const piece = fields(bytes, start, start + length);
    const text = piece.get(1)?.[0];
    if (text === undefined) continue;
    pieces.push(decoder.decode(bytes.subarray(text[0], text[0] + text[1])));
    const score = piece.get(2)?.[0];
    scoreList.push(score === undefined ? 0 : view.getFloat32(score[0], true));
  }
  let charsmap: Uint8Array | undefined;
  const spec = top.get(3)?.[0];
  if (spec !== undefined) {
    const map = fields(bytes, spec[0], spec[0] + spec[1]).get(2)?.[0];
    if (map !== undefined) charsmap = bytes.subarray(map[0], map[0] + map[1]);
  }
  if (pieces.length === 0) throw new Error('sp.model: no pieces (not a SentencePiece model?)');
  return { pieces, scores: Float32Array.from(scoreList), charsmap };
}

/** Length-delimited and 32-bit fields of one message, as [start, length] by field number. */
function fields(bytes: Uint8Array, start: number, end: number): Map<number, [number, number][]> {
  const found = new Map<number, [number, number][]>();
  const add = (field: number, span: [number, number]) => {
    const list = found.get(field);
    if (list) list.push(span);
    else found.set(field, [span]);
  };
  let at = start;
  const varint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  };
  while (at < end) {
    const tag = varint();
    const field = Math.floor(tag / 8);
    switch (tag & 7) {
      case 0:
        varint();
        break;
      case 1:
        at += 8;
        break;
      case 2: {
        const length = varint();
        add(field, [at, length]);
        at += length;
        break;
      }
      case 5:
        add(field, [at, 4]);
        at += 4;
        break;
      default:
        throw new Error(`sp.model: unsupported protobuf wire type ${tag & 7}`);
    }
  }
  return found;
}
