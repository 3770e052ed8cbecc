import type { Center } from '../centers/center-schema';
import { ACCESSIBILITY, CONDITIONS, LEVELS_OF_CARE, MEDICATIONS, MODALITIES, POPULATIONS } from '../taxonomy/codes';
import { AVAILABILITY_SET, availabilityDoc, availabilitySets, type AvailabilityDoc, type AvailabilitySetsDoc } from './availability-filter';
import { intakeSlots } from './intake-slots';
import { hitParts, type HitParts } from './search-hit';
import { FACET_NAMES } from './search-filter';
import { scheduleTags } from './schedule-tags';

/** What the index holds per center: filterable fields, searchable text and the full center. */
export interface CenterDocument extends Omit<AvailabilitySetsDoc, 'avail_sets'> {
  id: string;
  name: string;
  description: string;
  services: string[];
  city: string;
  state: string;
  postal_code: string;
  status: Center['status'];
  levels_of_care: string[];
  modalities: string[];
  medications: string[];
  payers: string[];
  insurers: string[];
  populations: string[];
  languages: string[];
  conditions: string[];
  accessibility: string[];
  /** Report times per status and level (availability-filter.ts); freshness is decided per query. */
  avail: AvailabilityDoc;
  wait_days: Record<string, number>;
  walk_in: boolean | null;
  /** Set only when the center lists intake hours. */
  intake_tz: string | null;
  intake_slots: number[];
  telehealth: boolean;
  accepting_new_patients: boolean;
  schedule: string[];
  schedule_by_level: string[];
  verified_at_ts: number | null;
  updated_at_ts: number;
  name_sort: string;
  /** Every filter value as `<parameter>:<value>`, and the availability sets: one facet field instead of twelve. */
  facet_values: string[];
  version: number;
  _geo: { lat: number; lng: number };
  /** What search results are made of (search-hit.ts). */
  hit: HitParts;
  /** The center as an object: what instances before settings revision 4 read, during a rolling deploy. */
  center: Center;
}

const label = (table: Record<string, unknown>, code: string) => {
  const v = table[code];
  return typeof v === 'string' ? v : (v as { label?: string })?.label ?? code;
};

/** When the document is built (freshness of availability reports, see availabilitySets). */
export interface DocumentClock { nowMs: number; staleHours: number }

export function toCenterDocument(center: Center, version: number, clock: DocumentClock): CenterDocument {
  const { avail_sets: sets, ...availTimes } = availabilitySets(center, clock.nowMs, clock.staleHours);
  const doc = {
    id: center.id,
    name: center.name,
    description: center.description ?? '',
    // Labels make the codes findable by the words people type ("intensive outpatient").
    services: [
      ...center.levels_of_care.map((c) => label(LEVELS_OF_CARE, c)),
      ...center.modalities.map((c) => label(MODALITIES, c)),
      ...center.medications.map((c) => label(MEDICATIONS, c)),
      ...center.populations.map((c) => label(POPULATIONS, c)),
      ...center.conditions.map((c) => label(CONDITIONS, c)),
      ...center.accessibility.map((c) => label(ACCESSIBILITY, c)),
    ],
    city: center.address.city,
    state: center.address.state,
    postal_code: center.address.postal_code,
    status: center.status,
    levels_of_care: center.levels_of_care,
    modalities: center.modalities,
    medications: center.medications,
    payers: center.payers,
    insurers: center.insurers,
    populations: center.populations,
    languages: center.languages,
    conditions: center.conditions,
    accessibility: center.accessibility,
    ...availabilityDoc(center),
    ...availTimes,
    walk_in: center.intake?.walk_in ?? null,
    intake_tz: center.intake?.hours.length ? center.timezone : null,
    intake_slots: intakeSlots(center.intake?.hours ?? []),
    telehealth: center.telehealth,
    accepting_new_patients: center.accepting_new_patients,
    ...scheduleTags(center.schedules),
    verified_at_ts: center.verified_at ? Math.floor(Date.parse(center.verified_at) / 1000) : null,
    updated_at_ts: Math.floor(Date.parse(center.updated_at) / 1000),
    name_sort: center.name.toLowerCase(),
    version,
    _geo: { lat: center.location.lat, lng: center.location.lng },
    hit: hitParts(center),
    center,
  };
  return { ...doc, facet_values: [...facetValues(doc), ...sets.map((set) => `${AVAILABILITY_SET}:${set}`)] };
}

/**
 * Meilisearch's facet counting costs about the same per facet field whatever its values, so the
 * eleven facet fields are also indexed as one (measured: engine p99 25 ms → 11 ms on 25,000
 * centers), and the availability sets go into it too. Filters keep using the separate fields.
 */
function facetValues(doc: Omit<CenterDocument, 'facet_values'>): string[] {
  return Object.entries(FACET_NAMES).flatMap(([field, name]) => {
    const value = doc[field as keyof typeof doc] as unknown;
    return (Array.isArray(value) ? value : [value]).map((v) => `${name}:${v}`);
  });
}
