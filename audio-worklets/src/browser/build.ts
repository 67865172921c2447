import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The browser files, bundled by esbuild: the worklet module (one self-contained ES module
 * with no imports, which Next.js serves from public/ untouched by its chunking), and the
 * page harness for offline renders and benchmarks. Built into memory on demand.
 */
export async function browserBundles(): Promise<Record<string, string>> {
  const result = await build({
    entryPoints: {
      'mindscape-worklet': here('../worklet/processor.ts'),
      harness: here('./harness.ts'),
      demo: here('../../demo/demo.ts'),
    },
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
