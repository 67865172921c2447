/**
 * sin(2π·phase) from a 4,096-point table with linear interpolation: about 4× cheaper than
 * Math.sin per sample, with an error near 3·10⁻⁷ (−130 dB), far below what a listener or a
 * 24-bit file can tell. Phase stays float64 in the voices, so frequencies are exact.
 */
const SIZE = 4096;
const TABLE = new Float64Array(SIZE + 1);
for (let i = 0; i <= SIZE; i++) TABLE[i] = Math.sin((2 * Math.PI * i) / SIZE);

/** sin(2π·phase) for phase in [0, 1). */
export function sine(phase: number): number {
  const position = phase * SIZE;
  const index = position | 0;
  const fraction = position - index;
  const a = TABLE[index]!;
  return a + (TABLE[index + 1]! - a) * fraction;
}

/** cos(2π·phase) for phase in [0, 1). */
export function cosine(phase: number): number {
  const shifted = phase + 0.25;
  return sine(shifted >= 1 ? shifted - 1 : shifted);
}
