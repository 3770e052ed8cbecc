import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './test-services';

export interface PrivatePostgres { url: string; dir: string; pgdata: string; stop(): Promise<void> }

/** A PostgreSQL of one test's own (to freeze or kill), run by tests/support/private-postgres-cli.ts. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'private-pg-'));
  fs.chmodSync(dir, 0o777);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'private-postgres-cli.ts'), dir, String(await freePort())], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^URL (\S+)$/m.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`private PostgreSQL exited (${code})`)));
  });
  return {
    url, dir, pgdata: path.join(dir, 'postgres'),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.stdin.end();
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
