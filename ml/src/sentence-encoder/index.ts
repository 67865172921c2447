export {
  SentenceEncoder,
  SENTENCE_VECTOR_DIM,
  TOKEN_FEATURE_DIM,
  type SentenceEncoderOptions,
} from './encoder.js';
export { SentencePieceTokenizer, type PieceId } from './tokenizer.js';
export { SENTENCE_ENCODER_DIR } from './model-dir.js';
