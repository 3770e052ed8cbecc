import { SingleBar, Presets } from 'cli-progress';
import type { Logger } from 'pino';
import type { Db } from '../db/prisma';
import type { CenterIndex } from './meili-index';
import type { IndexSync } from './index-sync';
import { SETTINGS_REVISION } from './index-settings';
import { isNewerThanThisCode, readSettingsRecord, recordSettings } from './settings-record';

export type EnsureResult = { rebuilt: false; newerSettings?: number } | { rebuilt: true; documents: number };

/**
 * Makes the live index match this code's settings, rebuilding (into a fresh index, swapped in
 * atomically) when they differ. Holds the sync lock meanwhile so no committed write is lost, and
 * so that of several instances starting together exactly one builds while the others wait and
 * then find the index current. Settings only move forward: when PostgreSQL records a newer
 * settings revision (a newer version of the API is rolling out), this instance leaves it alone.
 */
export async function ensureIndexCurrent(db: Db, index: CenterIndex, sync: IndexSync, log: Logger, opts: { progress?: boolean } = {}): Promise<EnsureResult> {
  const settled = async (): Promise<EnsureResult | null> => {
    const record = await readSettingsRecord(db, index.name);
    if (isNewerThanThisCode(record)) return { rebuilt: false, newerSettings: record!.revision };
    if (await index.isCurrent()) {
      if (!record || record.revision !== SETTINGS_REVISION) await recordSettings(db, index.name);
      return { rebuilt: false };
    }
    return null;
  };
  const before = await settled();
  if (before) return warnNewer(before, log);
  return sync.withLock(async () => {
    const now = await settled();
    if (now) return warnNewer(now, log);
    await index.dropStaleBuilds();
    const bar = opts.progress && process.stderr.isTTY ? new SingleBar({ format: 'indexing {bar} {value}/{total} centers', hideCursor: true }, Presets.shades_classic) : null;
    const started = Date.now();
    const result = await index.rebuild(db, (done, total) => {
      if (bar) { if (done === 0) bar.start(total, 0); else bar.update(done); }
    });
    bar?.stop();
    await recordSettings(db, index.name);
    log.info({ documents: result.documents, ms: Date.now() - started, settings_revision: SETTINGS_REVISION }, 'search index rebuilt with current settings');
    return { rebuilt: true as const, ...result };
  });
}

function warnNewer(result: EnsureResult, log: Logger): EnsureResult {
  if (!result.rebuilt && result.newerSettings) {
    log.warn({ recorded: result.newerSettings, ours: SETTINGS_REVISION }, 'the search index has newer settings than this version of the API; leaving them');
  }
  return result;
}
