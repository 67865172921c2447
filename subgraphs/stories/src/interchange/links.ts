/**
 * The passages a passage's text leads to. Twine's own link syntaxes and the navigation macros
 * of the two common story formats (Harlowe, SugarCube): without the macros, a real story's
 * scenes reached by `(go-to:)` or `<<goto>>` would be reported unreachable.
 */
export interface PassageLink {
  /** What the reader sees (the target's name when the link shows it). */
  text: string;
  target: string;
  /** `choice`: the reader picks it; `redirect`: the story moves on by itself. */
  kind: 'choice' | 'redirect';
}

const SQUARE = /\[\[(.+?)\]\]/g;
const STRING = String.raw`("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')`;
const HARLOWE_LINK = new RegExp(
  String.raw`\((?:link-goto|click-goto|link-reveal-goto):\s*${STRING}(?:\s*,\s*${STRING})?`,
  'gi',
);
const HARLOWE_GOTO = new RegExp(String.raw`\(go-?to:\s*${STRING}`, 'gi');
const SUGAR_LINK = new RegExp(String.raw`<<(?:link|button)\s+${STRING}\s+${STRING}\s*>>`, 'gi');
const SUGAR_GOTO = new RegExp(String.raw`<<goto\s+${STRING}\s*>>`, 'gi');
const SUGAR_GOTO_SQUARE = /<<goto\s+\[\[(.+?)\]\]\s*>>/gi;

export function passageLinks(text: string): PassageLink[] {
  const found: Array<PassageLink & { at: number }> = [];
  // `<<goto [[X]]>>` is a redirect, not a choice: take it before the square-bracket scan.
  const masked = text.replace(SUGAR_GOTO_SQUARE, (whole, inner: string, at: number) => {
    found.push({ ...squareLink(inner), kind: 'redirect', at });
    return ' '.repeat(whole.length);
  });
  for (const match of masked.matchAll(SQUARE))
    found.push({ ...squareLink(match[1]!), kind: 'choice', at: match.index });
  for (const match of masked.matchAll(HARLOWE_LINK)) {
    const first = unquote(match[1]!);
    const second = match[2] === undefined ? undefined : unquote(match[2]);
    found.push({ text: first, target: second ?? first, kind: 'choice', at: match.index });
  }
  for (const match of masked.matchAll(HARLOWE_GOTO))
    found.push({ text: '', target: unquote(match[1]!), kind: 'redirect', at: match.index });
  for (const match of masked.matchAll(SUGAR_LINK))
    found.push({
      text: unquote(match[1]!),
      target: unquote(match[2]!),
      kind: 'choice',
      at: match.index,
    });
  for (const match of masked.matchAll(SUGAR_GOTO))
    found.push({ text: '', target: unquote(match[1]!), kind: 'redirect', at: match.index });
  return found
    .sort((a, b) => a.at - b.at)
    .map(({ text: label, target, kind }) => ({ text: label, target, kind }));
}

/**
 * `[[a]]`, `[[t->a]]`, `[[a<-t]]`, `[[t|a]]`. As Twine does: the rightmost `->` and the
 * leftmost `<-` divide; `|` is tried first (SugarCube's `[[t|a][$x to 1]]` setter is dropped).
 */
function squareLink(link: string): { text: string; target: string } {
  const inner = link.split('][')[0]!;
  const bar = inner.indexOf('|');
  if (bar >= 0) return { text: inner.slice(0, bar), target: inner.slice(bar + 1).trim() };
  const arrow = inner.lastIndexOf('->');
  if (arrow >= 0) return { text: inner.slice(0, arrow), target: inner.slice(arrow + 2).trim() };
  const back = inner.indexOf('<-');
  if (back >= 0) return { text: inner.slice(back + 2), target: inner.slice(0, back).trim() };
  return { text: inner, target: inner.trim() };
}

function unquote(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\(.)/g, '$1');
}

/** Story variables a passage sets and reads (Harlowe `(set: $x to …)`, SugarCube `<<set $x …>>`). */
export function passageVariables(text: string): { sets: Set<string>; reads: Set<string> } {
  const sets = new Set<string>();
  const reads = new Set<string>();
  for (const match of text.matchAll(/\((?:set|put):\s*\$(\w+)\s+(?:to|into)\b/gi))
    sets.add(match[1]!);
  for (const match of text.matchAll(/\(put:[^)]*\binto\s+\$(\w+)/gi)) sets.add(match[1]!);
  for (const match of text.matchAll(/<<set\s+\$(\w+)\s*(?:to|=|\+=|-=)/gi)) sets.add(match[1]!);
  for (const match of text.matchAll(/\$(\w+)/g)) reads.add(match[1]!);
  for (const name of sets) if (!readsElsewhere(text, name)) reads.delete(name);
  return { sets, reads };
}

/** A variable only ever assigned in this text is not a read of it. */
function readsElsewhere(text: string, name: string): boolean {
  const all = text.match(new RegExp(String.raw`\$${name}\b`, 'g'))?.length ?? 0;
  const assignments =
    text.match(
      new RegExp(
        String.raw`(?:\((?:set|put):\s*\$${name}\s+(?:to|into)\b|into\s+\$${name}\b|<<set\s+\$${name}\s*(?:to|=))`,
        'gi',
      ),
    )?.length ?? 0;
  return all > assignments;
}

/**
 * The text with every link to scene `from` leading to `to` instead, in the syntax it was
 * written in (what Twine does to links when a passage is renamed, plus the macros above).
 * Undefined when a link to `to` cannot be written that way (a name with `]]`, `|`, `->`…).
 */
export function renameLinkTarget(text: string, from: string, to: string): string | undefined {
  const square = text.replace(SQUARE, (whole, link: string) => {
    const [inner, ...setter] = link.split('][');
    const renamed = renameSquare(inner!, from, to);
    return renamed === undefined ? whole : `[[${[renamed, ...setter].join('][')}]]`;
  });
  const renamed = square
    .replace(HARLOWE_LINK, (whole, first: string, second: string | undefined) =>
      requoteLast(whole, second ?? first, from, to),
    )
    .replace(HARLOWE_GOTO, (whole, target: string) => requoteLast(whole, target, from, to))
    .replace(SUGAR_LINK, (whole, _label: string, target: string) =>
      requoteLast(whole, target, from, to),
    )
    .replace(SUGAR_GOTO, (whole, target: string) => requoteLast(whole, target, from, to));
  const expected = passageLinks(text).map((link) => (link.target === from ? to : link.target));
  const written = passageLinks(renamed).map((link) => link.target);
  return JSON.stringify(expected) === JSON.stringify(written) ? renamed : undefined;
}

function renameSquare(inner: string, from: string, to: string): string | undefined {
  const { text, target } = squareLink(inner);
  if (target !== from) return undefined;
  if (inner.includes('|')) return `${text}|${to}`;
  const arrow = inner.lastIndexOf('->');
  if (arrow >= 0) return `${text}->${to}`;
  if (inner.includes('<-')) return `${to}<-${text}`;
  return to;
}

function requoteLast(whole: string, quoted: string, from: string, to: string): string {
  if (unquote(quoted) !== from) return whole;
  const quote = quoted[0]!;
  const escaped = to.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`);
  const at = whole.lastIndexOf(quoted);
  return `${whole.slice(0, at)}${quote}${escaped}${quote}${whole.slice(at + quoted.length)}`;
}
