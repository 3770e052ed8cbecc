/**
 * `npm run bench`: loads 25,000 generated centers through the CSV import and prints
 *  - import: rows/s, time until all are searchable, peak memory of the API process;
 *  - search: p50/p95/p99 of GET /v1/centers for a realistic mix, next to the raw Meilisearch
 *    round trip of the same queries;
 *  - throughput and p50/p99 at 16 and 64 concurrent clients of the raw engine, one API process
 *    and two API processes, in the same run, with the ratio API / raw engine;
 *  - CPU time per request of the engine, each API process and the bench client in those cells;
 *  - time from a committed write to searchable (p50/p95 over BENCH_WRITES writes, 100);
 *  - single-center reads (kept, and first reads) and a center-basis cost comparison next to /health on one connection;
 *  - cost comparison: p50/p99 for a center basis and a regional basis;
 *  - treatment facts: has_openings + condition searches next to the same plain searches, and
 *    1,000 availability reports: time from the PUT's 200 until has_openings reflects it.
 * The API runs as its own process, from the production build with the options `npm start` gives it
 * (src/runtime/launch-settings.ts), on the Node that runs the bench, against a bundled PostgreSQL and
 * Meilisearch started in a temporary folder. Options: BENCH_CENTERS (25000), BENCH_QUERIES (2000),
 * BENCH_LOAD_SECONDS (12 per throughput cell),
 * BENCH_API_HEAP_MB (cap the API's V8 heap, to show the import's memory is bounded).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'undici';
import { generateCenters } from '../seed/generate-centers';
import { createRandom } from '../seed/random';
import { centerToCsvRow } from '../src/imports/csv-columns';
import { writeCsv } from '../src/imports/csv-text';
import { startEmbeddedMeili } from '../src/runtime/embedded-meili';
import { startEmbeddedPostgres } from '../src/runtime/embedded-postgres';
import { SERVER_ENV, SERVER_NODE_OPTIONS } from '../src/runtime/launch-settings';
import { resolveNear } from '../src/search/find-centers';
import { buildFilter, buildSort } from '../src/search/search-filter';
import { SearchQuerySchema } from '../src/search/search-query';
import { freePort } from '../tests/support/test-services';
import { summarize, table } from './bench-stats';
import { queryMix } from './query-mix';
import { benchAvailabilityUpdates, benchFactSearch } from './bench-facts';

const CENTERS = Number(process.env.BENCH_CENTERS ?? 25_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 2000);
const API_HEAP_MB = process.env.BENCH_API_HEAP_MB;
const LOAD_MS = Number(process.env.BENCH_LOAD_SECONDS ?? 12) * 1000;
const ROUNDS = 3;
const WARM_MS = 8000;
const WRITES = Number(process.env.BENCH_WRITES ?? 100);
const SINGLE_READS = 500;
const AVAILABILITY_UPDATES = Number(process.env.BENCH_AVAILABILITY_UPDATES ?? 1000);
const ADMIN = 'bench-admin-key-0123456789';
const say = (s: string) => console.error(`[bench] ${s}`);
const SERVER = path.join(__dirname, '../dist/src/server.js');

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'directory-bench-'));
  fs.chmodSync(dir, 0o777);
  say(`starting PostgreSQL and Meilisearch in ${dir}`);
  const pg = await startEmbeddedPostgres({ dir, port: await freePort(), database: 'bench' });
  const meili = await startEmbeddedMeili({ dir, port: await freePort() });
  const port = await freePort();
  // The API as `npm start` runs it: the production build, not the tsx loader of `npm run dev`
  // (whose hooks thread and on-the-fly transpiling are not part of what is deployed).
  say('building the API (npm run build)');
  execFileSync(process.execPath, [path.join(__dirname, '../scripts/build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  let api: ChildProcess | undefined;
  let api2: ChildProcess | undefined;
  try {
    const startApi = (apiPort: number) => {
      const heap = API_HEAP_MB ? [`--max-old-space-size=${API_HEAP_MB}`] : [];
      return spawn(process.execPath, [...SERVER_NODE_OPTIONS, ...heap, SERVER], {
        env: {
          ...process.env, ...SERVER_ENV, DATABASE_URL: pg.url, MEILI_HOST: meili.host, MEILI_API_KEY: meili.apiKey, PORT: String(apiPort),
          ADMIN_API_KEY: ADMIN, SEED_WHEN_EMPTY: 'false', LOG_LEVEL: 'warn',
          RATE_LIMIT_ANONYMOUS: '10000000', RATE_LIMIT_ADMIN: '10000000', IMPORT_BODY_LIMIT_MB: '500',
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
    };
    api = startApi(port);
    const apiPool = new Pool(`http://127.0.0.1:${port}`, { connections: 64 });
    const meiliPool = new Pool(meili.host, { connections: 64 });
    await waitReady(apiPool);

    // ---- import ----
    say(`generating ${CENTERS.toLocaleString()} centers as CSV`);
    const csv = writeCsv(generateCenters({ count: CENTERS, seed: 1, idPrefix: 'bench' }).map(centerToCsvRow));
    say(`CSV: ${(csv.length / 1e6).toFixed(1)} MB; importing`);
    const t0 = performance.now();
    const imported = await apiPool.request({ path: '/v1/imports', method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${ADMIN}` }, body: csv });
    const summary = await imported.body.json() as { counts?: Record<string, number> };
    if (imported.statusCode !== 200) throw new Error(`import answered ${imported.statusCode}: ${JSON.stringify(summary).slice(0, 500)}`);
    const stored = performance.now() - t0;
    await waitSearchable(apiPool);
    const searchable = performance.now() - t0;
    const importPeakMb = peakRssMb(api.pid!);
    const importRssMb = rssMb(api.pid!);
    say(`import: ${JSON.stringify(summary.counts)}`);

    // ---- search ----
    const rnd = createRandom(42);
    const mix = queryMix(rnd, QUERIES);
    const paths = mix.map((q) => `/v1/centers?${new URLSearchParams(q)}`);
    const raw = mix.map(rawMeiliBody);
    for (let i = 0; i < 200; i++) { await get(apiPool, paths[i % paths.length]); await meiliSearch(meiliPool, meili.apiKey, raw[i % raw.length]); }
    const apiMs: number[] = []; const engineMs: number[] = []; const rawMs: number[] = []; const bytes: number[] = [];
    for (let i = 0; i < mix.length; i++) {
      let t = performance.now();
      const body = await get(apiPool, paths[i]);
      apiMs.push(performance.now() - t);
      bytes.push(body.length);
      t = performance.now();
      const m = await meiliSearch(meiliPool, meili.apiKey, raw[i]);
      rawMs.push(performance.now() - t);
      engineMs.push(m.processingTimeMs);
    }
    // ---- throughput: raw engine, one API process, two API processes, same queries, same run ----
    const port2 = await freePort();
    api2 = startApi(port2);
    const apiPool2 = new Pool(`http://127.0.0.1:${port2}`, { connections: 64 });
    await waitReady(apiPool2);
    // Both API processes warm, as a production process is after its first minutes: V8 keeps
    // compiling for the first few thousand requests (measured: CPU per search 1.7 ms in the first
    // 1,300 requests after start, 1.0 ms after 3,000), and the second process has served none yet.
    const warm = await interleaved(16, 1, WARM_MS, [
      { send: (i) => get(apiPool, paths[i % paths.length]).then(() => undefined), pids: [] },
      { send: (i) => get(apiPool2, paths[i % paths.length]).then(() => undefined), pids: [] },
    ]);
    const warmed = warm.map((w) => Math.round((w.rps * WARM_MS) / 1000).toLocaleString('en-US'));
    say(`warm-up: ${warmed.join(' and ')} searches on the two API processes`);
    // Both sides read the body as text and nothing more: the bench client's CPU comes out of the same 2 cores.
    const rawSend = (i: number) => meiliSearchText(meiliPool, meili.apiKey, raw[i % raw.length]).then(() => undefined);
    const throughput: (string | number)[][] = [['clients', 'raw Meilisearch req/s', 'p50', 'p99', '1 API req/s', 'p50', 'p99', 'ratio', '2 APIs req/s', 'p50', 'p99', 'ratio', 'errors']];
    const cpuPerRequest: (string | number)[][] = [['clients', 'raw: engine', 'bench client', '1 API: engine', 'API', 'bench client', '2 APIs: engine', 'APIs', 'bench client']];
    const engine = meili.process.pid!;
    for (const clients of [16, 64]) {
      // The three cells take turns, ROUNDS times, so a change in the machine's speed during the
      // run (it is shared) falls on all three alike rather than on whichever ran last.
      const [rawRun, one, two] = await interleaved(clients, ROUNDS, LOAD_MS / ROUNDS, [
        { send: rawSend, pids: [engine] },
        { send: (i) => get(apiPool, paths[i % paths.length]).then(() => undefined), pids: [engine, api.pid!] },
        { send: (i) => get(i % 2 ? apiPool2 : apiPool, paths[i % paths.length]).then(() => undefined), pids: [engine, api.pid!, api2.pid!] },
      ]);
      throughput.push([String(clients), Math.round(rawRun.rps), rawRun.p50, rawRun.p99, Math.round(one.rps), one.p50, one.p99,
        `${Math.round((one.rps / rawRun.rps) * 100)}%`, Math.round(two.rps), two.p50, two.p99, `${Math.round((two.rps / rawRun.rps) * 100)}%`,
        rawRun.errors + one.errors + two.errors]);
      cpuPerRequest.push([String(clients), rawRun.cpuMs[0], rawRun.clientCpuMs, one.cpuMs[0], one.cpuMs[1], one.clientCpuMs,
        two.cpuMs[0], two.cpuMs[1] + two.cpuMs[2], two.clientCpuMs]);
    }
    api2.kill('SIGTERM');
    await apiPool2.close();

    // ---- committed write → searchable ----
    say(`committed write → searchable: ${WRITES} writes one after another`);
    const fresh = generateCenters({ count: WRITES, seed: 7, idPrefix: 'latency' });
    const visibleMs: number[] = [];
    for (let i = 0; i < fresh.length; i++) {
      const word = `Qzl${i.toString(36)}x${Date.now().toString(36)}`;
      const res = await apiPool.request({ path: '/v1/centers', method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
        body: JSON.stringify({ ...fresh[i], status: 'active', name: `${word} Recovery`, source: 'bench-latency', source_id: word }) });
      const text = await res.body.text();
      if (res.statusCode !== 201) throw new Error(`POST /v1/centers → ${res.statusCode}: ${text.slice(0, 300)}`);
      const committed = performance.now();
      for (;;) {
        const found = JSON.parse(await get(apiPool, `/v1/centers?q=${word}&facets=false`)) as { meta: { total: number } };
        if (found.meta.total > 0) break;
        if (performance.now() - committed > 30_000) throw new Error(`write ${i} not searchable after 30 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
      visibleMs.push(performance.now() - committed);
    }
    const visible = summarize(visibleMs);
    const engineTasks = await meiliTaskTimes(meiliPool, meili.apiKey, WRITES);

    // ---- single-center reads next to /health, on one connection ----
    const one = new Client(`http://127.0.0.1:${port}`);
    const readIds = await centerIdsWithPrices(apiPool);
    const reads = { health: [] as number[], center: [] as number[], cost: [] as number[] };
    for (let i = 0; i < 50 + SINGLE_READS; i++) {
      const id = readIds[i % readIds.length];
      for (const [k, p] of [['health', '/health'], ['center', `/v1/centers/${id}`], ['cost', `/v1/cost-comparison?center=${id}&payer=private`]] as const) {
        const t = performance.now();
        const res = await one.request({ path: p, method: 'GET' });
        await res.body.text();
        if (res.statusCode !== 200) throw new Error(`${p} → ${res.statusCode}`);
        if (i >= 50) reads[k].push(performance.now() - t);
      }
    }
    // The same, on centers this instance has not read before: each read goes to PostgreSQL.
    // Half of them read, the other half compared (its center not kept; its medians kept only if a
    // center nearby was compared before with the same radius and level).
    const firstReads = { health: [] as number[], center: [] as number[], cost: [] as number[] };
    for (const [i, id] of (await unreadCenterIds(apiPool, SINGLE_READS, new Set(readIds))).entries()) {
      const second = i % 2 ? ['center', `/v1/centers/${id}`] as const : ['cost', `/v1/cost-comparison?center=${id}&payer=private`] as const;
      for (const [k, p] of [['health', '/health'], second] as const) {
        const t = performance.now();
        const res = await one.request({ path: p, method: 'GET' });
        await res.body.text();
        if (res.statusCode !== 200) throw new Error(`${p} → ${res.statusCode}`);
        firstReads[k].push(performance.now() - t);
      }
    }
    await one.close();
    const rh = summarize(reads.health); const rc = summarize(reads.center); const rk = summarize(reads.cost);
    const fh = summarize(firstReads.health); const fc = summarize(firstReads.center); const fk = summarize(firstReads.cost);

    // ---- cost comparison ----
    const ids = await centerIdsWithPrices(apiPool);
    const zips = mix.filter((q) => q.near).map((q) => q.near);
    const centerBasis = await timeSequential(apiPool, ids.map((id) => `/v1/cost-comparison?center=${id}&payer=private`), 500);
    const regional = await timeSequential(apiPool, zips.map((z) => `/v1/cost-comparison?near=${z}&radius=25&payer=private`), 500);
    // ---- treatment facts ----
    say('treatment facts: has_openings + condition searches, availability updates');
    const factSearch = await benchFactSearch(apiPool, createRandom(7), mix, Math.min(QUERIES, 1000));
    const updates = await benchAvailabilityUpdates(apiPool, ADMIN, AVAILABILITY_UPDATES,
      (done, p50) => say(`availability reports: ${done.toLocaleString('en-US')} of ${AVAILABILITY_UPDATES.toLocaleString('en-US')} (searchable after p50 ${Math.round(p50)} ms so far)`));
    const peakMb = peakRssMb(api.pid!);

    // ---- report ----
    const a = summarize(apiMs); const r = summarize(rawMs); const e = summarize(engineMs);
    const lines = [
      `# npm run bench — ${new Date().toISOString()} — ${os.cpus().length} cores, Node ${process.version}`,
      '',
      `## Import (${CENTERS.toLocaleString()} centers, CSV ${(csv.length / 1e6).toFixed(1)} MB, one POST /v1/imports)`,
      table([
        ['measure', 'value'],
        ['validated + stored (s)', stored / 1000],
        ['rows per second (stored)', Math.round(CENTERS / (stored / 1000))],
        ['all searchable after (s)', searchable / 1000],
        [`API process peak RSS during the import (MB)${API_HEAP_MB ? `, V8 heap capped at ${API_HEAP_MB} MB` : ''}`, importPeakMb],
        ['API process RSS right after the import (MB; target ≤ 300)', importRssMb],
      ]),
      '',
      `## Search: ${QUERIES} queries (text + filters + geo + facets, 20 hits/page), sequential, ms`,
      table([
        ['', 'p50', 'p95', 'p99', 'max'],
        ['GET /v1/centers (API round trip)', a.p50, a.p95, a.p99, a.max],
        ['raw Meilisearch round trip (same queries)', r.p50, r.p95, r.p99, r.max],
        ['Meilisearch processingTimeMs', e.p50, e.p95, e.p99, e.max],
      ]),
      `API p50 / raw engine p50 = ${(a.p50 / r.p50).toFixed(2)}× (target ≤ 2×); API p99 = ${a.p99.toFixed(1)} ms (target < 25 ms); mean response ${(bytes.reduce((s, b) => s + b, 0) / bytes.length / 1024).toFixed(1)} KB`,
      '',
      `## Search throughput, ${LOAD_MS / 1000} s per cell in ${ROUNDS} turns of ${LOAD_MS / ROUNDS / 1000} s taken in rotation, same queries, one run (ratio = API / raw engine; target ≥ 90%)`,
      table(throughput),
      `Before the first cell, each API process served ${warmed.join(' and ')} searches of warm-up (${WARM_MS / 1000} s at 16 clients each, after the sequential searches above): measured warm, as a production process is after its first minutes.`,
      `load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} (the machine is shared)`,
      '',
      '## CPU time per request in the same cells, ms (from /proc: user + system, all threads of each process)',
      table(cpuPerRequest),
      'The engine, the API and this bench share the 2 cores: the API keeps ≥ 90% of the raw throughput only if its CPU per request is about a tenth of the engine\'s.',
      '',
      `## Committed write → searchable, ${WRITES} writes one after another (POST answered → the API's search finds it), ms`,
      table([
        ['', 'p50', 'p95', 'max'],
        ['POST answered → found by search', visible.p50, visible.p95, visible.max],
        ["Meilisearch's own time applying each write (task duration)", engineTasks.p50, engineTasks.p95, engineTasks.max],
      ]),
      'target p95 ≤ 500 ms',
      '',
      `## Single-center reads on one keep-alive connection, ${SINGLE_READS} each, interleaved, ms`,
      table([
        ['request', 'p50', 'p95', 'p50 / health p50'],
        ['GET /health', rh.p50, rh.p95, '1.00'],
        ['GET /v1/centers/{id} (read before: kept by the instance)', rc.p50, rc.p95, (rc.p50 / rh.p50).toFixed(2)],
        ['GET /v1/cost-comparison?center={id}', rk.p50, rk.p95, (rk.p50 / rh.p50).toFixed(2)],
      ]),
      `The same ${readIds.length} centers in turn: each instance keeps the centers it read and the regional medians it computed until PostgreSQL announces a change (src/centers/center-cache.ts).`,
      `First reads: ${firstReads.health.length} centers this instance had not read or compared, each once (half read, half compared), with /health in turn:`,
      table([
        ['request', 'p50', 'p95', 'p50 / health p50'],
        ['GET /health', fh.p50, fh.p95, '1.00'],
        ['GET /v1/centers/{id} (first read: one PostgreSQL round trip)', fc.p50, fc.p95, (fc.p50 / fh.p50).toFixed(2)],
        ['GET /v1/cost-comparison?center={id} (center not kept)', fk.p50, fk.p95, (fk.p50 / fh.p50).toFixed(2)],
      ]),
      'target: each within 2× of /health',
      '',
      '## Cost comparison, 500 sequential requests each, ms',
      table([
        ['basis', 'p50', 'p95', 'p99'],
        ['center (GET /v1/cost-comparison?center=…)', centerBasis.p50, centerBasis.p95, centerBasis.p99],
        ['regional median (near=ZIP&radius=25)', regional.p50, regional.p95, regional.p99],
      ]),
      'Repeated centers and places: after the first request for each, the center and the medians are kept (first reads above).',
      '',
      `## Treatment facts: ${factSearch.plain.n} query pairs, interleaved, ms`,
      table([
        ['', 'p50', 'p95', 'p99'],
        ['GET /v1/centers (the mix)', factSearch.plain.p50, factSearch.plain.p95, factSearch.plain.p99],
        ['same + has_openings=true&condition=…', factSearch.facts.p50, factSearch.facts.p95, factSearch.facts.p99],
      ]),
      '',
      `## Availability reports: ${updates.put.n} PUT /v1/centers/{id}/availability over ${updates.centers} centers, sequential, ms`,
      table([
        ['', 'p50', 'p95', 'p99'],
        ['PUT round trip (200)', updates.put.p50, updates.put.p95, updates.put.p99],
        ['from the 200 until has_openings reflects it', updates.visible.p50, updates.visible.p95, updates.visible.p99],
      ]),
      '',
      `API process peak RSS over the whole run: ${peakMb} MB`,
    ];
    console.log(lines.join('\n'));
    await apiPool.close(); await meiliPool.close();
  } finally {
    if (api2 && api2.exitCode === null) api2.kill('SIGTERM');
    if (api && api.exitCode === null) {
      const exited = new Promise((r) => api!.once('exit', r));
      api.kill('SIGTERM');
      await exited;
    }
    await meili.stop();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Durations of the engine's last `n` document tasks (the writes just made), ms. */
