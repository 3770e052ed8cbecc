import { CENTER_INCLUDE, presentCenter } from '../centers/center-record';
import type { Center } from '../centers/center-schema';
import type { Db } from '../db/prisma';
import { boundingBoxSql, distanceMilesSql } from '../geo/radius-sql';
import { Prisma } from '../generated/prisma/client';
import { LEVELS_OF_CARE, type LevelOfCare } from '../taxonomy/codes';
import { isFactTaxonomy, type HsdsTaxonomyField, type HsdsTaxonomyName } from './hsds-taxonomy';

/**
 * The database side of the HSDS feed. A service is one level of care of one center, so the
 * service lists page over (center, level) pairs: the centers' level arrays unnested in SQL,
 * ordered by center id and the level's position, which no update reorders.
 */

export interface ServiceFilter {
  /** Words that must each appear in the center's name, description or city, or the level's name. */
  search?: string[];
  /** Centers modified on or after this time (updated_at). */
  modifiedAfter?: Date;
  organizationId?: string;
  /** A taxonomy term: a level of care narrows to that service, other codes to centers that list them; null (an unknown term) matches nothing. */
  term?: { field: HsdsTaxonomyName; code: string } | null;
  /** Services with any term of this taxonomy; null (an unknown taxonomy) matches nothing. */
  taxonomy?: HsdsTaxonomyName | null;
  /** 5-digit ZIP code of the location. */
  postcode?: string;
  near?: { lat: number; lng: number; meters: number };
}

/** One service of the feed, with the center it comes from. */
export interface ServiceRef { center: Center; level: LevelOfCare }

interface ServiceRow { center_id: string; level: string; ord: number }

const METERS_PER_MILE = 1609.344;

const SERVICE_ROWS = Prisma.sql`centers c CROSS JOIN LATERAL unnest(c.levels_of_care) WITH ORDINALITY AS l(level, ord)`;
// Whitelisted column names: the taxonomy fields are the center's array columns of the same name.
const column = (field: HsdsTaxonomyField) => Prisma.raw(`c."${field}"`);

/**
 * Within `meters` of a point: a lat/lng box first (so the (lat, lng) index helps), then the
 * haversine distance. Near the poles or the antimeridian the box spans every longitude.
 */
function nearSql(near: NonNullable<ServiceFilter['near']>): Prisma.Sql {
  const miles = near.meters / METERS_PER_MILE;
  return Prisma.sql`${boundingBoxSql(near, miles)} AND ${distanceMilesSql(near)} <= ${miles}::float8`;
}

/** One search word, as an ILIKE pattern matching it literally anywhere. */
export const containsPattern = (word: string) => `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The levels of care whose name contains the word (so "detox" or "intensive" find services). */
export const levelsNamed = (word: string) => (Object.keys(LEVELS_OF_CARE) as LevelOfCare[])
  .filter((level) => `${level} ${LEVELS_OF_CARE[level].label}`.toLowerCase().includes(word.toLowerCase()));

function searchSql(words: string[]): Prisma.Sql[] {
  return words.map((word) => {
    const like = containsPattern(word);
    return Prisma.sql`(c.name ILIKE ${like} OR c.description ILIKE ${like} OR c.city ILIKE ${like} OR l.level = ANY(${levelsNamed(word)}::text[]))`;
  });
}

/**
 * Services carrying a listing-fact attribute (listing-fact-terms.ts), as map-center.ts attaches
 * them: telehealth and accepting_new_patients on the service; time_zone on every location (so
 * every service); a price unit on the level's cost options. Without a code: any term of it.
 */
function factTermSql(taxonomy: 'service_facts' | 'price_units', code?: string): Prisma.Sql {
  if (taxonomy === 'price_units') {
    const unit = code ? Prisma.sql`AND p.unit = ${code}` : Prisma.empty;
    return Prisma.sql`EXISTS (SELECT 1 FROM center_prices p WHERE p.center_id = c.id AND p.level = l.level ${unit})`;
  }
  if (code === 'telehealth') return Prisma.sql`c.telehealth`;
  if (code === 'accepting_new_patients') return Prisma.sql`(c.accepting_new_patients AND c.status = 'active')`;
  return Prisma.sql`TRUE`;
}

function whereSql(f: ServiceFilter, ...extra: Prisma.Sql[]): Prisma.Sql {
  const conds: Prisma.Sql[] = [...extra];
  if (f.term === null || f.taxonomy === null) conds.push(Prisma.sql`FALSE`);
  if (f.search) conds.push(...searchSql(f.search));
  if (f.modifiedAfter) conds.push(Prisma.sql`c.updated_at >= ${f.modifiedAfter}`);
  if (f.organizationId) conds.push(Prisma.sql`c.id = ${f.organizationId}::uuid`);
  if (f.term) {
    const { field, code } = f.term;
    conds.push(isFactTaxonomy(field) ? factTermSql(field, code)
      : field === 'levels_of_care' ? Prisma.sql`l.level = ${code}`
        : Prisma.sql`${code}::text = ANY(${column(field)})`);
  }
  if (f.taxonomy && f.taxonomy !== 'levels_of_care') {
    conds.push(isFactTaxonomy(f.taxonomy) ? factTermSql(f.taxonomy) : Prisma.sql`cardinality(${column(f.taxonomy)}) > 0`);
  }
  if (f.postcode) conds.push(Prisma.sql`left(c.postal_code, 5) = ${f.postcode}`);
  if (f.near) conds.push(nearSql(f.near));
  return conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, ' AND ')}` : Prisma.empty;
}

