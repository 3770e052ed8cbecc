import type { Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import { RedisStore } from 'rate-limit-redis';
import { createClient } from 'redis';
import { withDeadline } from '../runtime/deadline';

/** Where rate-limit counters live: this process's memory, or Redis shared by every instance. */
export interface RateLimitStores {
  kind: 'memory' | 'redis';
  /** A store for one limiter (its own key prefix); undefined means express-rate-limit's memory store. */
  storeFor(prefix: string): Store | undefined;
  status(): { store: 'memory' | 'redis'; ok: boolean; error?: string };
  close(): Promise<void>;
}

/** A Redis command that takes longer than this is treated as Redis being down (fail open). */
const COMMAND_TIMEOUT_MS = 1000;

export function memoryStores(): RateLimitStores {
  return { kind: 'memory', storeFor: () => undefined, status: () => ({ store: 'memory', ok: true }), close: async () => {} };
}

/**
 * Counters in Redis, so N instances enforce one limit and a deploy does not reset them.
 * Requests never wait for Redis: commands fail at once while it is disconnected (no offline
 * queue) or after COMMAND_TIMEOUT_MS, and the limiters then let the request through (fail open);
 * the client reconnects in the background and /ready reports the state.
 */
export function redisStores(url: string, log: Logger): RateLimitStores {
  let lastError: string | null = null;
  let reported = 0;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
  });
  client.on('error', (err: Error) => {
    lastError = err.message || err.name;
    if (Date.now() - reported > 30_000) { reported = Date.now(); log.warn({ err: lastError }, 'Redis (rate limits) unreachable: requests are served without shared limits'); }
  });
  const stores = new Set<ResilientRedisStore>();
  client.on('ready', () => {
    if (lastError) log.info('Redis (rate limits) reachable again');
    lastError = null;
    for (const store of stores) store.reloadScripts(); // they failed to load while Redis was not connected
  });
  client.connect().catch(() => {}); // keeps reconnecting; see the error handler

  const send = async (...args: string[]) => withDeadline(client.sendCommand(args), COMMAND_TIMEOUT_MS, 'Redis did not answer in time') as never;
  return {
    kind: 'redis',
    storeFor: (prefix) => {
      const store = new ResilientRedisStore({ sendCommand: send, prefix: `rl:${prefix}:` });
      stores.add(store);
      return store;
    },
    status: () => (client.isReady ? { store: 'redis', ok: true } : { store: 'redis', ok: false, error: 'Redis unreachable: rate limits are not enforced' }),
    close: async () => { await client.close().catch(() => {}); },
  };
}

/**
 * rate-limit-redis loads its scripts once, when the limiter is created: if Redis was not
 * connected then (or the event loop was busy starting the app), the rejected promise would stay
 * and every later call fail open even with Redis up. Load them when Redis (re)connects, and on a
 * failure reload and retry once.
 */
class ResilientRedisStore extends RedisStore {
  override async init(options: { windowMs: number }) {
    this.windowMs = options.windowMs;
    this.reloadScripts();
  }

  override async increment(key: string) {
    try { return await super.increment(key); } catch {
      this.reloadScripts();
      return super.increment(key);
    }
  }

  override async get(key: string) {
    try { return await super.get(key); } catch {
      this.reloadScripts();
      return super.get(key);
    }
  }

  reloadScripts() {
    this.incrementScriptSha = this.loadIncrementScript();
    this.getScriptSha = this.loadGetScript();
    this.incrementScriptSha.catch(() => {});
    this.getScriptSha.catch(() => {});
  }
}
