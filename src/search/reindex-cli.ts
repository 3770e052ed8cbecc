/**
 * `npm run reindex`: rebuilds the index from PostgreSQL into a fresh index and swaps it in
 * atomically (searches keep working meanwhile), then reconciles.
 * `npm run reindex -- --reconcile-only`: only finds and repairs drift.
 */
import { Presets, SingleBar } from 'cli-progress';
import { withCliSession } from '../runtime/cli-session';
import { isNewerThanThisCode, readSettingsRecord, recordSettings } from './settings-record';

const reconcileOnly = process.argv.includes('--reconcile-only');

withCliSession(async (deps) => {
  if (!reconcileOnly) {
    const bar = new SingleBar({ format: 'reindex {bar} {percentage}% {value}/{total} centers {duration}s', hideCursor: true }, Presets.shades_classic);
    const started = Date.now();
    const { documents } = await deps.sync.withLock(async () => {
      const record = await readSettingsRecord(deps.db, deps.centerIndex.name);
      if (isNewerThanThisCode(record)) throw new Error(`the index carries settings revision ${record!.revision}, newer than this code's; reindex with the newer version`);
      const built = await deps.centerIndex.rebuild(deps.db, (done, total) => {
        if (done === 0) bar.start(total, 0); else bar.update(done);
      });
      await recordSettings(deps.db, deps.centerIndex.name);
      return built;
    });
    bar.stop();
    console.log(`rebuilt and swapped in ${documents} centers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const report = await deps.sync.reconcile();
  await deps.sync.caughtUp(600_000);
  console.log(`reconciled ${report.checked} centers: ${report.missing} missing, ${report.stale} stale, ${report.extra} extra — ${report.missing + report.stale + report.extra ? 'repaired' : 'nothing to repair'}`);
}).catch((err) => { console.error(`reindex failed: ${err.message}`); process.exit(1); });
