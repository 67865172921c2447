import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from './features.js';

export interface LabelledText {
  text: string;
  /** Label ids (indices into EMOTION_LABELS). */
  labels: number[];
}

export type Split = 'train' | 'dev' | 'test';

/** Where GoEmotions lives: GOEMOTIONS_DIR, or the shared folder beside the repository. */
export function goEmotionsDir(): string | undefined {
  const dir =
    process.env.GOEMOTIONS_DIR ??
    resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/goemotions');
  return existsSync(join(dir, 'en', 'train.tsv')) ? dir : undefined;
}

/** One split: text TAB comma-separated label ids [TAB comment id]. */
export async function loadSplit(
  dir: string,
  language: Language,
  split: Split,
): Promise<LabelledText[]> {
  const text = await readFile(join(dir, language, `${split}.tsv`), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const [body, ids] = line.split('\t');
      if (body === undefined || ids === undefined)
        throw new Error(`${language}/${split}.tsv line ${i + 1}: expected text and label ids`);
      return { text: body, labels: ids.split(',').map(Number) };
    });
}
