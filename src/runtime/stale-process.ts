import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * After a crash the bundled servers may outlive the Node process that started them. Their pid
 * file names them; if that process is still alive and is the expected program, stop it so the
 * next start works without manual cleanup.
 */
export async function stopStaleProcess(pidFile: string, expectedCommand: string): Promise<void> {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  let cmd = '';
  try { cmd = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim(); } catch { return; }
  if (!cmd.includes(expectedCommand)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
}

function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}
