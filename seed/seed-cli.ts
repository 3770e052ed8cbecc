/** `npm run seed`: loads seed/centers.json idempotently and waits until it is searchable. */
import { Presets, SingleBar } from 'cli-progress';
import { withCliSession } from '../src/runtime/cli-session';
import { ensureIndexCurrent } from '../src/search/ensure-index';
import { loadSeed } from './load-seed';

withCliSession(async (deps) => {
  await ensureIndexCurrent(deps.db, deps.centerIndex, deps.sync, deps.log, { progress: true });
  const bar = new SingleBar({ format: 'seed {bar} {value}/{total} centers', hideCursor: true }, Presets.shades_classic);
  const counts = await loadSeed(deps.db, undefined, (done, total) => { if (!bar.isActive) bar.start(total, 0); bar.update(done); });
  bar.stop();
  await deps.sync.caughtUp(600_000);
  console.log(`seed: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged; all searchable`);
}).catch((err) => { console.error(`seed failed: ${err.message}`); process.exit(1); });
