/** `npm run migrate`: applies pending migrations to DATABASE_URL. */
import { applyMigrations } from './migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. (`npm start` migrates its embedded database by itself.)');
  process.exit(2);
}
applyMigrations(url, console.log)
  .then((applied) => console.log(applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date'))
  .catch((err) => { console.error(err.message); process.exit(1); });