async function meiliTaskTimes(pool: Pool, key: string, n: number) {
  const res = await pool.request({ path: `/tasks?types=documentAdditionOrUpdate&statuses=succeeded&limit=${n}`, method: 'GET', headers: { authorization: `Bearer ${key}` } });
  const { results } = await res.body.json() as { results: { duration: string }[] };
  // ISO 8601 durations as Meilisearch writes them: PT0.123456789S (minutes only past 60 s).
  return summarize(results.map((t) => {
    const m = /^PT(?:(\d+)M)?([\d.]+)S$/.exec(t.duration);
    return m ? (Number(m[1] ?? 0) * 60 + Number(m[2])) * 1000 : NaN;
  }).filter((x) => !Number.isNaN(x)));
}

async function get(pool: Pool, p: string): Promise<string> {
  const res = await pool.request({ path: p, method: 'GET' });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`${p} → ${res.statusCode}: ${text.slice(0, 300)}`);
  return text;
}

function rawMeiliBody(q: Record<string, string>) {
  const parsed = SearchQuerySchema.parse(q);
  const point = resolveNear(parsed.near);
  return JSON.stringify({
    q: parsed.q ?? '', filter: buildFilter(parsed, point, Date.now(), 72), sort: buildSort(parsed, point), page: parsed.page, hitsPerPage: parsed.per_page,
    facets: ['facet_values'], attributesToRetrieve: ['id', 'hit'], // what the API asks for (find-centers.ts)
  });
}

