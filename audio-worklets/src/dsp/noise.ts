/** Noise colours the engine makes. */
export type NoiseColor = 'white' | 'pink' | 'brown';

/**
 * Seeded noise: xorshift32 for white (the same seed gives the same render, bit for bit);
 * pink by Paul Kellet's refined filter (−3 dB/octave within ±0.05 dB above 10 Hz); brown by
 * integrating white with a slight leak (−6 dB/octave above ~5 Hz, no drift into DC).
 */
export class NoiseSource {
  private state: number;
  private b0 = 0;
  private b1 = 0;
  private b2 = 0;
  private b3 = 0;
  private b4 = 0;
  private b5 = 0;
  private b6 = 0;
  private brown = 0;
  /** Leak chosen per sample rate so the corner stays near 5 Hz. */
  private readonly leak: number;
  /** Scales brown noise to a standard deviation of 0.25, like the other colours' level. */
  private readonly brownScale: number;

  constructor(
    readonly color: NoiseColor,
    seed: number,
    private readonly sampleRate = 48_000,
  ) {
    this.state = seed >>> 0 || 0x9e3779b9;
    this.leak = 1 - (2 * Math.PI * 5) / sampleRate;
    this.brownScale = 0.25 / (0.02 * Math.sqrt(1 / 3 / (1 - this.leak ** 2)));
  }

  /** Uniform white noise in [−1, 1). */
  white(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 2147483648 - 1;
  }

  /** The next sample, scaled to peak near ±1 for each colour. */
  next(): number {
    const white = this.white();
    if (this.color === 'white') return white;
    if (this.color === 'pink') {
      this.b0 = 0.99886 * this.b0 + white * 0.0555179;
      this.b1 = 0.99332 * this.b1 + white * 0.0750759;
      this.b2 = 0.969 * this.b2 + white * 0.153852;
      this.b3 = 0.8665 * this.b3 + white * 0.3104856;
      this.b4 = 0.55 * this.b4 + white * 0.5329522;
      this.b5 = -0.7616 * this.b5 - white * 0.016898;
      const pink =
        this.b0 + this.b1 + this.b2 + this.b3 + this.b4 + this.b5 + this.b6 + white * 0.5362;
      this.b6 = white * 0.115926;
      return pink * 0.11;
    }
    this.brown = this.brown * this.leak + white * 0.02;
    return this.brown * this.brownScale;
  }
}
