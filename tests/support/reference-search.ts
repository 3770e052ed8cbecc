/**
 * A plain reference implementation of GET /v1/centers filtering and facets, written from
 * api.md and domain.md without using the search code, to check the engine's answers against.
 */
import type { Center } from '../../src/centers/center-schema';

export type Params = Record<string, string>;

const FIELDS: Record<string, keyof Center> = {
  level: 'levels_of_care', modality: 'modalities', medication: 'medications', payer: 'payers',
  insurer: 'insurers', population: 'populations', language: 'languages',
};

export function milesBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const toRad = (d: number) => (d * Math.PI) / 180;
  const R = 6371.0088 / 1.609344;
  const x = Math.sin(toRad(b.lat - a.lat) / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(toRad(b.lng - a.lng) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(x));
}

function tagsOf(session: { days: string[]; start: string }): string[] {
  const [h] = session.start.split(':').map(Number);
  const tags = [h < 12 ? 'morning' : h < 17 ? 'afternoon' : 'evening'];
  if (session.days.some((d) => d === 'sat' || d === 'sun')) tags.push('weekend');
  return tags;
}

/** Ids that must match, plus ids too close to a radius edge to judge (within ~50 m). */
export function referenceMatch(centers: Center[], p: Params, point: { lat: number; lng: number } | null, nowMs: number) {
  const list = (k: string) => (p[k] ? p[k].split(',') : null);
  const matches: Center[] = [];
  const edge = new Set<string>();
  for (const c of centers) {
    if (c.status === 'closed') continue;
    if (c.status === 'temporarily_closed' && p.include_temporarily_closed !== 'true') continue;
    let ok = true;
    for (const [param, field] of Object.entries(FIELDS)) {
      const have = c[field] as string[];
      const any = list(param); const all = list(`${param}_all`); const none = list(`${param}_not`);
      if (any && !any.some((v) => have.includes(v))) ok = false;
      if (all && !all.every((v) => have.includes(v))) ok = false;
      if (none && none.some((v) => have.includes(v))) ok = false;
    }
    const wanted = list('schedule');
    if (wanted) {
      const levels = [...(list('level') ?? []), ...(list('level_all') ?? [])];
      const sessions = c.schedules.filter((s) => levels.length === 0 || levels.includes(s.level));
      if (!sessions.some((s) => tagsOf(s).some((t) => wanted.includes(t)))) ok = false;
    }
    if (p.telehealth && String(c.telehealth) !== p.telehealth) ok = false;
    if (p.accepting_new_patients && String(c.accepting_new_patients) !== p.accepting_new_patients) ok = false;
    if (p.state && c.address.state !== p.state) ok = false;
    if (p.verified_within_days) {
      if (!c.verified_at || Date.parse(c.verified_at) < nowMs - Number(p.verified_within_days) * 86_400_000) ok = false;
    }
    if (ok && point) {
      const radius = p.radius ? Number(p.radius) : 25;
      const d = milesBetween(point, c.location);
      if (Math.abs(d - radius) < 0.03) { edge.add(c.id); continue; }
      if (d > radius) ok = false;
    }
    if (ok) matches.push(c);
  }
  return { ids: new Set(matches.map((c) => c.id)), matches, edge };
}

export function referenceFacets(matches: Center[]) {
  // Every facet name is present, with the values that occur.
  const facets: Record<string, Record<string, number>> = Object.fromEntries(
    [...Object.keys(FIELDS), 'schedule', 'state', 'telehealth', 'accepting_new_patients'].map((k) => [k, {}]));
  const bump = (name: string, value: string) => {
    facets[name] ??= {};
    facets[name][value] = (facets[name][value] ?? 0) + 1;
  };
  for (const c of matches) {
    for (const [param, field] of Object.entries(FIELDS)) for (const v of c[field] as string[]) bump(param, v);
    for (const t of new Set(c.schedules.flatMap(tagsOf))) bump('schedule', t);
    bump('state', c.address.state);
    bump('telehealth', String(c.telehealth));
    bump('accepting_new_patients', String(c.accepting_new_patients));
  }
  return facets;
}
