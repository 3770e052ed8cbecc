import { SingleBar, Presets } from 'cli-progress';
import type { Logger } from 'pino';
import type { Db } from '../db/prisma';
import type { CenterIndex } from './meili-index';
import type { IndexSync } from './index-sync';

/**
 * Makes the live index match this code's settings, rebuilding (into a fresh index, swapped in
 * atomically) when they differ. Holds the sync lock meanwhile so no committed write is lost.
 */
export async function ensureIndexCurrent(db: Db, index: CenterIndex, sync: IndexSync, log: Logger, opts: { progress?: boolean } = {}) {
  if (await index.isCurrent()) return { rebuilt: false as const };
  return sync.withLock(async () => {
    if (await index.isCurrent()) return { rebuilt: false as const };
    await index.dropStaleBuilds();
    const bar = opts.progress && process.stderr.isTTY ? new SingleBar({ format: 'indexing {bar} {value}/{total} centers', hideCursor: true }, Presets.shades_classic) : null;
    const started = Date.now();
    const result = await index.rebuild(db, (done, total) => {
      if (bar) { if (done === 0) bar.start(total, 0); else bar.update(done); }
    });
    bar?.stop();
    log.info({ documents: result.documents, ms: Date.now() - started }, 'search index rebuilt with current settings');
    return { rebuilt: true as const, ...result };
  });
}
