/**
 * The search criteria: what the URL holds (so back/forward and reload work) and what the
 * search is sent. Only criteria, never anything else about the caller.
 */
export const LIST_KEYS = ['level', 'condition', 'payer', 'insurer', 'medication', 'population', 'language', 'schedule', 'accessibility'] as const;
export const FLAG_KEYS = ['telehealth', 'accepting_new_patients', 'has_openings', 'intake_open_now', 'walk_in'] as const;
export const TEXT_KEYS = ['q', 'near', 'radius', 'sort', 'page'] as const;
const ALL_KEYS = [...TEXT_KEYS, ...LIST_KEYS, ...FLAG_KEYS] as const;

export type Criteria = Partial<Record<(typeof ALL_KEYS)[number], string>>;
export type ListKey = (typeof LIST_KEYS)[number];
export type FlagKey = (typeof FLAG_KEYS)[number];

export function fromUrl(search: string): Criteria {
  const u = new URLSearchParams(search);
  const c: Criteria = {};
  for (const k of ALL_KEYS) { const v = u.get(k); if (v) c[k] = v; }
  return c;
}

export function toUrl(c: Criteria): string {
  const u = new URLSearchParams();
  for (const k of ALL_KEYS) if (c[k]) u.set(k, c[k]!);
  const s = u.toString();
  return s ? `?${s}` : '';
}

export const listOf = (c: Criteria, k: ListKey): string[] => (c[k] ? c[k]!.split(',').filter(Boolean) : []);

export function toggle(c: Criteria, k: ListKey, code: string): Criteria {
  const list = listOf(c, k);
  const next = list.includes(code) ? list.filter((x) => x !== code) : [...list, code];
  return { ...c, [k]: next.join(','), page: undefined };
}

export const ZIP = /^\d{5}$/;
export const CITY_STATE = /^\s*([^,]{2,}),\s*([A-Za-z]{2})\s*$/;

/** The near field as the search takes it: a ZIP as is, a "City, ST" through GET /v1/places. */
export function parseNear(near: string | undefined): { zip: string } | { city: string; state: string } | null | 'invalid' {
  const s = (near ?? '').trim();
  if (!s) return null;
  if (ZIP.test(s)) return { zip: s };
  const m = CITY_STATE.exec(s);
  return m ? { city: m[1].trim(), state: m[2].toUpperCase() } : 'invalid';
}

/** The API parameters for a criteria set, with `near` resolved to what the search accepts. */
export function searchParams(c: Criteria, near: string | null, supported: Set<string>) {
  const p: Record<string, string> = { per_page: '10' };
  if (c.q) p.q = c.q;
  if (near) { p.near = near; if (c.radius) p.radius = c.radius; }
  for (const k of LIST_KEYS) if (c[k] && supported.has(k)) p[k] = c[k]!;
  for (const k of FLAG_KEYS) if (c[k] === 'true' && supported.has(k)) p[k] = 'true';
  if (c.sort && !(c.sort === 'distance' && !near) && !(c.sort === 'relevance' && !c.q)) p.sort = c.sort;
  if (c.page && c.page !== '1') p.page = c.page;
  return p;
}
