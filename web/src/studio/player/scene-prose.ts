/**
 * A scene's text as a reader reads it: Twine's link syntax and the macros of Harlowe and
 * SugarCube are the author's notation, not prose. Links become marked phrases (the choices are
 * the buttons below the text), macros and HTML tags go, `$variables` print their value.
 */

/** A run of prose; `link` marks a phrase that was a link in the author's text. */
export interface ProseRun {
  text: string;
  link?: boolean;
}

/** Paragraphs of runs; a paragraph keeps its single line breaks as "\n" in its runs. */
export type Prose = ProseRun[][];

const LINK_OPEN = '\u0001';
const LINK_CLOSE = '\u0002';
const STRING = String.raw`("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')`;
const HARLOWE_LINK = new RegExp(
  String.raw`\((?:link-goto|click-goto|link-reveal-goto):\s*${STRING}(?:\s*,\s*${STRING})?\s*\)`,
  'gi',
);
const SUGAR_LINK = new RegExp(String.raw`<<(?:link|button)\s+${STRING}[^>]*>>`, 'gi');

const unquote = (quoted: string) => quoted.slice(1, -1).replace(/\\(.)/g, '$1');
const marked = (text: string) => `${LINK_OPEN}${text}${LINK_CLOSE}`;

/** `[[a]]`, `[[t->a]]`, `[[a<-t]]`, `[[t|a]]`: the words the reader sees (as Twine splits them). */
function linkText(inner: string): string {
  const link = inner.split('][')[0]!;
  const bar = link.indexOf('|');
  if (bar >= 0) return link.slice(0, bar);
  const arrow = link.lastIndexOf('->');
  if (arrow >= 0) return link.slice(0, arrow);
  const back = link.indexOf('<-');
  if (back >= 0) return link.slice(back + 2);
  return link;
}

/** Removes Harlowe macro calls `(name: …)`, their parentheses balanced, strings skipped. */
function withoutHarloweMacros(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const macro = /^\((?:[A-Za-z][\w-]*):/.exec(text.slice(i, i + 40));
    if (!macro) {
      out += text[i];
      i++;
      continue;
    }
    let depth = 0;
    let quote: string | null = null;
    let j = i;
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    i = j + 1;
  }
  return out;
}

export function sceneProse(
  text: string,
  variables: ReadonlyMap<string, number> = new Map(),
): Prose {
  let prose = text
    .replace(/\r\n?/g, '\n')
    .replace(/\[\[(.+?)\]\]/g, (_, inner: string) => marked(linkText(inner)))
    .replace(HARLOWE_LINK, (_, first: string) => marked(unquote(first)))
    .replace(SUGAR_LINK, (_, first: string) => marked(unquote(first)))
    // Every other SugarCube macro (<<set>>, <<if>>, <</if>>, <<goto>>) is notation.
    .replace(/<<[\s\S]*?>>/g, '');
  prose = withoutHarloweMacros(prose)
    // A Harlowe hook's brackets and name tags (|name>[ … ]) are notation too.
    .replace(/\|[\w-]+>(?=\[)|<[\w-]+\|(?=\])/g, '')
    .replace(/[[\]]/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/''(.+?)''/g, '$1')
    .replace(/\$([A-Za-z_]\w*)/g, (_, name: string) => {
      const value = variables.get(name);
      return value === undefined ? '' : String(value);
    });

  const paragraphs: Prose = [];
  for (const block of prose.split(/\n\s*\n/)) {
    const lines = block
      .split('\n')
      .map((line) => line.replace(/[ \t]+/g, ' ').trim())
      // A line of links alone was a menu of choices: the buttons say it.
      .filter((line) => {
        const words = line.replace(
          new RegExp(`${LINK_OPEN}[^${LINK_CLOSE}]*${LINK_CLOSE}`, 'g'),
          '',
        );
        return line.length > 0 && !(line.includes(LINK_OPEN) && /^[\s|•·\-–—/,.]*$/.test(words));
      });
    if (lines.length === 0) continue;
    const runs: ProseRun[] = [];
    for (const part of lines
      .join('\n')
      .split(new RegExp(`(${LINK_OPEN}[^${LINK_CLOSE}]*${LINK_CLOSE})`))) {
      if (!part) continue;
      if (part.startsWith(LINK_OPEN)) runs.push({ text: part.slice(1, -1), link: true });
      else runs.push({ text: part });
    }
    paragraphs.push(runs);
  }
  return paragraphs;
}
