import { escapeAttribute, escapeText } from 'entities';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { StorySourceError, type StorySource } from './story-source.js';

/** The attributes of `<tw-storydata>` this project reads; the rest are kept as they are. */
const KNOWN = new Set(['name', 'startnode', 'ifid', 'format', 'format-version']);

/**
 * Twine 2 HTML (the Twine 2 HTML Output spec): a published story or a library archive, one
 * `<tw-storydata>` per story, passages as `<tw-passagedata>`, story tags' colours as `<tw-tag>`.
 */
export function parseTwineHtml(html: string): StorySource[] {
  const document = parseDocument(html, { lowerCaseAttributeNames: true });
  const stories = DomUtils.getElementsByTagName('tw-storydata', document, true);
  if (stories.length === 0)
    throw new StorySourceError('no <tw-storydata> element: not Twine 2 HTML');
  return stories.map(readStory);
}

function readStory(element: Element): StorySource {
  const attributes = element.attribs;
  const passages = DomUtils.getElementsByTagName('tw-passagedata', element, true);
  const names = new Set<string>();
  let start: string | undefined;
  const story: StorySource = {
    title: attributes.name ?? '',
    tagColors: {},
    extra: {},
    script: '',
    stylesheet: '',
    passages: passages.map((passage) => {
      const { pid, name, tags, position, size, ...rest } = passage.attribs;
      if (!name) throw new StorySourceError(`passage ${pid ?? '?'} has no name`);
      if (names.has(name)) throw new StorySourceError(`a second passage named "${name}"`);
      names.add(name);
      if (pid !== undefined && pid === attributes.startnode) start = name;
      return {
        name,
        text: DomUtils.textContent(passage),
        tags: (tags ?? '').split(/\s+/).filter(Boolean),
        ...(position ? { position } : {}),
        ...(size ? { size } : {}),
        metadata: rest,
      };
    }),
  };
  if (attributes.ifid) story.ifid = attributes.ifid;
  if (attributes.format) story.format = attributes.format;
  if (attributes['format-version']) story.formatVersion = attributes['format-version'];
  if (start) story.start = start;
  for (const [key, value] of Object.entries(attributes))
    if (!KNOWN.has(key)) story.extra[key] = value;
  for (const tag of DomUtils.getElementsByTagName('tw-tag', element, true))
    if (tag.attribs.name && tag.attribs.color)
      story.tagColors[tag.attribs.name] = tag.attribs.color;
  for (const style of DomUtils.getElementsByTagName('style', element, true))
    story.stylesheet += DomUtils.textContent(style);
  for (const script of DomUtils.getElementsByTagName('script', element, true))
    story.script += DomUtils.textContent(script);
  return story;
}

/** One story as Twine 2 archive HTML (what Twine's "Library → Archive" writes and imports). */
export function serializeTwineHtml(story: StorySource): string {
  const startIndex = story.passages.findIndex((p) => p.name === story.start);
  const attributes: Record<string, string> = {
    name: story.title,
    startnode: String(startIndex >= 0 ? startIndex + 1 : 1),
    ...(story.ifid ? { ifid: story.ifid } : {}),
    ...(story.format ? { format: story.format } : {}),
    ...(story.formatVersion ? { 'format-version': story.formatVersion } : {}),
    ...Object.fromEntries(Object.entries(story.extra).map(([k, v]) => [k, String(v)])),
  };
  const tags = Object.entries(story.tagColors).map(
    ([name, color]) =>
      `<tw-tag name="${escapeAttribute(name)}" color="${escapeAttribute(color)}"></tw-tag>`,
  );
  const passages = story.passages.map((passage, index) => {
    const passageAttributes: Record<string, string> = {
      pid: String(index + 1),
      name: passage.name,
      tags: passage.tags.join(' '),
      ...(passage.position ? { position: passage.position } : {}),
      ...(passage.size ? { size: passage.size } : {}),
      ...Object.fromEntries(Object.entries(passage.metadata).map(([k, v]) => [k, String(v)])),
    };
    return `<tw-passagedata ${attributeList(passageAttributes)}>${escapeText(passage.text)}</tw-passagedata>`;
  });
  return (
    `<tw-storydata ${attributeList(attributes)}>` +
    `<style role="stylesheet" id="twine-user-stylesheet" type="text/twine-css">${story.stylesheet}</style>` +
    `<script role="script" id="twine-user-script" type="text/twine-javascript">${story.script}</script>` +
    tags.join('') +
    passages.join('') +
    `</tw-storydata>\n`
  );
}

const attributeList = (attributes: Record<string, string>) =>
  Object.entries(attributes)
    .map(([key, value]) => `${key}="${escapeAttribute(value)}"`)
    .join(' ');
