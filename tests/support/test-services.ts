import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { applyMigrations } from '../../src/db/migrate';
import { startEmbeddedMeili } from '../../src/runtime/embedded-meili';
import { startEmbeddedPostgres } from '../../src/runtime/embedded-postgres';

/**
 * Tests run against a real PostgreSQL and a real Meilisearch: the servers named by
 * DATABASE_URL / MEILI_HOST when set, else the bundled ones started in a temporary folder.
 * The global setup migrates a template database; each test file clones it.
 */
export interface TestServices { adminUrl: string; templateDb: string; meiliHost: string; meiliKey?: string }

const STATE_FILE = path.join(os.tmpdir(), `directory-test-services-${process.ppid}-${process.pid}.json`);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function startTestServices(): Promise<{ services: TestServices; stop(): Promise<void> }> {
  const stops: (() => Promise<void>)[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'directory-test-'));
  fs.chmodSync(dir, 0o777); // the bundled PostgreSQL runs as an unprivileged user when we are root
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const pg = await startEmbeddedPostgres({ dir, port: await freePort(), database: 'postgres' });
    stops.push(pg.stop);
    adminUrl = pg.url;
  }
  let meiliHost = process.env.MEILI_HOST;
  let meiliKey = process.env.MEILI_API_KEY;
  if (!meiliHost) {
    const m = await startEmbeddedMeili({ dir, port: await freePort() });
    stops.push(m.stop);
    meiliHost = m.host;
    meiliKey = m.apiKey;
  }
  const templateDb = `directory_test_template_${process.pid}`;
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${templateDb}`);
  await adminQuery(adminUrl, `CREATE DATABASE ${templateDb}`);
  await applyMigrations(withDatabase(adminUrl, templateDb));
  const services = { adminUrl, templateDb, meiliHost, meiliKey };
  fs.writeFileSync(STATE_FILE, JSON.stringify(services));
  process.env.TEST_SERVICES_FILE = STATE_FILE;
  return {
    services,
    stop: async () => {
      await adminQuery(adminUrl!, `DROP DATABASE IF EXISTS ${templateDb}`).catch(() => {});
      for (const stop of stops.reverse()) await stop().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(STATE_FILE, { force: true });
    },
  };
}

export function testServices(): TestServices {
  const file = process.env.TEST_SERVICES_FILE;
  if (!file || !fs.existsSync(file)) throw new Error('test services are not running (jest global setup did not run)');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try { await client.query(sql); } finally { await client.end(); }
}
