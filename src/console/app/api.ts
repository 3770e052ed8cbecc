/** The public API, as the console calls it: the staff key (if any) from sessionStorage only. */
const KEY_SLOT = 'directory.staffKey';

export const session = {
  key: (): string | null => sessionStorage.getItem(KEY_SLOT),
  setKey: (k: string | null) => (k ? sessionStorage.setItem(KEY_SLOT, k) : sessionStorage.removeItem(KEY_SLOT)),
};

export class ApiError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

type Params = Record<string, string | number | boolean | undefined | null>;

export function query(params: Params): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

async function call<T>(method: string, path: string, opts: { params?: Params; body?: unknown; signal?: AbortSignal; key?: string | null } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const key = opts.key === undefined ? session.key() : opts.key;
  if (key) headers.Authorization = `Bearer ${key}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path + query(opts.params ?? {}), {
    method, headers, signal: opts.signal, body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, data?.detail ?? data?.title ?? `HTTP ${res.status}`);
  return data as T;
}

export const api = {
  get: <T>(path: string, params?: Params, signal?: AbortSignal) => call<T>('GET', path, { params, signal }),
  post: <T>(path: string, body: unknown) => call<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, { body }),
  whoami: (key: string) => call<{ role: string; name: string }>('GET', '/v1/me', { key }),
};
