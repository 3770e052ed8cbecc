/**
 * Builds the staff console into dist/console: one bundled, minified script and one stylesheet
 * (content-hashed names, so they can be cached for good), index.html naming them, and a
 * brotli and a gzip copy of each, so the server sends compressed bytes without compressing
 * on every request. `npx tsx src/console/build-console.ts` runs it; the server and the
 * browser tests call buildConsole().
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { consoleDir, consoleSourceDir } from './console-dir';

const SRC = consoleSourceDir();

export async function buildConsole(opts: { outDir?: string; minify?: boolean } = {}): Promise<{ outDir: string; files: Record<string, number> }> {
  const outDir = opts.outDir ?? consoleDir();
  // Only what this build writes: a TypeScript build emitting into dist/ may share the folder.
  fs.rmSync(path.join(outDir, 'assets'), { recursive: true, force: true });
  for (const f of ['index.html', 'index.html.br', 'index.html.gz']) fs.rmSync(path.join(outDir, f), { force: true });
  fs.mkdirSync(path.join(outDir, 'assets'), { recursive: true });
  const result = await esbuild.build({
    entryPoints: { console: path.join(SRC, 'main.ts'), style: path.join(SRC, 'console.css') },
    bundle: true, minify: opts.minify ?? true, format: 'esm', target: ['es2020'], platform: 'browser',
    outdir: path.join(outDir, 'assets'), entryNames: '[name]-[hash]', metafile: true, legalComments: 'none',
    logLevel: 'silent',
  });
  const outputs = Object.keys(result.metafile.outputs).map((f) => path.basename(f));
  const script = outputs.find((f) => f.startsWith('console-') && f.endsWith('.js'))!;
  const style = outputs.find((f) => f.startsWith('style-') && f.endsWith('.css'))!;
  const html = fs.readFileSync(path.join(SRC, 'index.html'), 'utf8')
    .replace('__SCRIPT__', `/console/assets/${script}`).replace('__STYLE__', `/console/assets/${style}`);
  fs.writeFileSync(path.join(outDir, 'index.html'), html);
  const files: Record<string, number> = {};
  for (const rel of ['index.html', `assets/${script}`, `assets/${style}`]) {
    const full = path.join(outDir, rel);
    const body = fs.readFileSync(full);
    const br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
    fs.writeFileSync(`${full}.br`, br);
    fs.writeFileSync(`${full}.gz`, zlib.gzipSync(body, { level: 9 }));
    files[rel] = br.length;
  }
  return { outDir, files };
}

if (require.main === module) {
  buildConsole().then(({ outDir, files }) => {
    const total = Object.values(files).reduce((a, b) => a + b, 0);
    console.error(`[console] built ${outDir}: ${Object.entries(files).map(([f, n]) => `${f} ${n} B`).join(', ')} (brotli, ${total} B in all)`);
  }, (err) => { console.error(`[console] build failed: ${(err as Error).message}`); process.exit(1); });
}
