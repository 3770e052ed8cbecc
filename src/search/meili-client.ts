// Meilisearch client without the ~40 ms Nagle/delayed-ACK stall.
//
// Why: when a request carries `Accept-Encoding` (global fetch always sends "gzip, deflate"),
// Meilisearch compresses every response whose body is >= 1024 bytes on a blocking thread
// (actix-http Encoder, MAX_CHUNK_SIZE_ENCODE_IN_PLACE = 1024) and writes the response head and the
// compressed chunked body as two separate send() calls. The server socket has Nagle enabled (no
// TCP_NODELAY), so the second small segment waits for the client's ACK of the first, which Linux
// delays by ~40 ms. Uncompressed responses (Content-Length) go out in a single send().
//
// Fix: never ask for compression, and use undici's Pool (no WHATWG-fetch overhead) as the transport.
import { Readable } from 'node:stream';
import { Meilisearch, MeilisearchApiError, MeilisearchRequestTimeOutError, type MeilisearchErrorResponse } from 'meilisearch';
import { Pool, type Dispatcher } from 'undici';

export type MeiliConnection = MeiliClientOptions;

export interface MeiliClientOptions {
  host: string;
  apiKey?: string;
  /**
   * Per-request timeout in ms (until the whole JSON body is read), for everything but document
   * uploads: searches, probes, task polling. A frozen or overloaded engine then costs a caller this
   * long at most before the API answers 503 (SEARCH_TIMEOUT_MS). Reported like the default client's
   * `timeout`: MeilisearchRequestError whose cause is a MeilisearchRequestTimeOutError. Default 10 000.
   */
  timeoutMs?: number;
  /** Max sockets kept to Meilisearch. Default 16. */
  connections?: number;
}

// Calls for which meilisearch-js expects `httpClient` to return a ReadableStream
// (HttpRequests#getStream / #postStream: index/task documents export, chat completions).
const STREAMING_PATH = /\/(?:tasks\/\d+\/documents|chats\/[^/]+\/chat\/completions)$/;

/** A batch of documents (up to a rebuild's 1,000 listings) may take longer to hand over than a search. */
const UPLOAD_TIMEOUT_MS = 60_000;
const isUpload = (method: string, pathname: string) => (method === 'POST' || method === 'PUT') && pathname.endsWith('/documents');

const pools = new WeakMap<Meilisearch, Pool>();
const posters = new WeakMap<Meilisearch, (path: string, body: unknown) => Promise<unknown>>();
const TIMEOUT = Symbol('meili request timeout');

export function createMeiliClient({ host, apiKey, timeoutMs = 10_000, connections = 16 }: MeiliClientOptions): Meilisearch {
  const origin = new URL(host).origin;
  const pool = new Pool(origin, {
    connections,
    keepAliveTimeout: 10_000, // idle socket reuse window; Meilisearch keeps idle sockets open longer
    headersTimeout: 60_000, // coarse (~1 s resolution) backstops only; the precise timeout is below
    bodyTimeout: 60_000,
    connect: { timeout: 5_000 },
  });

  const httpClient = async (input: string | URL | { url: string }, init: RequestInit = {}): Promise<unknown> => {
    const url = input instanceof URL ? input : new URL(typeof input === 'string' ? input : input.url);
    if (url.origin !== origin) throw new Error(`meili httpClient: unexpected origin ${url.origin}`);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => { headers[key] = value; });
    headers['accept-encoding'] = 'identity'; // undici.request does not decompress; never let the server compress
    const method = (init.method ?? 'GET') as Dispatcher.HttpMethod;
    return exchange(pool, {
      path: url.pathname + url.search, method, headers,
      body: (init.body ?? undefined) as string | undefined, // meilisearch-js always passes a string or undefined
    }, {
      limitMs: isUpload(method, url.pathname) ? Math.max(timeoutMs, UPLOAD_TIMEOUT_MS) : timeoutMs,
      init, stream: STREAMING_PATH.test(url.pathname),
    });
  };

  // No `timeout` option here on purpose (the httpClient enforces it): with `timeout` set, meilisearch-js
  // 0.62 adds an abort listener to the caller's signal on every request and never removes it.
  const client = new Meilisearch({ host, apiKey, httpClient });
  pools.set(client, pool);
  // The search hot path: the same pool, timeout and errors as httpClient, without building a
  // URL and a WHATWG Headers object per call (the API's CPU per search is taken from the engine
  // on a shared machine).
  const headers = { 'content-type': 'application/json', 'accept-encoding': 'identity', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) };
  posters.set(client, (path, body) => exchange(pool, { path, method: 'POST', headers, body: JSON.stringify(body) }, { limitMs: timeoutMs, init: { method: 'POST' } }));
  return client;
}

