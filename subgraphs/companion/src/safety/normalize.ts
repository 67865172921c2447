/**
 * One canonical form of a message for the safety rules: every rule and the classifier read the
 * same string, so an index found by one is meaningful to the others.
 *
 * NFKC, lower case, no zero-width or format characters, typographic quotes made plain, Hangul
 * jamo composed, runs of three or more of a letter cut to one, English contractions and chat
 * shorthand spelled out, common misspellings and masked spellings of the few words that matter
 * put right, and the spaces between Hangul removed (Korean spacing varies freely, so Korean
 * rules match spacing-free text while English words keep their spaces).
 */

// Zero-width, bidi and format characters, variation selectors, Hangul fillers: invisible, and
// used (on purpose or not) to break a phrase apart.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

// Hangul: conjoining jamo (U+1100…) and their compatibility letters (U+3131…), in jamo order.
const CHOSEONG_COMPAT = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const JUNGSEONG_COMPAT = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const JONGSEONG_COMPAT = ' ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';
const SYLLABLE_BASE = 0xac00;

const isSyllable = (cp: number) => cp >= 0xac00 && cp <= 0xd7a3;

/**
 * After NFKC, letters typed one by one (`ㅈㅏㅅㅏㄹ`) are syllables except a final consonant
 * left as an initial (`자사ᄅ`); join those, then show any lone jamo as the compatibility letter
 * people type (`ㅈㅅ`, `ㅠㅠ`) so rules can name them.
 */
export function composeHangul(text: string): string {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const cp = chars[i]!.codePointAt(0)!;
    const prev = out.length > 0 ? out[out.length - 1]!.codePointAt(0)! : -1;
    const next = chars[i + 1]?.codePointAt(0) ?? -1;
    const initialIndex = cp >= 0x1100 && cp <= 0x1112 ? cp - 0x1100 : -1;
    if (
      initialIndex >= 0 &&
      isSyllable(prev) &&
      (prev - SYLLABLE_BASE) % 28 === 0 &&
      !(next >= 0x1161 && next <= 0x1175)
    ) {
      const final = JONGSEONG_COMPAT.indexOf(CHOSEONG_COMPAT[initialIndex]!);
      if (final > 0) {
        out[out.length - 1] = String.fromCodePoint(prev + final);
        continue;
      }
    }
    if (initialIndex >= 0) out.push(CHOSEONG_COMPAT[initialIndex]!);
    else if (cp >= 0x1161 && cp <= 0x1175) out.push(JUNGSEONG_COMPAT[cp - 0x1161]!);
    else if (cp >= 0x11a8 && cp <= 0x11c2) out.push(JONGSEONG_COMPAT[cp - 0x11a7]!);
    else out.push(chars[i]!);
  }
  return out.join('');
}

