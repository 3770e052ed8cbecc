import type { Center } from '../centers/center-schema';
import { freshness } from '../availability/freshness';
import { ACCESSIBILITY, CONDITIONS, type LevelOfCare } from '../taxonomy/codes';
import { centerScopedId, globalId } from './hsds-ids';
import { apiBase } from './hsds-taxonomy';
import type { HsdsAttribute, HsdsContext, HsdsTaxonomyTerm } from './hsds-types';

/**
 * The treatment facts in the HSDS 3.0 feed. Conditions and accessibility are attributes of each
 * service, with terms of two more taxonomies (`conditions`, `accessibility`, as in
 * GET /v1/taxonomy). HSDS has no object for openings, so a service's availability is the
 * documented extension `x_availability` (HSDS allows extra properties prefixed by the
 * publisher); `stale` is computed when the feed is read.
 */
const LISTS = { conditions: CONDITIONS, accessibility: ACCESSIBILITY } as const;
type FactField = keyof typeof LISTS;

function term(field: FactField, code: string, ctx: HsdsContext): HsdsTaxonomyTerm {
  const uri = `${apiBase(ctx)}/v1/taxonomy#${field}`;
  const label = (LISTS[field] as Record<string, string>)[code] ?? code;
  return {
    id: globalId('taxonomy_term', field, code), code, name: label, description: label,
    taxonomy_id: globalId('taxonomy', field), taxonomy: uri, term_uri: `${uri}/${code}`, language: 'en',
  };
}

/** Attributes of one service: the center's conditions and accessibility (they apply to every level). */
export function factAttributes(center: Center, level: LevelOfCare, serviceId: string, ctx: HsdsContext): HsdsAttribute[] {
  const pairs = (Object.keys(LISTS) as FactField[]).flatMap((field) => (center[field] ?? []).map((code) => [field, code] as const));
  return pairs.map(([field, code]) => ({
    id: centerScopedId(center.id, 'attribute', level, field, code),
    link_id: serviceId, link_type: field, link_entity: 'service',
    taxonomy_term_id: globalId('taxonomy_term', field, code), taxonomy_term: term(field, code, ctx),
  }));
}

export interface HsdsAvailabilityExtension {
  status: string; open_slots: number | null; waitlist_days: number | null; next_intake_date: string | null;
  updated_at: string; reported_by: string; stale: boolean;
}

/** `x_availability` of one service: its level's latest report, or nothing when there is none. */
export function availabilityExtension(center: Center, level: LevelOfCare, nowMs = Date.now(), staleHours = 72): { x_availability?: HsdsAvailabilityExtension } {
  const entry = (center.availability ?? []).find((a) => a.level === level);
  if (!entry) return {};
  const { level: _l, age_hours: _a, ...rest } = freshness(entry, nowMs, staleHours);
  return { x_availability: rest };
}
