/**
 * WAV files: stereo (or any channel count), 32-bit float or 24-bit PCM. Hand-written: the
 * format is a 44-byte header and interleaved samples, less code than any dependency.
 */
export type WavEncoding = 'float32' | 'pcm24';

export function encodeWav(
  channels: Float32Array[],
  sampleRate: number,
  encoding: WavEncoding = 'float32',
): Buffer {
  const frames = channels[0]?.length ?? 0;
  const bytes = encoding === 'float32' ? 4 : 3;
  const dataSize = frames * channels.length * bytes;
  const out = Buffer.alloc(44 + dataSize);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataSize, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(encoding === 'float32' ? 3 : 1, 20);
  out.writeUInt16LE(channels.length, 22);
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * channels.length * bytes, 28);
  out.writeUInt16LE(channels.length * bytes, 32);
  out.writeUInt16LE(bytes * 8, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataSize, 40);
  let at = 44;
  for (let i = 0; i < frames; i++) {
    for (const channel of channels) {
      const sample = channel[i]!;
      if (encoding === 'float32') out.writeFloatLE(sample, at);
      else out.writeIntLE(Math.round(Math.max(-1, Math.min(1, sample)) * 8_388_607), at, 3);
      at += bytes;
    }
  }
  return out;
}

/** Reads what encodeWav writes (for tests and tools). */
export function decodeWav(file: Buffer): { sampleRate: number; channels: Float32Array[] } {
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error('not a WAV file');
  const format = file.readUInt16LE(20);
  const count = file.readUInt16LE(22);
  const sampleRate = file.readUInt32LE(24);
  const bits = file.readUInt16LE(34);
  const dataSize = file.readUInt32LE(40);
  const bytes = bits / 8;
  const frames = dataSize / (count * bytes);
  const channels = Array.from({ length: count }, () => new Float32Array(frames));
  let at = 44;
  for (let i = 0; i < frames; i++)
    for (const channel of channels) {
      channel[i] = format === 3 ? file.readFloatLE(at) : file.readIntLE(at, 3) / 8_388_607;
      at += bytes;
    }
  return { sampleRate, channels };
}
