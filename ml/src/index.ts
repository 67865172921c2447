import { enableProdMode } from '@tensorflow/tfjs';

// Services read with these models on TF.js's CPU backend on purpose (no native build). Its
// first-use banner ("install the node backend") and other console advice are for a person at
// a training terminal, not for a service's log; the training scripts do not import this file.
enableProdMode();

export { detectLanguage, textFeatures, MAX_TEXT_CHARS, type Language } from './text/features.js';
export { AFFECT, EMOTION_LABELS, type EmotionLabel } from './text/labels.js';
export { TextEmotionModel, type EmotionReading } from './text/model.js';
export {
  TextEmotionReader,
  type TextEmotionModelKind,
  type TextEmotionReaderOptions,
} from './text/reader.js';
export { DAY_MS, dailySeries, dayOf, type Day } from './forecast/daily.js';
export { forecastNextDay, MIN_TRAINING_DAYS, type Forecast } from './forecast/model.js';
