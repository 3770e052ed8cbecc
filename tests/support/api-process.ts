import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './test-services';

/** One real API process (`node --import tsx src/server.ts`), as production runs several. */
export interface ApiProcess {
  base: string;
  port: number;
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../src/server.ts')], {
    cwd: path.join(__dirname, '../..'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    base: `http://127.0.0.1:${port}`, port, child, exited,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** Resolves once the process answers /health (the HTTP server listens). */
export async function waitListening(p: ApiProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (p.child.exitCode !== null) throw new Error(`API process exited with ${p.child.exitCode}:\n${p.output().slice(-3000)}`);
    try { if ((await fetch(`${p.base}/health`)).status === 200) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`API process did not listen within ${timeoutMs} ms:\n${p.output().slice(-3000)}`);
}

/**
 * Whether a Redis answers at `url`, decided synchronously (jest picks describe or describe.skip
 * when the file loads): a child process tries to connect for at most a second.
 */
export function redisReachable(url: string): boolean {
  const { hostname, port } = new URL(url);
  const script = `const s=require('net').connect(${Number(port || 6379)},${JSON.stringify(hostname)});s.setTimeout(1000);`
    + `s.on('connect',()=>{s.write('PING\\r\\n')});s.on('data',d=>process.exit(String(d).startsWith('+PONG')?0:1));`
    + `s.on('error',()=>process.exit(1));s.on('timeout',()=>process.exit(1));`;
  try { execFileSync(process.execPath, ['-e', script], { stdio: 'ignore', timeout: 3000 }); return true; } catch { return false; }
}
