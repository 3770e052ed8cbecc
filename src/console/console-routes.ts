import fs from 'node:fs';
import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import { AppError } from '../errors';
import { consoleDir } from './console-dir';

/** Only what the console needs: its own scripts and styles, calls to this API, nothing inline. */
export const CONSOLE_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self' data:",
  "font-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "object-src 'none'",
].join('; ');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/**
 * Serves the built console (src/console/build-console.ts) from dist/console at /console,
 * sending the precompressed copy the browser accepts. Not built → 503 that says how to build.
 */
export function consoleRoutes(dir = consoleDir()): Router {
  const router = Router();
  const send = (req: Request, res: Response, rel: string, cache: string) => {
    const file = path.join(dir, rel);
    if (!fs.existsSync(file)) {
      if (rel === 'index.html') throw new AppError('not_ready', 'The console is not built: run `npm run build` (or `npx tsx src/console/build-console.ts`)', { headers: { 'Retry-After': '30' } });
      throw new AppError('not_found', `No console file ${rel}`);
    }
    const accepts = String(req.get('accept-encoding') ?? '');
    const encoding = /\bbr\b/.test(accepts) && fs.existsSync(`${file}.br`) ? 'br' : /\bgzip\b/.test(accepts) && fs.existsSync(`${file}.gz`) ? 'gzip' : null;
    res.setHeader('Content-Type', TYPES[path.extname(rel)] ?? 'application/octet-stream');
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('Cache-Control', cache);
    res.setHeader('Vary', 'Accept-Encoding');
    if (encoding) res.setHeader('Content-Encoding', encoding);
    const body = fs.readFileSync(encoding ? `${file}.${encoding === 'br' ? 'br' : 'gz'}` : file);
    res.setHeader('Content-Length', String(body.length));
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  // The page itself is never cached (it names the current assets); the assets are content-hashed.
  router.get('/console', (req, res) => send(req, res, 'index.html', 'no-cache'));
  router.get('/console/assets/:file', (req, res) => {
    const name = String(req.params.file);
    if (!/^[a-z]+-[A-Z0-9]+\.(js|css)$/i.test(name)) throw new AppError('not_found', 'No such console file');
    send(req, res, `assets/${name}`, 'public, max-age=31536000, immutable');
  });
  return router;
}
