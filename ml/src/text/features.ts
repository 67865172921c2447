/**
 * Text → sparse feature vector by feature hashing: no vocabulary file to ship, the same code in
 * training and inference. English uses word unigrams and bigrams; Korean, whose words carry
 * particles and endings, adds character bigrams and trigrams inside each word. Term counts are
 * sublinear (1 + ln tf) and the vector is L2-normalised, as in a TF-IDF baseline.
 */
export type Language = 'en' | 'ko';

/** Hash buckets: 2^15 keeps the weights under 1 MB per language at int8. */
export const FEATURE_BUCKETS = 1 << 15;
/** The longest text the models read; a 100 KB message is cut, not fed whole. */
export const MAX_TEXT_CHARS = 2000;
/** At most this many distinct features per text (longer texts keep their first ones). */
export const MAX_FEATURES = 256;

export interface SparseVector {
  indices: number[];
  values: number[];
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/gu;

/** Korean when at least a fifth of the letters are Hangul. */
export function detectLanguage(text: string): Language {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const hangul = text.match(HANGUL)?.length ?? 0;
  return letters > 0 && hangul / letters >= 0.2 ? 'ko' : 'en';
}

export function tokenize(text: string): string[] {
  return (
    text
      .slice(0, MAX_TEXT_CHARS)
      .normalize('NFKC')
      .toLowerCase()
      .replace(/https?:\/\/\S+/g, ' url ')
      // Keep emoji and ! ? as tokens: they carry much of the emotion in short messages.
      .match(/\[name\]|\[religion\]|[\p{L}\p{N}']+|[!?]|\p{Extended_Pictographic}/gu) ?? []
  );
}

function grams(tokens: string[], language: Language): string[] {
  const out = tokens.map((t) => `w:${t}`);
  for (let i = 1; i < tokens.length; i++) out.push(`b:${tokens[i - 1]} ${tokens[i]}`);
  if (language === 'ko') {
    for (const token of tokens) {
      const chars = [...token];
      for (let n = 2; n <= 3; n++)
        for (let i = 0; i + n <= chars.length; i++)
          out.push(`c${n}:${chars.slice(i, i + n).join('')}`);
    }
  }
  return out;
}

/** FNV-1a, 32 bit. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function textFeatures(text: string, language: Language): SparseVector {
  const counts = new Map<number, number>();
  for (const gram of grams(tokenize(text), language)) {
    const bucket = hash(gram) % FEATURE_BUCKETS;
    if (counts.size >= MAX_FEATURES && !counts.has(bucket)) continue;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  const indices = [...counts.keys()];
  const raw = indices.map((i) => 1 + Math.log(counts.get(i)!));
  const norm = Math.sqrt(raw.reduce((sum, v) => sum + v * v, 0)) || 1;
  return { indices, values: raw.map((v) => v / norm) };
}
