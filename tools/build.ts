/**
 * Bundles the Lambda into dist/lambda/index.js: CommonJS, minified, with a source map. The bench
 * builds its baseline with the same settings through `bundle`.
 */
import { build } from 'esbuild';

export const LAMBDA_ENTRY = 'lambda/index.ts';
export const LAMBDA_BUNDLE = 'dist/lambda/index.js';

/** Bundles one entry point for the Lambda runtime; returns the output size in bytes. */
export async function bundle(entry: string, outfile: string): Promise<number> {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: true,
    sourcemap: true,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return Object.values(result.metafile.outputs).find((output) => output.entryPoint)?.bytes ?? 0;
}

if (require.main === module) {
  bundle(LAMBDA_ENTRY, LAMBDA_BUNDLE).then(
    (bytes) => console.log(`${LAMBDA_BUNDLE} ${(bytes / 1024).toFixed(1)} KB`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
