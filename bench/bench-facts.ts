/**
 * Bench additions for the treatment facts: searches with has_openings + condition next to the
 * same searches without them, and how long an availability report takes to reach search
 * (from the 200 of the PUT until has_openings reflects it).
 */
import type { Pool } from 'undici';
import { CODE_FIELDS } from '../src/taxonomy/codes';
import type { Random } from '../seed/random';
import { summarize } from './bench-stats';

async function get(pool: Pool, p: string): Promise<string> {
  const res = await pool.request({ path: p, method: 'GET' });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`${p} → ${res.statusCode}: ${text.slice(0, 300)}`);
  return text;
}

/** The same queries with and without `has_openings=true&condition=…`, interleaved so both see the same load. */
export async function benchFactSearch(pool: Pool, rnd: Random, mix: Record<string, string>[], n: number) {
  const plain: number[] = []; const facts: number[] = [];
  const conditions = ['opioids', 'alcohol', 'stimulants', 'benzodiazepines'];
  const cases = Array.from({ length: n }, (_, i) => {
    const q = mix[i % mix.length];
    const withFacts = { ...q, has_openings: 'true', condition: rnd.pick(conditions.filter((c) => (CODE_FIELDS.conditions as readonly string[]).includes(c))) };
    return [`/v1/centers?${new URLSearchParams(q)}`, `/v1/centers?${new URLSearchParams(withFacts)}`];
  });
  for (const [a, b] of cases.slice(0, 50)) { await get(pool, a); await get(pool, b); }
  for (const [a, b] of cases) {
    let t = performance.now(); await get(pool, a); plain.push(performance.now() - t);
    t = performance.now(); await get(pool, b); facts.push(performance.now() - t);
  }
  return { plain: summarize(plain), facts: summarize(facts) };
}

interface Target { id: string; level: string; lat: number; lng: number }

async function targets(pool: Pool, count: number): Promise<Target[]> {
  const out: Target[] = [];
  for (let page = 1; out.length < count; page++) {
    const body = JSON.parse(await get(pool, `/v1/centers?per_page=100&page=${page}&facets=false&sort=name`)) as
      { data: { id: string; levels_of_care: string[]; location: { lat: number; lng: number } }[] };
    if (body.data.length === 0) break;
    for (const c of body.data) out.push({ id: c.id, level: c.levels_of_care[0], lat: c.location.lat, lng: c.location.lng });
  }
  return out.slice(0, count);
}

/**
 * `updates` availability reports over `updates / 5` centers, each flipped open ↔ full; for
 * each, the time from the PUT's 200 until a has_openings search near the center agrees.
 * `progress` is told every 100 updates: each takes about one engine batch, half a second or
 * more on a host where the engine's geo step is slow (README, Performance).
 */
export async function benchAvailabilityUpdates(pool: Pool, adminKey: string, updates: number, progress?: (done: number, visibleP50: number) => void) {
  const centers = await targets(pool, Math.max(1, Math.ceil(updates / 5)));
  const put = async (t: Target, status: 'open' | 'full') => {
    const body = JSON.stringify({ availability: [status === 'open' ? { level: t.level, status, open_slots: 2 } : { level: t.level, status }] });
    const res = await pool.request({ path: `/v1/centers/${t.id}/availability`, method: 'PUT', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` } });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`PUT availability → ${res.statusCode}: ${text.slice(0, 300)}`);
  };
  const visible = async (t: Target) => {
    const body = JSON.parse(await get(pool, `/v1/centers?has_openings=true&level=${t.level}&near=${t.lat},${t.lng}&radius=0.2&per_page=100&facets=false`)) as { data: { id: string }[] };
    return body.data.some((c) => c.id === t.id);
  };
  for (const t of centers) await put(t, 'full'); // a known starting state, not measured
  await new Promise((r) => setTimeout(r, 2000));
  const putMs: number[] = []; const visibleMs: number[] = [];
  for (let i = 0; i < updates; i++) {
    const t = centers[i % centers.length];
    const status = Math.floor(i / centers.length) % 2 === 0 ? 'open' : 'full';
    const t0 = performance.now();
    await put(t, status);
    const t1 = performance.now();
    putMs.push(t1 - t0);
    const deadline = t1 + 30_000;
    while ((await visible(t)) !== (status === 'open')) {
      if (performance.now() > deadline) throw new Error(`availability of ${t.id} not in search after 30 s`);
    }
    visibleMs.push(performance.now() - t1);
    if ((i + 1) % 100 === 0 && i + 1 < updates) progress?.(i + 1, summarize(visibleMs).p50);
  }
  return { put: summarize(putMs), visible: summarize(visibleMs), centers: centers.length };
}
