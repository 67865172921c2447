/** A numpy array read from a .npy file: its element type, shape and values. */
export type NpyArray =
  | { dtype: 'float32'; shape: number[]; data: Float32Array }
  | { dtype: 'float64'; shape: number[]; data: Float64Array }
  | { dtype: 'uint8'; shape: number[]; data: Uint8Array }
  | { dtype: 'int8'; shape: number[]; data: Int8Array };

const MAGIC = '\x93NUMPY';

/**
 * Parses numpy's .npy format (version 1–3): a magic string, a header that is a Python dict
 * literal (`{'descr': '<f4', 'fortran_order': False, 'shape': (512, 256), }`), then the
 * values in C order. Only the little-endian types the encoder's weights use are accepted.
 * uint8 data stays a view of `bytes` (the 65 MB embedding table is not copied).
 */
export function parseNpy(bytes: Buffer, name = 'array'): NpyArray {
  if (bytes.toString('latin1', 0, 6) !== MAGIC) throw new Error(`${name}: not a .npy file`);
  const major = bytes[6];
  const headerLength = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const headerStart = major === 1 ? 10 : 12;
  const header = bytes.toString('latin1', headerStart, headerStart + headerLength);
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new Error(`${name}: unreadable .npy header ${header.trim()}`);
  }
  if (fortran === 'True') throw new Error(`${name}: Fortran-ordered arrays are not read`);
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const body = bytes.subarray(headerStart + headerLength);
  const bytesOf = (width: number) => {
    if (body.length < count * width) throw new Error(`${name}: truncated .npy data`);
    return body.subarray(0, count * width);
  };
  // Copies for the multi-byte types: a view would need the data 4- or 8-byte aligned in memory.
  const copy = (width: number) => {
    const data = bytesOf(width);
    return data.buffer.slice(data.byteOffset, data.byteOffset + data.length);
  };
  switch (descr) {
    case '<f4':
      return { dtype: 'float32', shape, data: new Float32Array(copy(4)) };
    case '<f8':
      return { dtype: 'float64', shape, data: new Float64Array(copy(8)) };
    case '|u1':
      return { dtype: 'uint8', shape, data: bytesOf(1) };
    case '|i1': {
      const data = bytesOf(1);
      return { dtype: 'int8', shape, data: new Int8Array(data.buffer, data.byteOffset, count) };
    }
    default:
      throw new Error(`${name}: element type ${descr} is not read`);
  }
}
