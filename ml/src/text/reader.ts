import { access } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { SentenceEncoder } from '../sentence-encoder/encoder.js';
import { SENTENCE_ENCODER_DIR, SENTENCE_ENCODER_FILES } from '../sentence-encoder/model-dir.js';
import { encoderFeatures } from './encoder-features.js';
import { EncoderHead, blendScores } from './encoder-head.js';
import { MAX_TEXT_CHARS, detectLanguage, type Language } from './features.js';
import { TextEmotionModel, artifactsDir, reading, type EmotionReading } from './model.js';

export interface TextEmotionReaderOptions {
  /**
   * The multilingual sentence encoder the reader adds to the n-gram models. An encoder already
   * loaded in the process (the companion's) is shared, not loaded twice, and stays the caller's
   * to dispose. `false` reads with the n-gram models alone.
   * @default one loaded from SENTENCE_ENCODER_DIR when provisioned there, else n-grams alone
   */
  encoder?: SentenceEncoder | false;
  /** Where the encoder's files are looked for when none is passed. @default SENTENCE_ENCODER_DIR */
  encoderDir?: string;
}

/** Which models a reader reads with. */
export type TextEmotionModelKind = 'ngram' | 'ngram+encoder';

/**
 * Both languages, loaded once; picks the model by the text's script. With the sentence encoder
 * a text's n-gram scores are mixed with the encoder head's, as tuned per language on dev;
 * without it (not provisioned), the n-gram models read alone, as before the head existed.
 */
export class TextEmotionReader {
  private constructor(
    private readonly models: Record<Language, TextEmotionModel>,
    private readonly encoded?: { encoder: SentenceEncoder; head: EncoderHead; owned: boolean },
  ) {}

  get kind(): TextEmotionModelKind {
    return this.encoded ? 'ngram+encoder' : 'ngram';
  }

  static async load(
    dir = artifactsDir,
    { encoder, encoderDir = SENTENCE_ENCODER_DIR }: TextEmotionReaderOptions = {},
  ): Promise<TextEmotionReader> {
    let encoded: { encoder: SentenceEncoder; head: EncoderHead; owned: boolean } | undefined;
    if (encoder !== false && (await EncoderHead.exists(dir))) {
      const owned = encoder === undefined;
      const shared = encoder ?? (await loadEncoderIfProvisioned(encoderDir));
      if (shared) {
        // The encoder makes WASM the process's backend; tensors are made once it is ready.
        await tf.ready();
        encoded = { encoder: shared, head: await EncoderHead.load(dir), owned };
      }
    }
    // Another part of the process may have registered a backend (the sentence encoder's
    // WASM); tensors can be made only once the chosen one is initialised.
    await tf.ready();
    return new TextEmotionReader(
      {
        en: await TextEmotionModel.load('en', dir),
        ko: await TextEmotionModel.load('ko', dir),
      },
      encoded,
    );
  }

  async read(text: string): Promise<EmotionReading> {
    const language = detectLanguage(text);
    const model = this.models[language];
    if (!this.encoded) return model.read(text);
    const { encoder, head } = this.encoded;
    const [ngram] = await model.scores([text]);
    const features = encoderFeatures(encoder, [text.slice(0, MAX_TEXT_CHARS)]);
    const blend = head.params.blends[language];
    const [scores] = blendScores([ngram!], head.scores(features, 1), blend);
    return reading(language, scores!, blend.thresholds);
  }

  dispose(): void {
    Object.values(this.models).forEach((m) => m.dispose());
    if (this.encoded?.owned) this.encoded.encoder.dispose();
    this.encoded?.head.dispose();
  }
}

/** The encoder when its files are in `dir`; undefined (n-grams alone) when it is not provisioned. */
async function loadEncoderIfProvisioned(dir: string): Promise<SentenceEncoder | undefined> {
  const present = await Promise.all(
    SENTENCE_ENCODER_FILES.map((file) =>
      access(join(dir, file)).then(
        () => true,
        () => false,
      ),
    ),
  );
  if (!present.every(Boolean)) {
    console.warn(
      `[ml] text emotion reads with n-grams alone: the sentence encoder is not in ${dir} ` +
        '(npm run provision:encoder -w @mindscape/ml adds it)',
    );
    return undefined;
  }
  // Imported only here: importing the encoder registers TF.js's WASM backend process-wide.
  const { SentenceEncoder } = await import('../sentence-encoder/encoder.js');
  return SentenceEncoder.load(dir);
}
