import type { Db } from '../db/prisma';
import { SETTINGS_REVISION, SETTINGS_VERSION } from './index-settings';

export interface SettingsRecord { revision: number; hash: string }

/** The settings the live index was last built with, as recorded in PostgreSQL (null: never). */
export async function readSettingsRecord(db: Db, indexName: string): Promise<SettingsRecord | null> {
  const row = await db.searchIndexState.findUnique({ where: { indexName } });
  return row ? { revision: row.settingsRevision, hash: row.settingsHash } : null;
}

/** Records that the live index now carries this code's settings. */
export async function recordSettings(db: Db, indexName: string): Promise<void> {
  const data = { settingsRevision: SETTINGS_REVISION, settingsHash: SETTINGS_VERSION, builtAt: new Date() };
  await db.searchIndexState.upsert({ where: { indexName }, create: { indexName, ...data }, update: data });
}

/** A newer revision was rolled out by another instance: this code must leave the index alone. */
export function isNewerThanThisCode(record: SettingsRecord | null): boolean {
  return record !== null && record.revision > SETTINGS_REVISION;
}
