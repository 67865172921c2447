import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The browser files (all, or `only` those named), bundled by esbuild: the worklet module
 * (one self-contained ES module with no imports, which Next.js serves from public/ untouched
 * by its chunking), the page harness for offline renders and benchmarks, and the demo page.
 * Built into memory on demand.
 */
const ENTRIES = {
  'mindscape-worklet': here('../worklet/processor.ts'),
  harness: here('./harness.ts'),
  demo: here('../../demo/demo.ts'),
};

export async function browserBundles(
  only: ReadonlyArray<keyof typeof ENTRIES> = Object.keys(ENTRIES) as Array<keyof typeof ENTRIES>,
): Promise<Record<string, string>> {
  const result = await build({
    entryPoints: Object.fromEntries(only.map((name) => [name, ENTRIES[name]])),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    outdir: '/',
    logLevel: 'silent',
  });
  return Object.fromEntries(
    result.outputFiles.map((file) => [file.path.replace(/^\//, ''), file.text]),
  );
}
