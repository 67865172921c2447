import { badUserInput, hasControlCharacters } from '@mindscape/platform';

export interface SceneFields {
  name?: string | null;
  text?: string | null;
  tags?: string[] | null;
  position?: string | null;
  isEnding?: boolean | null;
}

const MAX_NAME = 200;
const MAX_TEXT = 100_000;

/** Checks what an author may write into a scene. */
export function checkSceneFields(fields: SceneFields): void {
  if (fields.name !== undefined && fields.name !== null) {
    const name = fields.name.trim();
    if (!name || name.length > MAX_NAME || hasControlCharacters(name))
      throw badUserInput(
        'name',
        'A scene name must be 1–200 characters, one line.',
        '1–200 characters',
      );
  }
  if (fields.text && fields.text.length > MAX_TEXT)
    throw badUserInput(
      'text',
      'A scene text is at most 100,000 characters.',
      'at most 100,000 characters',
    );
  if (fields.tags && (fields.tags.length > 50 || fields.tags.some((t) => !/^\S{1,50}$/.test(t))))
    throw badUserInput(
      'tags',
      'Tags are single words, at most 50 of them.',
      'up to 50 words of 1–50 characters',
    );
  if (fields.position && !/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/.test(fields.position))
    throw badUserInput('position', 'A position is "x,y".', '"x,y" numbers');
}
