import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { adminQuery, testServices, withDatabase } from '../support/test-services';

/**
 * The database our migrations build must be the database prisma/schema.prisma describes.
 * Prisma's own schema engine (wasm) writes the CREATE script for the schema; a second database
 * is built from it, and the two catalogs are compared.
 */
const CATALOG_QUERIES = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, numeric_scale
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`,
  constraints: `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
                 WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`,
  enums: `SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY 1, 3`,
};

async function catalog(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, unknown[]> = {};
    for (const [k, sql] of Object.entries(CATALOG_QUERIES)) out[k] = (await client.query(sql)).rows;
    return out;
  } finally { await client.end(); }
}

describe('migrations', () => {
  const s = testServices();
  const fromSchema = `schema_drift_${process.pid}`;
  afterAll(() => adminQuery(s.adminUrl, `DROP DATABASE IF EXISTS ${fromSchema}`));

  it('build exactly the database schema.prisma describes', async () => {
    const sql = execFileSync(path.join(__dirname, '../../node_modules/.bin/tsx'), [path.join(__dirname, '../../src/db/schema-sql-cli.ts')], {
      env: { ...process.env, DATABASE_URL: s.adminUrl }, encoding: 'utf8',
    });
    expect(sql).toContain('CREATE TABLE "centers"');
    await adminQuery(s.adminUrl, `DROP DATABASE IF EXISTS ${fromSchema}`);
    await adminQuery(s.adminUrl, `CREATE DATABASE ${fromSchema}`);
    await adminQuery(withDatabase(s.adminUrl, fromSchema), sql);

    const migrated = await catalog(withDatabase(s.adminUrl, s.templateDb));
    const expected = await catalog(withDatabase(s.adminUrl, fromSchema));
    expect(migrated.columns.length).toBeGreaterThan(50);
    expect(migrated).toEqual(expected);
  });

  it('are recorded the way prisma migrate deploy records them', async () => {
    const client = new Client({ connectionString: withDatabase(s.adminUrl, s.templateDb) });
    await client.connect();
    const { rows } = await client.query('SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name');
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).not.toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
  });
});
