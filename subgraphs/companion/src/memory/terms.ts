/**
 * Search terms of a text, for the keyword path: English words (lower-cased, a light suffix
 * strip, stop words dropped) and Korean as character bigrams of each Hangul run, which
 * matches across particles and endings (서울에서 / 서울로 share 서울) without a morphological
 * analyser. Terms are hashed with the person's key before they reach the database.
 */
const HANGUL_RUN = /[\p{Script=Hangul}]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

const STOP = new Set(
  (
    'a an the and or but if of to in on at by for with about as is am are was were be been being ' +
    'i me my mine we our you your he him his she her it its they them their this that these those ' +
    'do does did have has had not no so too very just what when where who whom which why how ' +
    'can could would should will shall may might must there here than then from up down out into ' +
    'over again once all any both each few more most other some such only own same s t don now ' +
    'tell told say said know think really like get got go going im ive id yeah oh'
  ).split(' '),
);

/** English: plural and common verb endings off, so "dogs" finds "dog" and "hiking" finds "hike". */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function searchTerms(text: string): string[] {
  const normal = text.normalize('NFKC').toLowerCase();
  const terms = new Set<string>();
  for (const run of normal.match(HANGUL_RUN) ?? []) {
    if (run.length === 1) terms.add(run);
    for (let i = 0; i + 1 < run.length; i++) terms.add(run.slice(i, i + 2));
  }
  for (const word of normal.replace(HANGUL_RUN, ' ').replace(/['’]/g, '').match(WORD) ?? []) {
    if (STOP.has(word) || word.length < 2) continue;
    terms.add(stem(word));
  }
  return [...terms].slice(0, 200);
}
