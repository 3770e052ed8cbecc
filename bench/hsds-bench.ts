/**
 * `npx tsx bench/hsds-bench.ts`: the HSDS feed at scale. Imports BENCH_CENTERS (3,000)
 * generated centers through the CSV import into a bundled PostgreSQL and Meilisearch, then prints
 *  - GET /hsds/services/{id}: the first lookup, p50/p99 of known ids and of unknown ids;
 *  - GET /hsds/services?format=ndjson&full=true: size, time and the API's peak RSS while it
 *    streams (sampled), to show the stream's memory is bounded.
 * BENCH_API_HEAP_MB caps the API's V8 heap; BENCH_OLD_INDEX=<file> also times a copy of an
 * older in-memory service-id index in this process, for comparison.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'undici';
import { generateCenters } from '../seed/generate-centers';
import { createDb } from '../src/db/prisma';
import { uuidV5 } from '../src/hsds/hsds-ids';
import { centerToCsvRow } from '../src/imports/csv-columns';
import { writeCsv } from '../src/imports/csv-text';
import { startEmbeddedMeili } from '../src/runtime/embedded-meili';
import { startEmbeddedPostgres } from '../src/runtime/embedded-postgres';
import { freePort } from '../tests/support/test-services';
import { summarize } from './bench-stats';

const CENTERS = Number(process.env.BENCH_CENTERS ?? 3000);
const API_HEAP_MB = process.env.BENCH_API_HEAP_MB;
const ADMIN = 'bench-admin-key-0123456789';
const say = (s: string) => console.error(`[hsds-bench] ${s}`);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsds-bench-'));
  fs.chmodSync(dir, 0o777);
  const pg = await startEmbeddedPostgres({ dir, port: await freePort(), database: 'bench' });
  const meili = await startEmbeddedMeili({ dir, port: await freePort() });
  const port = await freePort();
  let api: ChildProcess | undefined;
  try {
    const heap = API_HEAP_MB ? [`--max-old-space-size=${API_HEAP_MB}`] : [];
    api = spawn(process.execPath, [...heap, '--import', 'tsx', path.join(__dirname, '../src/server.ts')], {
      env: {
        ...process.env, DATABASE_URL: pg.url, MEILI_HOST: meili.host, MEILI_API_KEY: meili.apiKey, PORT: String(port),
        ADMIN_API_KEY: ADMIN, SEED_WHEN_EMPTY: 'false', LOG_LEVEL: 'warn',
        RATE_LIMIT_ANONYMOUS: '10000000', RATE_LIMIT_ADMIN: '10000000', IMPORT_BODY_LIMIT_MB: '500',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 4 });
    await waitReady(pool);
    const csv = writeCsv(generateCenters({ count: CENTERS, seed: 1, idPrefix: 'bench' }).map(centerToCsvRow));
    const imported = await pool.request({ path: '/v1/imports', method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${ADMIN}` }, body: csv });
    if (imported.statusCode !== 200) throw new Error(`import answered ${imported.statusCode}: ${(await imported.body.text()).slice(0, 300)}`);
    say(`imported: ${JSON.stringify(((await imported.body.json()) as { counts: unknown }).counts)}`);

    const minimal = (await get(pool, '/hsds/services?format=ndjson&minimal=true')).body.trim().split('\n').map((l) => JSON.parse(l).id as string);
    say(`${minimal.length} services`);
    const known = Array.from({ length: 300 }, (_, i) => minimal[(i * 7919) % minimal.length]);
    const unknown = Array.from({ length: 300 }, () => uuidV5(randomUUID(), randomUUID()));
    const first = await timed(() => get(pool, `/hsds/services/${known[0]}`));
    const knownMs = await timeAll(known, (id) => get(pool, `/hsds/services/${id}`), 200);
    const unknownMs = await timeAll(unknown, (id) => get(pool, `/hsds/services/${id}`), 404);
    say(`GET /hsds/services/{id}: first ${first.toFixed(1)} ms; known p50 ${knownMs.p50} p99 ${knownMs.p99} ms; unknown p50 ${unknownMs.p50} p99 ${unknownMs.p99} ms`);

    if (process.env.BENCH_OLD_INDEX) {
      const { ServiceIdIndex } = await import(path.resolve(process.env.BENCH_OLD_INDEX)) as { ServiceIdIndex: new (db: unknown) => { find(id: string): Promise<unknown> } };
      const db = createDb(pg.url, 2);
      const index = new ServiceIdIndex(db);
      const cold = await timed(() => index.find(known[0]));
      const oldKnown = await timeAll(known, (id) => index.find(id), undefined);
      const oldUnknown = await timeAll(unknown.slice(0, 30), (id) => index.find(id), undefined);
      say(`old in-memory index (in process, no HTTP): first ${cold.toFixed(1)} ms; known p50 ${oldKnown.p50} p99 ${oldKnown.p99} ms; unknown p50 ${oldUnknown.p50} p99 ${oldUnknown.p99} ms`);
      await db.$disconnect();
    }

    const rssBefore = rssMb(api.pid!);
    let peak = rssBefore;
    const sampler = setInterval(() => { peak = Math.max(peak, rssMb(api!.pid!)); }, 50);
    const t0 = performance.now();
    const res = await pool.request({ path: '/hsds/services?format=ndjson&full=true', method: 'GET' });
    let bytes = 0; let lines = 0;
    for await (const chunk of res.body) { bytes += (chunk as Buffer).length; for (const b of chunk as Buffer) if (b === 10) lines++; }
    const secs = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    say(`NDJSON full=true: ${lines} services, ${(bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(1)} s (${(bytes / 1e6 / secs).toFixed(1)} MB/s); API RSS ${rssBefore} MB before, peak ${peak} MB while streaming`);
    await pool.close();
  } finally {
    api?.kill('SIGTERM');
    await new Promise((r) => (api ? api.once('exit', r) : r(undefined)));
    await meili.stop();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function get(pool: Pool, p: string) {
  const res = await pool.request({ path: p, method: 'GET' });
  return { status: res.statusCode, body: await res.body.text() };
}

async function timed(fn: () => Promise<unknown>) { const t = performance.now(); await fn(); return performance.now() - t; }

async function timeAll(ids: string[], fn: (id: string) => Promise<unknown>, status: number | undefined) {
  const ms: number[] = [];
  for (const id of ids) {
    const t = performance.now();
    const out = await fn(id) as { status?: number };
    ms.push(performance.now() - t);
    if (status !== undefined && out.status !== status) throw new Error(`${id} answered ${out.status}, not ${status}`);
  }
  return summarize(ms);
}

async function waitReady(pool: Pool) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try { const res = await pool.request({ path: '/ready', method: 'GET' }); await res.body.text(); if (res.statusCode === 200) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the API did not become ready within 120 s');
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch { return NaN; }
}

main().catch((err) => { console.error(`[hsds-bench] failed: ${err.stack ?? err}`); process.exit(1); });
