/**
 * A plain reference implementation of GET /v1/centers filtering and facets, written from
 * docs/api-conventions.md ("Search") and docs/domain.md without using the search code, to check the engine's answers against.
 */
import type { Center } from '../../src/centers/center-schema';

export type Params = Record<string, string>;

const FIELDS: Record<string, keyof Center> = {
  level: 'levels_of_care', modality: 'modalities', medication: 'medications', payer: 'payers',
  insurer: 'insurers', population: 'populations', language: 'languages',
  condition: 'conditions', accessibility: 'accessibility',
};
const STALE_HOURS = 72;

/** docs/domain.md: an entry counts when reported within the last 72 hours. */
const fresh = (a: { updated_at: string }, nowMs: number) => nowMs - Date.parse(a.updated_at) <= STALE_HOURS * 3_600_000;

/** open / waitlist / full / unknown from the fresh entries of the levels asked for (all when none). */
export function availabilityState(c: Center, levels: string[], nowMs: number): string {
  const entries = c.availability.filter((a) => (levels.length === 0 || levels.includes(a.level)) && fresh(a, nowMs));
  for (const status of ['open', 'waitlist', 'full']) if (entries.some((a) => a.status === status)) return status;
  return 'unknown';
}

/** Whether the intake line is staffed for the whole quarter hour that `nowMs` falls in, in the center's zone. */
export function referenceIntakeOpen(c: Center, nowMs: number): boolean | undefined {
  if (!c.intake || c.intake.hours.length === 0) return undefined;
  const local = new Date(nowMs).toLocaleString('en-GB', { timeZone: c.timezone, weekday: 'short', hour: 'numeric', minute: 'numeric', hour12: false });
  const [weekday, time] = local.split(/,?\s+/);
  const day = weekday.toLowerCase().slice(0, 3);
  const [h, m] = time.split(':').map(Number);
  const quarterStart = h * 60 + m - ((h * 60 + m) % 15);
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return c.intake.hours.some((x) => x.days.includes(day as never) && toMin(x.start) <= quarterStart && quarterStart + 15 <= toMin(x.end));
}

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
    if (p.walk_in && String(c.intake?.walk_in) !== p.walk_in) ok = false;
    const levels = [...(list('level') ?? []), ...(list('level_all') ?? [])];
    if (p.has_openings === 'true' && !c.availability.some((a) => a.status === 'open' && fresh(a, nowMs) && (levels.length === 0 || levels.includes(a.level)))) ok = false;
    if (p.intake_open_now === 'true' && referenceIntakeOpen(c, nowMs) !== true) ok = false;
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

export function referenceFacets(matches: Center[], levels: string[] = [], nowMs = Date.now()) {
  // Every facet name is present, with the values that occur.
  const facets: Record<string, Record<string, number>> = Object.fromEntries(
    [...Object.keys(FIELDS), 'schedule', 'state', 'telehealth', 'accepting_new_patients', 'availability'].map((k) => [k, {}]));
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
    bump('availability', availabilityState(c, levels, nowMs));
  }
  return facets;
}
