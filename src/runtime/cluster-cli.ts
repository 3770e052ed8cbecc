/**
 * `npm run cluster`: the production topology on one machine, for trying it locally —
 * CLUSTER_SIZE API processes (default 2) on ports PORT+1…PORT+N against one PostgreSQL, one
 * Meilisearch and (with REDIS_URL) one Redis, behind a small round-robin proxy on PORT (3000).
 * Without DATABASE_URL / MEILI_HOST the bundled servers are started once and shared.
 * See docs/deploy.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { loadConfig } from '../config';
import { SERVER_ENV, SERVER_NODE_OPTIONS } from './launch-settings';
import { resolveServices } from './services';

const say = (line: string) => console.error(`[cluster] ${line}`);

async function main() {
  const config = loadConfig();
  const size = Number(process.env.CLUSTER_SIZE ?? 2);
  if (!Number.isInteger(size) || size < 1 || size > 16) throw new Error('CLUSTER_SIZE must be an integer from 1 to 16');
  const services = await resolveServices(config, say);
  if (!config.REDIS_URL) say('REDIS_URL is not set: each instance enforces rate limits on its own (set it to share them)');
  const ports = Array.from({ length: size }, (_, i) => config.PORT + 1 + i);
  const children: ChildProcess[] = ports.map((port, i) => {
    const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, '--import', 'tsx', path.join(__dirname, '../server.ts')], {
      env: { ...process.env, ...SERVER_ENV, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: services.databaseUrl, MEILI_HOST: services.meili.host, MEILI_API_KEY: services.meili.apiKey ?? '' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code, signal) => { if (!stopping) say(`instance ${i + 1} (port ${port}) exited (${signal ?? code})`); });
    return child;
  });

  // Round robin; a refused connection (an instance that died or is restarting) tries the next.
  let next = 0;
  const proxy = http.createServer((req, res) => {
    const forward = (attempt: number) => {
      const port = ports[next++ % ports.length];
      const upstream = http.request({
        host: '127.0.0.1', port, method: req.method, path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
      }, (up) => { res.writeHead(up.statusCode ?? 502, up.headers); up.pipe(res); });
      upstream.on('error', () => {
        const idempotent = req.method === 'GET' || req.method === 'HEAD';
        if (idempotent && attempt + 1 < ports.length && !res.headersSent) return forward(attempt + 1);
        if (!res.headersSent) { res.writeHead(502, { 'content-type': 'text/plain' }); res.end('no API instance answered\n'); } else res.destroy();
      });
      if (req.method === 'GET' || req.method === 'HEAD') upstream.end(); else req.pipe(upstream);
    };
    forward(0);
  });
  await new Promise<void>((resolve) => proxy.listen(config.PORT, config.HOST, resolve));
  say(`${size} API instances on ports ${ports.join(', ')}; proxy on http://${config.HOST}:${config.PORT}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    say('stopping');
    proxy.close();
    await Promise.all(children.map((c) => new Promise((r) => { if (c.exitCode !== null) return r(null); c.once('exit', r); c.kill('SIGTERM'); })));
    await services.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err) => { console.error(`[cluster] could not start: ${(err as Error).message}`); process.exit(1); });
