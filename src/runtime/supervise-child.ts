import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Keeps a bundled server running: when its process exits without being asked to, it is
 * started again after a backoff (1 s, doubling to 30 s; reset after a minute of uptime), with
 * a log line each time. `stop()` stops only the process this supervisor started last, and
 * returns at once when that one is already gone.
 */
export class SupervisedChild {
  private child: ChildProcess;
  private stopping = false;
  private failures = 0;
  private startedAt = Date.now();

  constructor(
    private readonly name: string,
    first: ChildProcess,
    private readonly restart: () => Promise<ChildProcess>,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.child = first;
    this.watch(first);
  }

  get process(): ChildProcess { return this.child; }

  /** No more restarts (a shutdown has begun, and children may be exiting on their own). */
  hold() { this.stopping = true; }

  async stop(signal: NodeJS.Signals, graceMs = 7000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!isRunning(child)) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await Promise.race([exited, sleep(graceMs)]);
    if (isRunning(child)) {
      child.kill('SIGKILL');
      await Promise.race([exited, sleep(2000)]);
    }
  }

  private watch(child: ChildProcess) {
    child.once('exit', (code, signal) => {
      if (this.stopping || child !== this.child) return;
      if (Date.now() - this.startedAt > 60_000) this.failures = 0;
      const delay = Math.min(30_000, 1000 * 2 ** this.failures++);
      this.log(`the bundled ${this.name} exited (${signal ?? `code ${code}`}); restarting it in ${delay / 1000} s`);
      void this.again(delay);
    });
  }

  private async again(delay: number) {
    await sleep(delay);
    if (this.stopping) return;
    try {
      const child = await this.restart();
      if (this.stopping) { child.kill('SIGINT'); return; }
      this.child = child;
      this.startedAt = Date.now();
      this.watch(child);
      this.log(`the bundled ${this.name} is running again (pid ${child.pid})`);
    } catch (err) {
      const next = Math.min(30_000, 1000 * 2 ** this.failures++);
      this.log(`the bundled ${this.name} did not restart (${(err as Error)?.message ?? err}); trying again in ${next / 1000} s`);
      void this.again(next);
    }
  }
}

export const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
