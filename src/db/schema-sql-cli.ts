/**
 * Prints the CREATE script for prisma/schema.prisma (what `prisma migrate diff --from-empty`
 * prints), computed offline. Use it to start a new migration: diff its output against the
 * previous migrations by hand, write the ALTERs to prisma/migrations/<timestamp>_<name>/, and
 * let tests/integration/schema-drift.test.ts confirm the result.
 *   DATABASE_URL=postgresql://... npm run -s schema:sql > /tmp/schema.sql
 * The engine connects to the (any reachable) database even for this diff; it changes nothing.
 */
import path from 'node:path';
import { fromRoot } from '../project-root';
import { createScriptForSchema } from './schema-sql';

const url = process.env.DATABASE_URL;
if (!url) { console.error('set DATABASE_URL to any reachable PostgreSQL (nothing is changed there)'); process.exit(2); }
createScriptForSchema(fromRoot('prisma/schema.prisma'), url)
  .then((sql) => { process.stdout.write(sql); process.exit(0); })
  .catch((err) => { console.error(err); process.exit(1); });
