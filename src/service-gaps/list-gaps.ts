import type { Db } from '../db/prisma';

export interface GapQuery { from: string; to: string; state?: string; limit: number }
export interface GapRow { criteria: string; state: string; zip3: string; searches: number; zero_results: number; last_seen: string }

/** Criteria that most often found too little over [from, to], most searches first. */
export async function listServiceGaps(db: Db, q: GapQuery): Promise<GapRow[]> {
  const rows = await db.$queryRaw<{ criteria: string; state: string; zip3: string; searches: bigint; zero_results: bigint; last_seen: Date }[]>`
    SELECT criteria, state, zip3, sum(searches) AS searches, sum(zero_results) AS zero_results, max(last_seen) AS last_seen
    FROM service_gaps
    WHERE day BETWEEN ${q.from}::date AND ${q.to}::date AND (${q.state ?? null}::text IS NULL OR state = ${q.state ?? null})
    GROUP BY criteria, state, zip3
    ORDER BY sum(searches) DESC, sum(zero_results) DESC, criteria, state, zip3
    LIMIT ${q.limit}`;
  return rows.map((r) => ({ criteria: r.criteria, state: r.state, zip3: r.zip3, searches: Number(r.searches), zero_results: Number(r.zero_results), last_seen: r.last_seen.toISOString() }));
}

const csvCell = (v: string | number) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
export function gapsCsv(rows: GapRow[]): string {
  const header = ['criteria', 'state', 'zip3', 'searches', 'zero_results', 'last_seen'] as const;
  return [header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))].join('\r\n') + '\r\n';
}
