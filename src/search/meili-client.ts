import { Meilisearch } from 'meilisearch';

export interface MeiliConnection { host: string; apiKey?: string }

export function createMeiliClient(conn: MeiliConnection): Meilisearch {
  return new Meilisearch({ host: conn.host, apiKey: conn.apiKey, timeout: 10_000 });
}
