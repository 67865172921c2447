import {
  SCRIPT_TAG,
  STYLESHEET_TAG,
  StorySourceError,
  type PassageSource,
  type StorySource,
} from './story-source.js';

/**
 * Twee 3 (the Twine Cookbook's specification): `:: Name [tags] {metadata}` headers, StoryTitle
 * and StoryData special passages, backslash escapes in names and tags, `\::` for a text line
 * that would look like a header.
 */
export function parseTwee(source: string): StorySource {
  const story: StorySource = {
    title: '',
    tagColors: {},
    extra: {},
    script: '',
    stylesheet: '',
    passages: [],
  };
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  let current: { header: ReturnType<typeof parseHeader>; body: string[] } | undefined;
  const names = new Set<string>();
  const finish = () => {
    if (!current) return;
    const text = current.body.join('\n').replace(/\s+$/, '').replace(/^\\::/gm, '::');
    const { name, tags, metadata, line } = current.header;
    if (name === 'StoryTitle') story.title = text.trim();
    else if (name === 'StoryData') readStoryData(story, text, line);
    else if (tags.includes(SCRIPT_TAG)) story.script += (story.script ? '\n' : '') + text;
    else if (tags.includes(STYLESHEET_TAG))
      story.stylesheet += (story.stylesheet ? '\n' : '') + text;
    else {
      if (names.has(name)) throw new StorySourceError(`a second passage named "${name}"`, line);
      names.add(name);
      const { position, size, ...rest } = metadata;
      story.passages.push({
        name,
        text,
        tags,
        ...(typeof position === 'string' ? { position } : {}),
        ...(typeof size === 'string' ? { size } : {}),
        metadata: rest,
      });
    }
  };
  for (const [index, line] of lines.entries()) {
    if (line.startsWith('::')) {
      finish();
      current = { header: parseHeader(line.slice(2), index + 1), body: [] };
    } else if (current) current.body.push(line);
    else if (line.trim() !== '')
      throw new StorySourceError('text before the first passage header (":: Name")', index + 1);
  }
  finish();
  if (story.passages.length === 0) throw new StorySourceError('no passages');
  return story;
}

function parseHeader(header: string, line: number) {
  let rest = header.trim();
  let metadata: Record<string, unknown> = {};
  // Metadata runs from the first unescaped { to the end; tags are the [...] before it; the
  // name is everything else (names and tags escape their brackets).
  const meta = /(?<!\\)\{.*$/.exec(rest);
  if (meta) {
    try {
      metadata = JSON.parse(meta[0]) as Record<string, unknown>;
    } catch {
      throw new StorySourceError(`passage metadata is not JSON: ${meta[0].slice(0, 80)}`, line);
    }
    rest = rest.slice(0, meta.index).trimEnd();
  }
  let tags: string[] = [];
  const tagBlock = /(?<!\\)\[([^\]]*)\]\s*$/.exec(rest);
  if (tagBlock) {
    tags = tagBlock[1]!.split(/\s+/).filter(Boolean).map(unescape);
    rest = rest.slice(0, tagBlock.index).trimEnd();
  }
  const name = unescape(rest);
  if (!name) throw new StorySourceError('a passage header without a name', line);
  if (/(?<!\\)[[\]{}]/.test(rest))
    throw new StorySourceError(`"${rest}": escape [ ] { } in passage names with \\`, line);
  return { name, tags, metadata, line };
}

function readStoryData(story: StorySource, text: string, line: number) {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new StorySourceError('StoryData is not JSON', line);
  }
  const { ifid, format, start, ...extra } = data;
  const formatVersion = extra['format-version'];
  const tagColors = extra['tag-colors'];
  delete extra['format-version'];
  delete extra['tag-colors'];
  if (typeof ifid === 'string') story.ifid = ifid;
  if (typeof format === 'string') story.format = format;
  if (typeof formatVersion === 'string') story.formatVersion = formatVersion;
  if (typeof start === 'string') story.start = start;
  if (tagColors && typeof tagColors === 'object')
    story.tagColors = tagColors as Record<string, string>;
  story.extra = extra;
}

export function serializeTwee(story: StorySource): string {
  const data = {
    ...(story.ifid ? { ifid: story.ifid } : {}),
    ...(story.format ? { format: story.format } : {}),
    ...(story.formatVersion ? { 'format-version': story.formatVersion } : {}),
    ...(story.start ? { start: story.start } : {}),
    ...(Object.keys(story.tagColors).length ? { 'tag-colors': story.tagColors } : {}),
    ...story.extra,
  };
  const parts = [`:: StoryTitle\n${story.title}`, `:: StoryData\n${JSON.stringify(data, null, 2)}`];
  if (story.script) parts.push(`:: Story JavaScript [${SCRIPT_TAG}]\n${story.script}`);
  if (story.stylesheet) parts.push(`:: Story Stylesheet [${STYLESHEET_TAG}]\n${story.stylesheet}`);
  for (const passage of story.passages) parts.push(passageBlock(passage));
  return parts.join('\n\n\n') + '\n';
}

function passageBlock(passage: PassageSource): string {
  const metadata = {
    ...(passage.position ? { position: passage.position } : {}),
    ...(passage.size ? { size: passage.size } : {}),
    ...passage.metadata,
  };
  const tags = passage.tags.length ? ` [${passage.tags.map(escape).join(' ')}]` : '';
  const meta = Object.keys(metadata).length ? ` ${JSON.stringify(metadata)}` : '';
  const text = passage.text.replace(/^::/gm, '\\::');
  return `:: ${escape(passage.name)}${tags}${meta}\n${text}`;
}

const escape = (text: string) => text.replace(/[\\[\]{}]/g, (c) => `\\${c}`);
const unescape = (text: string) => text.replace(/\\(.)/g, '$1');
