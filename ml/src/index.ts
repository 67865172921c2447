export { detectLanguage, textFeatures, MAX_TEXT_CHARS, type Language } from './text/features.js';
export { AFFECT, EMOTION_LABELS, type EmotionLabel } from './text/labels.js';
export { TextEmotionModel, TextEmotionReader, type EmotionReading } from './text/model.js';
export { DAY_MS, dailySeries, dayOf, type Day } from './forecast/daily.js';
export { forecastNextDay, MIN_TRAINING_DAYS, type Forecast } from './forecast/model.js';
