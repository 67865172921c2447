// The safety bounds of every parameter, without the schema library: the worklet imports
// these (and clamps to them) without carrying zod into its bundle.

/** What a ramp may change, by voice type (and the master). */
export const RAMPABLE = {
  binaural: ['carrierHz', 'beatHz', 'gainDb'],
  monaural: ['carrierHz', 'beatHz', 'gainDb', 'pan'],
  isochronic: ['toneHz', 'rateHz', 'duty', 'gainDb', 'pan'],
  tone: ['frequencyHz', 'gainDb', 'pan'],
  noise: ['gainDb', 'pan'],
  breath: ['ratePerMinute', 'depth', 'gainDb', 'pan'],
  master: ['gainDb'],
} as const;

/** Where each rampable parameter may go; the engine clamps to the same bounds. */
export const PARAM_BOUNDS: Record<string, readonly [number, number]> = {
  carrierHz: [50, 1000],
  beatHz: [0.5, 40],
  toneHz: [50, 1000],
  rateHz: [0.5, 40],
  duty: [0.05, 0.95],
  frequencyHz: [20, 2000],
  gainDb: [-80, 0],
  pan: [-1, 1],
  ratePerMinute: [2, 30],
  depth: [0, 1],
};