/**
 * One request on the pool with its own timeout and the caller's signal (waitForTask, user aborts),
 * both removed when the call settles: the parsed JSON answer (a stream with `stream` on success),
 * the engine's error as a MeilisearchApiError, a MeilisearchRequestTimeOutError past `limitMs`.
 */
async function exchange(pool: Pool, request: { path: string; method: Dispatcher.HttpMethod; headers: Record<string, string>; body?: string },
  opts: { limitMs: number; init: RequestInit; stream?: boolean }): Promise<unknown> {
  const callerSignal = opts.init.signal ?? undefined;
  const ac = new AbortController();
  const onCallerAbort = () => ac.abort(callerSignal!.reason);
  if (callerSignal?.aborted) ac.abort(callerSignal.reason);
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => ac.abort(TIMEOUT), opts.limitMs);
  try {
    const res = await pool.request({ ...request, signal: ac.signal });
    if (res.statusCode < 400 && opts.stream) return Readable.toWeb(res.body);
    const text = await res.body.text();
    if (res.statusCode >= 400) throw apiError(res, text);
    return text === '' ? undefined : JSON.parse(text);
  } catch (e) {
    if (ac.signal.aborted) {
      if (ac.signal.reason === TIMEOUT) throw new MeilisearchRequestTimeOutError(opts.limitMs, opts.init);
      // meilisearch-js recognises its own aborts by identity of the reason (waitForTask's
      // MeilisearchTaskTimeOutError), so rethrow the caller's reason itself.
      throw ac.signal.reason;
    }
    throw e;
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}

/** The engine's error answer as meilisearch-js reports it (code, type and link on the error itself too). */
function apiError(res: Dispatcher.ResponseData, text: string): MeilisearchApiError {
  let body: MeilisearchErrorResponse | undefined;
  try { body = text === '' ? undefined : JSON.parse(text); } catch { body = undefined; }
  const responseHeaders = new Headers();
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) responseHeaders.set(k, Array.isArray(v) ? v.join(', ') : v);
  const err = new MeilisearchApiError(new Response(text, { status: res.statusCode, headers: responseHeaders }), body);
  // meilisearch-js wraps whatever httpClient throws in MeilisearchRequestError (cause = err).
  // Mirror the API error fields on err so `e.cause.code` checks keep working.
  Object.assign(err, { code: body?.code, type: body?.type, link: body?.link, httpStatus: res.statusCode });
  return err;
}

/**
 * POSTs a JSON body to the engine through the client's own connection pool, timeout and errors,
 * without meilisearch-js building the request: the search hot path (measured ~0.14 ms of CPU per
 * call less than `multiSearch`, on a 2-core machine where the API's CPU is taken from the engine).
 * Errors are thrown as they are (an engine error is a MeilisearchApiError, see meiliApiError).
 */
export function meiliPost<T>(client: Meilisearch, path: string, body: unknown): Promise<T> {
  const post = posters.get(client);
  if (!post) throw new Error('meiliPost needs a client made by createMeiliClient');
  return post(path, body) as Promise<T>;
}

/** Close the sockets of a client made by createMeiliClient (tests, graceful shutdown). */
export async function closeMeiliClient(client: Meilisearch): Promise<void> {
  await pools.get(client)?.close();
}

/** The Meilisearch API error behind an error thrown by either a default or a createMeiliClient client. */
export function meiliApiError(e: unknown): MeilisearchApiError | undefined {
  if (e instanceof MeilisearchApiError) return e;
  const cause = (e as { cause?: unknown } | null)?.cause;
  return cause instanceof MeilisearchApiError ? cause : undefined;
}
