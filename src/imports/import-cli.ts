/**
 * `npm run import -- FILE [--dry-run] [--all-or-nothing] [--format findtreatment] [--json]`:
 * the bulk import of POST /v1/imports from a file, with a progress bar, connecting like the
 * server. Exit status: 0 imported, 1 a record failed (or the import stopped), 2 usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import pino from 'pino';
import { loadConfig, type Config } from '../config';
import { boot } from '../runtime/boot';
import { BundledServicesInUse, resolveServices, type Services } from '../runtime/services';
import { ensureIndexCurrent } from '../search/ensure-index';
import { importCenters } from './import-centers';
import type { ImportSummary } from './import-summary';
import { countBytes, readRecords, type BodyFormat } from './read-records';

const USAGE = `usage: npm run import -- FILE [--dry-run] [--all-or-nothing] [--format findtreatment] [--json]
  FILE                     .csv (columns: see /docs, POST /v1/imports), .ndjson or .jsonl (one center per line),
                           or .json (an array of centers)
  --dry-run                check every record and say what would change; write nothing
  --all-or-nothing         write nothing if any record fails (default: import the valid ones)
  --format findtreatment   FILE holds FindTreatment.gov locator export rows (.json or .ndjson)
  --json                   print the summary as JSON
It connects like the server: DATABASE_URL and MEILI_HOST (+ MEILI_API_KEY) when set, else the
bundled PostgreSQL and Meilisearch in DATA_DIR, which one process at a time can run: stop
\`npm start\` first, or send the file to the running server (POST /v1/imports).`;
const EXTENSIONS: Record<string, BodyFormat> = { '.csv': 'csv', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.json': 'json' };
const CONTENT_TYPES: Record<BodyFormat, string> = { csv: 'text/csv', ndjson: 'application/x-ndjson', json: 'application/json' };
const CALLER = { role: 'admin' as const, keyId: null, name: 'import-cli' };
const say = (line: string) => console.error(`[import] ${line}`);

function usage(problem: string): never {
  console.error(`${problem}\n\n${USAGE}`);
  process.exit(2);
}

function parseCommandLine() {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: {
      'dry-run': { type: 'boolean', default: false }, 'all-or-nothing': { type: 'boolean', default: false },
      format: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' },
    } });
  } catch (err) { usage((err as Error).message); }
  const { values, positionals } = parsed;
  if (values.help) { console.log(USAGE); process.exit(0); }
  if (positionals.length !== 1) usage(positionals.length ? 'give one file' : 'which file?');
  const file = positionals[0];
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) usage(`no such file: ${file}`);
  const body = EXTENSIONS[path.extname(file).toLowerCase()];
  if (!body) usage(`cannot tell the format of ${file} from its extension: use .csv, .ndjson, .jsonl or .json`);
  if (values.format !== undefined && values.format !== 'findtreatment') usage(`unknown --format ${values.format}: the only one is findtreatment`);
  if (values.format && body === 'csv') usage('--format findtreatment reads the locator\'s JSON export (.json or .ndjson)');
  return { file, body, format: values.format ? 'findtreatment' as const : 'center' as const,
    dryRun: values['dry-run'], mode: values['all-or-nothing'] ? 'all_or_nothing' as const : 'valid_rows' as const, json: values.json };
}

async function main() {
  const args = parseCommandLine();
  let config: Config;
  try { config = loadConfig(); } catch (err) { usage((err as Error).message); }

  const log = pino({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL }, pino.destination(2));
  let services: Services | undefined;
  let deps: Awaited<ReturnType<typeof boot>> | undefined;
  const stop = async () => { await deps?.shutdown().catch(() => {}); await services?.stop(); };
  process.once('SIGINT', () => {
    say(args.mode === 'valid_rows' && !args.dryRun ? 'interrupted: the batches committed so far are kept' : 'interrupted: nothing was written');
    void stop().finally(() => process.exit(130));
  });

  let summary: ImportSummary;
  try {
    try {
      services = await resolveServices(config, say);
    } catch (err) {
      if (!(err instanceof BundledServicesInUse)) throw err;
      console.error(`${err.message}. Or send the file to the running server:
  curl -X POST -H "Authorization: Bearer $ADMIN_API_KEY" -H "Content-Type: ${CONTENT_TYPES[args.body]}" --data-binary @${args.file} \\
    "http://${config.HOST}:${config.PORT}/v1/imports?mode=${args.mode}${args.dryRun ? '&dry_run=true' : ''}${args.format === 'findtreatment' ? '&format=findtreatment' : ''}"`);
      process.exit(2);
    }
    deps = await boot(config, services, { log });
    if (!args.dryRun) await ensureIndexCurrent(deps.db, deps.centerIndex, deps.sync, log, { progress: true });
    const size = fs.statSync(args.file).size;
    const bar = new SingleBar({
      format: `${args.dryRun ? 'checking' : 'importing'} {bar} {percentage}% | {records} records | {rate} records/s | {failed} failed`, hideCursor: true,
    }, Presets.shades_classic);
    bar.start(size, 0, { records: 0, rate: 0, failed: 0 });
    const started = Date.now();
    const bytes = countBytes(fs.createReadStream(args.file), { onBytes: (n) => bar.update(n) });
    const source = readRecords(bytes, { body: args.body, format: args.format, importDate: new Date().toISOString().slice(0, 10) });
    try {
      summary = await importCenters(deps.db, source, {
        dryRun: args.dryRun, mode: args.mode, caller: CALLER, onCommit: () => deps!.sync.nudge(),
        onProgress: (c) => bar.update({ records: c.received, failed: c.failed, rate: Math.round(c.received / Math.max(0.001, (Date.now() - started) / 1000)) }),
      });
    } finally {
      bar.stop();
    }
    printSummary(summary, args.json);
    if (summary.committed && summary.counts.created + summary.counts.updated > 0) await waitForIndex(deps);
  } catch (err) {
    console.error(`import stopped: ${(err as Error).message}`);
    await stop();
    process.exit(1);
  }
  await stop();
  process.exit(summary.counts.failed > 0 ? 1 : 0);
}

function printSummary(s: ImportSummary, json: boolean) {
  if (json) { console.log(JSON.stringify(s, null, 2)); return; }
  const { received, created, updated, unchanged, failed } = s.counts;
  const what = s.dry_run ? 'dry run, nothing written' : s.committed ? 'committed' : 'rejected (all or nothing), nothing written';
  console.log(`${received} records in ${(s.took_ms / 1000).toFixed(1)} s (${what}): ${created} created, ${updated} updated, ${unchanged} unchanged, ${failed} failed`);
  const at = (x: { row?: number; line?: number; source_id?: string }) =>
    [x.row && `record ${x.row}`, x.line && `line ${x.line}`, x.source_id].filter(Boolean).join(', ');
  const list = <T>(title: string, items: T[], text: (item: T) => string) => {
    if (!items.length) return;
    console.log(`${title}:`);
    for (const item of items.slice(0, 50)) console.log(`  ${text(item)}`);
    if (items.length > 50) console.log(`  … and ${items.length - 50} more (--json lists them all)`);
  };
  list('failures', s.failures, (f) => `${at(f)}: ${f.field ? `${f.field}: ` : ''}${f.message}`);
  list('warnings', s.warnings, (w) => (at(w) ? `${at(w)}: ${w.message}` : w.message));
}

/** Waits until every imported change is in the search index, with a progress bar. */
async function waitForIndex(deps: Awaited<ReturnType<typeof boot>>) {
  let bar: SingleBar | null = null;
  const onLag = (pending: number) => {
    if (!bar) { bar = new SingleBar({ format: 'indexing {bar} {value}/{total} changes', hideCursor: true }, Presets.shades_classic); bar.start(pending, 0); }
    bar.setTotal(Math.max(bar.getTotal(), pending));
    bar.update(bar.getTotal() - pending);
  };
  try {
    await deps.sync.caughtUp(10 * 60_000, { pollMs: 200, onLag });
    say('the search index is up to date: the imported centers are searchable');
  } catch (err) {
    say(`${(err as Error).message}; the server catches up when it runs`);
  } finally {
    (bar as SingleBar | null)?.stop();
  }
}

void main();
