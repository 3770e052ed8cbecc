import type { Center, Price } from '../centers/center-schema';
import { INPATIENT_LEVELS, PRICE_UNITS, type LevelOfCare } from '../taxonomy/codes';
import { centerScopedId } from './hsds-ids';

/**
 * Facts of a listing that HSDS 3.0 has no dedicated field for, published as two small
 * taxonomies of our own so they reach consumers as attributes (HSDS's way to classify any
 * row), not only inside free text:
 *  - `service_facts`: `telehealth` and `accepting_new_patients` tag a service that has them;
 *    `time_zone` is on every schedule and location, its `value` the IANA zone of the local
 *    opens_at / closes_at times ("America/Chicago").
 *  - `price_units`: the unit of a cost_option's `amount`, its `value` how it reads for that
 *    level of care ("night" for residential care, "day of attendance" for IOP).
 * The terms are listed by GET /hsds/taxonomy_terms like those of the code lists, and the
 * `taxonomy_term_id` / `taxonomy_id` filters work on them (hsds-feed.ts).
 */
export const FACT_TAXONOMIES = ['service_facts', 'price_units'] as const;
export type FactTaxonomy = (typeof FACT_TAXONOMIES)[number];

export const SERVICE_FACTS = {
  telehealth: 'Telehealth available',
  accepting_new_patients: 'Accepting new patients',
  time_zone: 'Time zone of local times',
} as const;
export type ServiceFact = keyof typeof SERVICE_FACTS;

const PRICE_UNIT_LABELS: Record<Price['unit'], string> = {
  day: 'Per day (a night for residential and hospital care, a day of attendance otherwise)',
  week: 'Per week', session: 'Per session', hour: 'Per hour', episode: 'Per episode of care',
};

export const FACT_LISTS: Record<FactTaxonomy, Record<string, string>> = {
  service_facts: SERVICE_FACTS,
  price_units: Object.fromEntries(PRICE_UNITS.map((u) => [u, PRICE_UNIT_LABELS[u]])),
};

export const FACT_TITLES: Record<FactTaxonomy, string> = {
  service_facts: 'service facts (telehealth, intake, time zone)', price_units: 'price units',
};

export const FACT_DESCRIPTIONS: Record<FactTaxonomy, string> = {
  service_facts: 'Facts of a listing that HSDS has no field for, as attributes: `telehealth` and `accepting_new_patients` tag the services that have them; `time_zone` is on every schedule and location, with the IANA time zone of its local times in `value`.',
  price_units: 'The unit of a cost option\'s `amount`, as an attribute of the cost option; `value` says how the unit reads for the level of care (e.g. "night", "day of attendance").',
};

/** For IOP a "day" is a day of attendance; for residential and hospital care, a night (taxonomy/codes.ts). */
export function unitText(level: LevelOfCare, unit: Price['unit']): string {
  if (unit !== 'day') return unit;
  return (INPATIENT_LEVELS as readonly string[]).includes(level) ? 'night' : 'day of attendance';
}

/**
 * The UTC offset, in hours, of a zone that keeps one all year (America/Phoenix: -7), for the
 * schedule's numeric `timezone`; undefined where daylight saving applies, since one number
 * would be wrong for half the year (the `time_zone` attribute carries the zone itself).
 */
export function fixedUtcOffsetHours(zone: string, year = new Date().getUTCFullYear()): number | undefined {
  const offset = (month: number) => {
    const at = new Date(Date.UTC(year, month, 1, 12));
    const local = new Date(at.toLocaleString('en-US', { timeZone: zone }));
    const utc = new Date(at.toLocaleString('en-US', { timeZone: 'UTC' }));
    return Math.round((local.getTime() - utc.getTime()) / 60_000) / 60;
  };
  try {
    const [january, july] = [offset(0), offset(6)];
    return january === july ? january : undefined;
  } catch {
    return undefined;
  }
}

/** One fact as an attribute (the taxonomy term is filled in by the caller, hsds-taxonomy.ts). */
export interface FactAttributeRef {
  id: string; link_id: string; link_entity: string; taxonomy: FactTaxonomy; code: string; value?: string;
}

export function serviceFactRefs(center: Center, level: LevelOfCare, serviceId: string): FactAttributeRef[] {
  const facts: ServiceFact[] = [
    ...(center.telehealth ? ['telehealth' as const] : []),
    ...(center.accepting_new_patients && center.status === 'active' ? ['accepting_new_patients' as const] : []),
  ];
  return facts.map((code) => ({
    id: centerScopedId(center.id, 'attribute', level, 'service_facts', code), link_id: serviceId, link_entity: 'service', taxonomy: 'service_facts', code,
  }));
}

export const timeZoneRef = (center: Center, linkEntity: 'schedule' | 'location', linkId: string): FactAttributeRef => ({
  id: centerScopedId(center.id, 'attribute', linkEntity, linkId, 'time_zone'),
  link_id: linkId, link_entity: linkEntity, taxonomy: 'service_facts', code: 'time_zone', value: center.timezone,
});

export const priceUnitRef = (center: Center, level: LevelOfCare, price: Price, costOptionId: string): FactAttributeRef => ({
  id: centerScopedId(center.id, 'attribute', 'cost_option', costOptionId, 'price_units'),
  link_id: costOptionId, link_entity: 'cost_option', taxonomy: 'price_units', code: price.unit, value: unitText(level, price.unit),
});
