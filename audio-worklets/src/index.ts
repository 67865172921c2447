// The audio engine's Node-side surface: program format, presets, SBaGen import, the
// biometric controller, WAV files, and the Chromium lab that renders through the real engine.
export * from './controller/biometric.js';
export * from './dsp/units.js';
export * from './program/format.js';
export * from './program/presets.js';
export * from './program/sbagen.js';
export * from './wav.js';
export * from './browser/chromium.js';
export type { EngineState } from './worklet/processor.js';
