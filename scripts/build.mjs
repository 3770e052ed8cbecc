// `npm run build` (also run by `npm start`): transpiles src/ and seed/ to CommonJS in dist/ with
// esbuild, file by file, and builds the staff console. esbuild needs no type information, so a
// production install (`npm install --omit=dev`, no TypeScript or @types) can build and start;
// `npm test` type-checks everything with tsc.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist');
const sources = ['src', 'seed'].flatMap((dir) => fs.readdirSync(path.join(root, dir), { recursive: true })
  .map((f) => path.join(dir, String(f)))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith(path.join('src', 'console', 'app'))));

const started = Date.now();
fs.rmSync(path.join(outdir, 'src'), { recursive: true, force: true });
fs.rmSync(path.join(outdir, 'seed'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: sources,
  outdir,
  outbase: '.',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
const consoleBuild = path.join(outdir, 'src/console/build-console.js');
if (fs.existsSync(consoleBuild)) {
  const { createRequire } = await import('node:module');
  await createRequire(import.meta.url)(consoleBuild).buildConsole();
}
console.error(`[build] ${sources.length} files → dist/ in ${Date.now() - started} ms`);