/** One page of services; nearest first when `near` is given. */
export async function findServicePage(db: Db, f: ServiceFilter, page: number, perPage: number) {
  const where = whereSql(f);
  const order = f.near ? Prisma.sql`${distanceMilesSql(f.near)}, c.id, l.ord` : Prisma.sql`c.id, l.ord`;
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<ServiceRow[]>`SELECT c.id::text AS center_id, l.level, l.ord::int AS ord FROM ${SERVICE_ROWS} ${where}
      ORDER BY ${order} LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM ${SERVICE_ROWS} ${where}`,
  ]);
  return { refs: await loadRefs(db, rows), total };
}

/**
 * Every matching service, in batches read with a keyset (center id, level position), so memory
 * stays bounded and rows inserted or deleted meanwhile never make the walk skip others.
 */
export async function* serviceBatches(db: Db, f: ServiceFilter, batchSize = 1000): AsyncGenerator<ServiceRef[]> {
  let after: ServiceRow | undefined;
  for (;;) {
    // `c.id >=` lets the primary key skip the centers already sent; the pair picks up mid-center.
    const cursor = after
      ? [Prisma.sql`c.id >= ${after.center_id}::uuid AND (c.id, l.ord) > (${after.center_id}::uuid, ${after.ord}::bigint)`] : [];
    const rows = await db.$queryRaw<ServiceRow[]>`SELECT c.id::text AS center_id, l.level, l.ord::int AS ord
      FROM ${SERVICE_ROWS} ${whereSql(f, ...cursor)} ORDER BY c.id, l.ord LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield await loadRefs(db, rows);
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1];
  }
}

/** The centers of the rows, loaded in one query; a row whose center changed meanwhile is skipped. */
async function loadRefs(db: Db, rows: { center_id: string; level: string }[]): Promise<ServiceRef[]> {
  const centers = await findCenters(db, [...new Set(rows.map((r) => r.center_id))]);
  return rows.flatMap(({ center_id, level }) => {
    const center = centers.get(center_id);
    return center && center.levels_of_care.includes(level as LevelOfCare) ? [{ center, level: level as LevelOfCare }] : [];
  });
}

export async function findCenters(db: Db, ids: string[]): Promise<Map<string, Center>> {
  if (ids.length === 0) return new Map();
  const rows = await db.center.findMany({ where: { id: { in: ids } }, include: CENTER_INCLUDE });
  return new Map(rows.map((row) => [row.id, presentCenter(row)]));
}

export interface OrganizationFilter { modifiedAfter?: Date; search?: string[] }

function organizationWhere(f: OrganizationFilter): Prisma.CenterWhereInput {
  return {
    ...(f.modifiedAfter && { updatedAt: { gte: f.modifiedAfter } }),
    ...(f.search?.length && {
      AND: f.search.map((word) => ({
        OR: [
          { name: { contains: word, mode: 'insensitive' as const } },
          { description: { contains: word, mode: 'insensitive' as const } },
          { city: { contains: word, mode: 'insensitive' as const } },
          { levelsOfCare: { hasSome: levelsNamed(word) } },
        ],
      })),
    }),
  };
}

/** Every matching center, in id order, in keyset batches (for NDJSON). */
export async function* centerBatches(db: Db, f: OrganizationFilter, batchSize = 500): AsyncGenerator<Center[]> {
  let after: string | undefined;
  for (;;) {
    const where = organizationWhere(f);
    const rows = await db.center.findMany({
      where: after ? { AND: [where, { id: { gt: after } }] } : where, orderBy: { id: 'asc' }, take: batchSize, include: CENTER_INCLUDE,
    });
    if (rows.length === 0) return;
    yield rows.map(presentCenter);
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].id;
  }
}

/** One page of centers (HSDS organizations), in id order. */
export async function findCenterPage(db: Db, f: OrganizationFilter, page: number, perPage: number) {
  const where = organizationWhere(f);
  const [rows, total] = await Promise.all([
    db.center.findMany({ where, orderBy: { id: 'asc' }, skip: (page - 1) * perPage, take: perPage, include: CENTER_INCLUDE }),
    db.center.count({ where }),
  ]);
  return { centers: rows.map(presentCenter), total };
}
