/**
 * Prints the CREATE script for prisma/schema.prisma (what `prisma migrate diff --from-empty`
 * prints), computed offline. Use it to start a new migration: diff its output against the
 * previous migrations by hand, write the ALTERs to prisma/migrations/<timestamp>_<name>/, and
 * let tests/integration/schema-drift.test.ts confirm the result.
 *   npm run schema:sql > /tmp/schema.sql
 */
import path from 'node:path';
import { createScriptForSchema } from './schema-sql';

createScriptForSchema(path.join(__dirname, '../../prisma/schema.prisma'), 'postgresql://localhost/unused')
  .then((sql) => { process.stdout.write(sql); process.exit(0); })
  .catch((err) => { console.error(err); process.exit(1); });
