import FFT from 'fft.js';

/**
 * Signal measurements for the tests: the frequency of the strongest component to a
 * thousandth of a hertz (FFT peak, then the windowed DTFT maximised around it), and the
 * spectral slope in dB per octave (Welch's averaged periodogram).
 */
export function peakFrequency(
  signal: Float32Array,
  sampleRate: number,
  range: [number, number] = [1, sampleRate / 2],
): number {
  const size = 1 << 16;
  const fft = new FFT(size);
  const frame = new Array<number>(size).fill(0);
  const start = Math.max(0, Math.floor((signal.length - size) / 2));
  for (let i = 0; i < size && start + i < signal.length; i++)
    frame[i] = signal[start + i]! * hann(i, size);
  const out = fft.createComplexArray() as number[];
  fft.realTransform(out, frame);
  let best = 0;
  let bestPower = -1;
  for (
    let k = Math.ceil((range[0] * size) / sampleRate);
    k <= Math.floor((range[1] * size) / sampleRate);
    k++
  ) {
    const power = out[2 * k]! ** 2 + out[2 * k + 1]! ** 2;
    if (power > bestPower) {
      bestPower = power;
      best = k;
    }
  }
  // Refine over the whole signal: golden-section search of the DTFT magnitude.
  const binHz = sampleRate / size;
  let low = (best - 1) * binHz;
  let high = (best + 1) * binHz;
  const magnitude = (f: number) => dtft(signal, sampleRate, f);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = high - ratio * (high - low);
  let b = low + ratio * (high - low);
  let fa = magnitude(a);
  let fb = magnitude(b);
  while (high - low > 1e-5) {
    if (fa > fb) {
      high = b;
      b = a;
      fb = fa;
      a = high - ratio * (high - low);
      fa = magnitude(a);
    } else {
      low = a;
      a = b;
      fa = fb;
      b = low + ratio * (high - low);
      fb = magnitude(b);
    }
  }
  return (low + high) / 2;
}

function dtft(signal: Float32Array, sampleRate: number, frequency: number): number {
  const n = signal.length;
  const step = (2 * Math.PI * frequency) / sampleRate;
  let re = 0;
  let im = 0;
  // Rotating phasor: exact enough over a few hundred thousand samples in float64.
  let c = 1;
  let s = 0;
  const cs = Math.cos(step);
  const sn = Math.sin(step);
  for (let i = 0; i < n; i++) {
    const x = signal[i]! * hann(i, n);
    re += x * c;
    im -= x * s;
    const nc = c * cs - s * sn;
    s = s * cs + c * sn;
    c = nc;
  }
  return re * re + im * im;
}

const hann = (i: number, n: number) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1));

/** Slope of the power spectrum in dB per octave between `from` and `to` Hz (least squares). */
export function spectralSlope(
  signal: Float32Array,
  sampleRate: number,
  from: number,
  to: number,
): number {
  const size = 8192;
  const fft = new FFT(size);
  const power = new Float64Array(size / 2);
  const frame = new Array<number>(size);
  const out = fft.createComplexArray() as number[];
  let segments = 0;
  for (let start = 0; start + size <= signal.length; start += size / 2) {
    for (let i = 0; i < size; i++) frame[i] = signal[start + i]! * hann(i, size);
    fft.realTransform(out, frame);
    for (let k = 1; k < size / 2; k++) power[k]! += out[2 * k]! ** 2 + out[2 * k + 1]! ** 2;
    segments++;
  }
  // Average into octave-fraction bands so high frequencies (many bins) do not dominate the fit.
  const xs: number[] = [];
  const ys: number[] = [];
  for (let f = from; f < to; f *= 2 ** (1 / 6)) {
    const k0 = Math.round((f * size) / sampleRate);
    const k1 = Math.max(k0 + 1, Math.round((f * 2 ** (1 / 6) * size) / sampleRate));
    let sum = 0;
    for (let k = k0; k < k1; k++) sum += power[k]! / segments;
    xs.push(Math.log2(f * 2 ** (1 / 12)));
    ys.push(10 * Math.log10(sum / (k1 - k0)));
  }
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

/** Largest |x[i] − x[i−1]|. */
export function largestStep(signal: Float32Array): number {
  let largest = 0;
  for (let i = 1; i < signal.length; i++)
    largest = Math.max(largest, Math.abs(signal[i]! - signal[i - 1]!));
  return largest;
}

export function peakLevel(channels: Float32Array[]): number {
  let peak = 0;
  for (const channel of channels) for (const x of channel) peak = Math.max(peak, Math.abs(x));
  return peak;
}
