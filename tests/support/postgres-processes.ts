import fs from 'node:fs';

/** The postmaster (first line of postmaster.pid) and its backends: every process of one PostgreSQL. */
export function postgresProcesses(pgdata: string): number[] {
  const postmaster = Number(fs.readFileSync(`${pgdata}/postmaster.pid`, 'utf8').split('\n')[0]);
  const children = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((pid) => {
    try { return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === postmaster; } catch { return false; }
  });
  return [postmaster, ...children];
}

export function signalAll(pids: number[], signal: NodeJS.Signals) {
  for (const pid of pids) { try { process.kill(pid, signal); } catch { /* already gone */ } }
}