async function meiliSearchText(pool: Pool, key: string, body: string): Promise<string> {
  const res = await pool.request({
    path: '/indexes/centers/search', method: 'POST', body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'accept-encoding': 'identity' },
  });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`meili ${res.statusCode}: ${text.slice(0, 300)}`);
  return text;
}

async function meiliSearch(pool: Pool, key: string, body: string) {
  return JSON.parse(await meiliSearchText(pool, key, body)) as { processingTimeMs: number };
}

interface Cell { send: (i: number) => Promise<void>; pids: number[] }

/**
 * Each cell: `clients` loops sending requests back to back, `rounds` turns of `turnMs` taken in
 * rotation with the other cells. Per cell: throughput, latency, and the CPU time per request of
 * its `pids` and of this process, over all its turns.
 */
async function interleaved(clients: number, rounds: number, turnMs: number, cells: Cell[]) {
  const acc = cells.map((c) => ({ lat: [] as number[], errors: 0, ms: 0, cpu: c.pids.map(() => 0), self: 0 }));
  let next = 0;
  for (let round = 0; round < rounds; round++) {
    for (const [k, cell] of cells.entries()) {
      const a = acc[k];
      const cpu0 = cell.pids.map(cpuMs); const self0 = process.cpuUsage();
      const start = performance.now(); const end = start + turnMs;
      await Promise.all(Array.from({ length: clients }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          try { await cell.send(next++); a.lat.push(performance.now() - t); } catch { a.errors++; }
        }
      }));
      a.ms += performance.now() - start;
      cell.pids.forEach((pid, i) => { a.cpu[i] += cpuMs(pid) - cpu0[i]; });
      const self = process.cpuUsage(self0); a.self += (self.user + self.system) / 1000;
    }
  }
  return acc.map((a) => {
    const perRequest = (cpu: number) => Math.round((cpu / Math.max(1, a.lat.length)) * 1000) / 1000;
    const s = summarize(a.lat);
    return { rps: a.lat.length / (a.ms / 1000), p50: s.p50, p99: s.p99, errors: a.errors, cpuMs: a.cpu.map(perRequest), clientCpuMs: perRequest(a.self) };
  });
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time a process has used so far, user + system over all its threads (/proc/<pid>/stat), ms. */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND) * 1000;
}

