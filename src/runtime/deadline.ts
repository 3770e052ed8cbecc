/**
 * `p`, or a rejection with `message` after `ms` (the timer does not keep the process alive and is
 * cleared when `p` settles). For clients whose own calls have no deadline (Redis commands, a
 * LISTEN session's heartbeat).
 */
export function withDeadline<T>(p: Promise<T>, ms: number, message = `no answer within ${ms} ms`): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); timer.unref(); }),
  ]);
}
