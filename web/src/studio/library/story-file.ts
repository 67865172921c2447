import type { StoryFormat } from '../../gql/graphql';

/** The graph refuses larger sources (importStory: at most 1.9 MB); say so before sending. */
export const MAX_IMPORT_BYTES = 1_900_000;

/**
 * The interchange format of a story file, read from its content, not its name: Twine 2 HTML
 * carries a `<tw-storydata>` element (HTML without one is still sent as HTML, so the graph can
 * say what is missing); anything else is taken for Twee 3.
 */
export function detectStoryFormat(source: string): StoryFormat {
  if (/<tw-storydata[\s>]/i.test(source)) return 'TWINE_HTML';
  if (/^\s*<(?:!doctype|html|head|body|tw-)/i.test(source)) return 'TWINE_HTML';
  return 'TWEE';
}

export const FORMAT_NAME: Record<StoryFormat, string> = {
  TWEE: 'Twee 3',
  TWINE_HTML: 'Twine 2 HTML',
};

const EXTENSION: Record<StoryFormat, string> = { TWEE: 'twee', TWINE_HTML: 'html' };
const MEDIA_TYPE: Record<StoryFormat, string> = {
  TWEE: 'text/plain;charset=utf-8',
  TWINE_HTML: 'text/html;charset=utf-8',
};

/** "The Lighthouse Keeper" → "the-lighthouse-keeper.twee" (letters of any script kept). */
export function exportFileName(title: string, format: StoryFormat): string {
  const slug = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'story'}.${EXTENSION[format]}`;
}

/** Hands `source` to the browser as a file download named after the story. */
export function downloadStory(source: string, title: string, format: StoryFormat): string {
  const name = exportFileName(title, format);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([source], { type: MEDIA_TYPE[format] }));
  link.download = name;
  link.click();
  // The download has started by then; the object URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return name;
}
