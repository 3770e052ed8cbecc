import http from 'node:http';
import type { RequestListener } from 'node:http';

/**
 * Limits on how long a client may hold a connection, so slow or stalled clients cannot pin
 * sockets: the headers must arrive within `headersMs`, the whole request (imports included,
 * up to IMPORT_BODY_LIMIT_MB) within `requestMs`, and an idle keep-alive connection is closed
 * after `keepAliveMs`. Node checks these every `checkMs`.
 */
export interface HttpTimeouts { headersMs: number; requestMs: number; keepAliveMs: number; checkMs: number }
export const HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, requestMs: 300_000, keepAliveMs: 5_000, checkMs: 1_000 };

export function listenHttp(app: RequestListener, port: number, host: string, t: HttpTimeouts = HTTP_TIMEOUTS): Promise<http.Server> {
  const server = http.createServer({
    headersTimeout: t.headersMs, requestTimeout: t.requestMs, keepAliveTimeout: t.keepAliveMs, connectionsCheckingInterval: t.checkMs,
  }, app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
