// Bundles the Lambda into dist/lambda/index.js: CommonJS, minified, with a source map.
import { build } from 'esbuild';

const result = await build({
  entryPoints: ['lambda/index.ts'],
  outfile: 'dist/lambda/index.js',
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
const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
console.log(`dist/lambda/index.js ${(bytes / 1024).toFixed(1)} KB`);