// Chat shorthand and contractions, spelled out so rules are written once ("do not", "want to").
const SHORTHAND: Array<[RegExp, string]> = [
  [/\b(i'?m)\b/g, 'i am'],
  [/\bi'?ve\b/g, 'i have'],
  [/\bi'd\b/g, 'i would'],
  [/\bi'll\b/g, 'i will'],
  [/\b(do|does|did|is|are|was|were|could|would|should|must|have|has|had|need)n'?t\b/g, '$1 not'],
  [/\b(can'?t|cannot)\b/g, 'can not'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bain'?t\b/g, 'am not'],
  [/\bdnt\b/g, 'do not'],
  [/\b(it|that|there|what|he|she|who|life)'s\b/g, '$1 is'],
  [/\b(you|we|they)'re\b/g, '$1 are'],
  [/\bwanna\b/g, 'want to'],
  [/\bwana\b/g, 'want to'],
  [/\bgonna\b/g, 'going to'],
  [/\bgotta\b/g, 'got to'],
  [/\btryna\b/g, 'trying to'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\brn\b/g, 'right now'],
  [/\b(tn|2nite|2night|tonite|tonigt)\b/g, 'tonight'],
  [/\bppl\b/g, 'people'],
  [/\b(bc|cuz|coz|bcuz)\b/g, 'because'],
  [/\b(want|going|need|have|got|ready|trying) (2|too)\b/g, '$1 to'],
  [/\b(my|him|her|your|them|it) (self|selves|slef|sef)\b/g, '$1self'],
  [/\bthemselves\b/g, 'themself'],
  [/\bno ?one\b/g, 'nobody'],
  [/\bnoone\b/g, 'nobody'],
  [/\bplz\b/g, 'please'],
];

/** Words whose misspellings and masked spellings matter; everything else is left alone. */
const CANONICAL: Array<[RegExp, string]> = [
  [
    /^(su+[iy]?c+[iy]?de|sui?sc?ide|suic+ide|sucicide|suacide|suiside|sueside|suecide|suicied|suicid|suisid|suiscide|suicde|sucide|suiced|suicdie|siucide|sewer ?slide|sewercide|su[!1*.]+c[!1*.]*de|s[*.]+icide|su[*]cide|sui[*]ide)$/,
    'suicide',
  ],
  [
    /^(su+[iy]?c+[iy]?dal|sucidal|suicdal|suisidal|suicidle|sucicidal|suicidial|suidical)$/,
    'suicidal',
  ],
  [/^(k+i+l|ki+l+|kll|k[*!1]ll|k[*]l+)$/, 'kill'],
  [
    /^(mys[ae]lf|myslef|mysef|mysefl|myselfe|msyelf|mself|myelf|myslf|mysel|miself|myseld|myseflf)$/,
    'myself',
  ],
  [/^(ov[ae]rdose|overdoes|overdos|ovedose|overdoze)$/, 'overdose'],
  [/^(un[ae]live|unalived|unaliving|unalve|unalife)$/, 'unalive'],
  [/^(d[*!1]e|d[*]+|di+e+)$/, 'die'],
  [/^(wnat|wamt|wnt)$/, 'want'],
  [/^(comit|commmit|comitt)$/, 'commit'],
];

// Spelled out letter by letter ("k m s", "s.u.i.c.i.d.e"): joined only when the word matters.
const SPELLED = /\b[a-z](?:[\s.\-_*]+[a-z]\b){2,}/g;
const SPELLED_WORDS = new Set([
  'kms',
  'kys',
  'suicide',
  'suicidal',
  'die',
  'kill',
  'unalive',
  'ctb',
]);

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};
// Tokens with digits that are measurements or times, not disguised words.
const UNIT_TOKEN =
  /^\d+(st|nd|rd|th|am|pm|km|kms|k|m|mi|s|h|hrs?|mins?|x|mg|ml|kg|lbs?|g|d|yo|yrs?)?$/;

function unLeet(token: string): string {
  if (!/[a-z]/.test(token) || !/[0-9@$]/.test(token) || UNIT_TOKEN.test(token)) return token;
  if (/^\d/.test(token) && /^\d+[a-z]+$/.test(token)) return token;
  return token.replace(/[0-9@$]/g, (c) => LEET[c] ?? c);
}

function canonicalWord(token: string): string {
  for (const [pattern, word] of CANONICAL) if (pattern.test(token)) return word;
  return token;
}

export function normalizeMessage(raw: string): string {
  let text = raw.replace(INVISIBLE, '').normalize('NFKC');
  text = composeHangul(text).toLowerCase();
  text = text
    .replace(
      /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u300C\u300D\u300E\u300F\u301D\u301E\uFF02]/g,
      '"',
    )
    .replace(/[\u2018\u2019\u201A\u201B\u0060\u00B4\u2032]/g, "'")
    // A single-quoted span becomes a double-quoted one; an apostrophe between letters stays, and
    // a Korean quote may touch its particle ('죽고 싶다'고).
    .replace(
      /(^|[\s(:,]|[\uAC00-\uD7A3])'((?:[^'\n]|(?<=\p{L})'(?=\p{L}))+?)'(?=$|[\s.,!?;:)]|[\uAC00-\uD7A3])/gu,
      '$1"$2"',
    );
  text = text.replace(/(\p{L})\1{2,}/gu, '$1');
  text = text.replace(SPELLED, (run) => {
    const joined = run.replace(/[\s.\-_*]+/g, '');
    return SPELLED_WORDS.has(joined) ? joined : run;
  });
  text = text.replace(/sewer ?slide/g, 'suicide');
  text = text.replace(/[a-z0-9@$*!]+/g, (token) => canonicalWord(unLeet(token)));
  for (const [pattern, replacement] of SHORTHAND) text = text.replace(pattern, replacement);
  text = text.replace(/\b(kill|die)(myself|himself|herself|themself|yourself)\b/g, '$1 $2');
  // Korean spacing is free: "죽 고 싶 어", "죽고 싶어" and "죽고싶어" are one phrase.
  text = text.replace(
    /([\uAC00-\uD7A3\u3131-\u318E])[ \t]+(?=[\uAC00-\uD7A3\u3131-\u318E])/g,
    '$1',
  );
  return text.replace(/[ \t]+/g, ' ').trim();
}

export interface Span {
  start: number;
  end: number;
}

// Where one thought ends and the next begins: sentence marks, "but", ", now", Korean connectives.
const CLAUSE_BREAK =
  /[.!?;\n…。]+|,\s*(?=(?:but|and now|now|yet|though|however|anyway)\b)|\s(?=(?:but|however|although|though|except that)\s)|(?<=는데|지만|그런데|근데|하지만|그래도|었지만|었는데)/g;
const SENTENCE_BREAK = /[.!?\n…。]+/g;

function boundsAround(text: string, span: Span, breaks: RegExp): Span {
  let start = 0;
  let end = text.length;
  breaks.lastIndex = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    const edge = m.index + m[0].length;
    if (edge <= span.start) start = edge;
    else if (m.index >= span.end) {
      end = m.index;
      break;
    }
    if (m[0].length === 0) breaks.lastIndex++;
  }
  return { start, end };
}

/** The clause around a span: the reach of its negation, tense and subject. */
export const clauseAround = (text: string, span: Span): Span =>
  boundsAround(text, span, CLAUSE_BREAK);

/** Every clause of a text, in order, in one pass. */
export function clausesOf(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    if (m.index > start) spans.push({ start, end: m.index });
    start = m.index + m[0].length;
    if (m[0].length === 0) CLAUSE_BREAK.lastIndex++;
  }
  if (text.length > start) spans.push({ start, end: text.length });
  return spans;
}

/** The sentence around a span: the reach of timing and means ("tonight", "the pills"). */
export const sentenceAround = (text: string, span: Span): Span =>
  boundsAround(text, span, SENTENCE_BREAK);

/** Spans inside double quotes (single quotes were turned into double ones by normalizing). */
export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  const pattern = /"([^"]*)"/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text))
    spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

export const hangulShare = (text: string): number => {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const hangul = text.match(/[\uAC00-\uD7A3\u3131-\u318E\u1100-\u11FF]/g)?.length ?? 0;
  return letters === 0 ? 0 : hangul / letters;
};