async function timeSequential(pool: Pool, paths: string[], n: number) {
  if (paths.length === 0) return summarize([]);
  for (let i = 0; i < 50; i++) await get(pool, paths[i % paths.length]).catch(() => {});
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await pool.request({ path: paths[i % paths.length], method: 'GET' });
    await res.body.text();
    if (res.statusCode !== 200) { say(`cost comparison answered ${res.statusCode} for ${paths[i % paths.length]}`); return summarize([]); }
    ms.push(performance.now() - t);
  }
  return summarize(ms);
}

/** Up to `n` ids from search pages (a search does not fill the center cache), none of `skip`. */
async function unreadCenterIds(pool: Pool, n: number, skip: Set<string>): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ids.length < n && page <= 20; page++) {
    const body = JSON.parse(await get(pool, `/v1/centers?per_page=100&page=${page}&facets=false`)) as { data: { id: string }[] };
    if (body.data.length === 0) break;
    for (const c of body.data) if (!skip.has(c.id) && ids.length < n) ids.push(c.id);
  }
  return ids;
}

async function centerIdsWithPrices(pool: Pool): Promise<string[]> {
  const body = JSON.parse(await get(pool, '/v1/centers?level=iop&per_page=100&facets=false')) as { data: { id: string; prices: unknown[] }[] };
  return body.data.filter((c) => c.prices.length > 0).map((c) => c.id);
}

async function waitReady(pool: Pool) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const res = await pool.request({ path: '/ready', method: 'GET' });
      const body = await res.body.json() as { search?: { index_current?: boolean } };
      if (res.statusCode === 200 && body.search?.index_current) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the API did not become ready within 120 s');
}

async function waitSearchable(pool: Pool) {
  for (;;) {
    const res = await pool.request({ path: '/ready', method: 'GET' });
    const body = await res.body.json() as { search?: { lag?: { pending: number } } };
    if (body.search?.lag?.pending === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch { return NaN; }
}

function peakRssMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch { return NaN; }
}

main().catch((err) => { console.error(`[bench] failed: ${err.stack ?? err}`); process.exit(1); });
