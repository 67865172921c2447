const SPACE = 0x20;
/** U+2581 LOWER ONE EIGHTH BLOCK, SentencePiece's visible space, in UTF-8. */
const SPACE_SYMBOL = [0xe2, 0x96, 0x81];

/**
 * SentencePiece's `nmt_nfkc` normalizer over the model's precompiled charsmap, as
 * `Normalizer::Normalize` does it: at each position the longest key of a darts-clone
 * double-array trie is replaced by its string (NFKC folding, control characters dropped),
 * then runs of spaces collapse, a leading space is added and spaces become U+2581. Works
 * on UTF-8 bytes like the original, so offsets and matches are the same.
 */
export class Normalizer {
  private readonly units: Uint32Array | undefined;
  private readonly replacements: Uint8Array;
  private readonly cache = new Map<number, Uint8Array>();
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  constructor(charsmap: Uint8Array | undefined) {
    if (charsmap === undefined || charsmap.length === 0) {
      this.units = undefined;
      this.replacements = new Uint8Array(0);
      return;
    }
    const view = new DataView(charsmap.buffer, charsmap.byteOffset, charsmap.byteLength);
    const trieSize = view.getUint32(0, true);
    this.units = new Uint32Array(trieSize / 4);
    for (let i = 0; i < this.units.length; i++) this.units[i] = view.getUint32(4 + i * 4, true);
    this.replacements = charsmap.subarray(4 + trieSize);
  }

  normalize(text: string): string {
    const raw = this.encoder.encode(text);
    const n = raw.length;
    let pos = 0;
    // Leading whitespace (after normalization) is dropped.
    while (pos < n) {
      const [piece, consumed] = this.normalizePrefix(raw, pos);
      if (!(piece.length === 1 && piece[0] === SPACE)) break;
      pos += consumed;
    }
    if (pos >= n) return '';
    const out: number[] = [...SPACE_SYMBOL];
    let previousWasSpace = true;
    while (pos < n) {
      const [normalized, consumed] = this.normalizePrefix(raw, pos);
      pos += consumed;
      let piece = normalized;
      if (previousWasSpace) {
        let skip = 0;
        while (skip < piece.length && piece[skip] === SPACE) skip++;
        piece = piece.subarray(skip);
      }
      if (piece.length === 0) continue;
      let hasSpace = false;
      for (const byte of piece) {
        if (byte === SPACE) {
          out.push(...SPACE_SYMBOL);
          hasSpace = true;
        } else out.push(byte);
      }
      previousWasSpace = hasSpace && piece[piece.length - 1] === SPACE;
    }
    while (
      out.length >= 3 &&
      out[out.length - 3] === SPACE_SYMBOL[0] &&
      out[out.length - 2] === SPACE_SYMBOL[1] &&
      out[out.length - 1] === SPACE_SYMBOL[2]
    ) {
      out.length -= 3;
    }
    return this.decoder.decode(Uint8Array.from(out));
  }

  /** The normalized bytes for the longest charsmap key at `pos`, and how many bytes it used. */
  private normalizePrefix(data: Uint8Array, pos: number): [Uint8Array, number] {
    const n = data.length;
    let bestLength = 0;
    let bestValue = 0;
    const units = this.units;
    if (units !== undefined) {
      let node = offset(units[0]!);
      for (let i = pos; i < n;) {
        const c = data[i]!;
        node ^= c;
        if (node >= units.length) break;
        const unit = units[node]!;
        if ((unit & 0x800000ff) !== c) break; // label mismatch
        node ^= offset(unit);
        i++;
        if (unit & 0x100) {
          // has a leaf: the bytes so far are a key
          bestLength = i - pos;
          bestValue = units[node]! & 0x7fffffff;
        }
      }
    }
    if (bestLength === 0 || bestValue >= this.replacements.length) {
      // No key here: copy one UTF-8 character (or one byte when malformed) unchanged.
      const first = data[pos]!;
      let length =
        first < 0x80
          ? 1
          : first >> 5 === 6
            ? 2
            : first >> 4 === 0xe
              ? 3
              : first >> 3 === 0x1e
                ? 4
                : 1;
      for (let k = 1; k < length; k++) {
        if (pos + k >= n || (data[pos + k]! & 0xc0) !== 0x80) {
          length = 1;
          break;
        }
      }
      return [data.subarray(pos, pos + length), length];
    }
    return [this.replacement(bestValue), bestLength];
  }

  private replacement(value: number): Uint8Array {
    let bytes = this.cache.get(value);
    if (bytes === undefined) {
      const end = this.replacements.indexOf(0, value);
      bytes = this.replacements.subarray(value, end);
      this.cache.set(value, bytes);
    }
    return bytes;
  }
}

function offset(unit: number): number {
  return (unit >>> 10) << ((unit & 0x200) >>> 6);
}
