import type { Center } from '../centers/center-schema';
import {
  CODE_FIELDS, INSURERS, LEVELS_OF_CARE, MEDICATIONS, MODALITIES, PAYERS, POPULATIONS, type LevelOfCare,
} from '../taxonomy/codes';
import { centerScopedId, globalId } from './hsds-ids';
import type { HsdsAttribute, HsdsContext, HsdsTaxonomy, HsdsTaxonomyTerm } from './hsds-types';

/**
 * Our code lists published as HSDS taxonomies, one per list, so a term is (taxonomy, code) as
 * HSDS defines it and `taxonomy_id` filters map to our fields. Languages are not here: HSDS has
 * `language` objects for them (map-center.ts).
 */
export const HSDS_TAXONOMY_FIELDS = [
  'levels_of_care', 'modalities', 'medications', 'payers', 'insurers', 'populations',
] as const;
export type HsdsTaxonomyField = (typeof HSDS_TAXONOMY_FIELDS)[number];

const LISTS: Record<HsdsTaxonomyField, Record<string, string | { label: string }>> = {
  levels_of_care: LEVELS_OF_CARE, modalities: MODALITIES, medications: MEDICATIONS,
  payers: PAYERS, insurers: INSURERS, populations: POPULATIONS,
};

const TITLES: Record<HsdsTaxonomyField, string> = {
  levels_of_care: 'levels of care', modalities: 'therapy modalities', medications: 'medications',
  payers: 'payment types', insurers: 'commercial insurers', populations: 'populations served',
};

/** Codes never change meaning; bump only if one ever has to. */
const TAXONOMY_VERSION = '1';

/** The API's base URL without a trailing slash. */
export const apiBase = (ctx: HsdsContext) => ctx.baseUrl.replace(/\/+$/, '');

// Memoized: every attribute of every service carries them, and each is a SHA-1 (keys are codes of the lists only).
const ids = new Map<string, string>();
const memo = (key: string, make: () => string) => ids.get(key) ?? (ids.set(key, make()), ids.get(key)!);
export const taxonomyId = (field: HsdsTaxonomyField) => memo(field, () => globalId('taxonomy', field));
export const taxonomyTermId = (field: HsdsTaxonomyField, code: string) => (Object.hasOwn(LISTS[field], code)
  ? memo(`${field}:${code}`, () => globalId('taxonomy_term', field, code))
  : globalId('taxonomy_term', field, code));

export function codeLabel(field: HsdsTaxonomyField, code: string): string {
  const entry = LISTS[field][code];
  if (entry === undefined) throw new RangeError(`"${code}" is not a ${field} code`);
  return typeof entry === 'string' ? entry : entry.label;
}

function taxonomyUri(field: HsdsTaxonomyField, ctx: HsdsContext) {
  return `${apiBase(ctx)}/v1/taxonomy#${field}`;
}

export function toHsdsTaxonomy(field: HsdsTaxonomyField, ctx: HsdsContext): HsdsTaxonomy {
  return {
    id: taxonomyId(field),
    name: `Treatment directory: ${TITLES[field]}`,
    description: `Codes of the treatment directory's \`${field}\` list, with labels, as published at GET /v1/taxonomy.`,
    uri: taxonomyUri(field, ctx),
    version: TAXONOMY_VERSION,
  };
}

export const hsdsTaxonomies = (ctx: HsdsContext): HsdsTaxonomy[] =>
  HSDS_TAXONOMY_FIELDS.map((field) => toHsdsTaxonomy(field, ctx));

function termDescription(field: HsdsTaxonomyField, code: string): string {
  if (field !== 'levels_of_care') return codeLabel(field, code);
  const { label, asam, samhsa } = LEVELS_OF_CARE[code as LevelOfCare];
  return `${label}. ${asam ? `ASAM level ${asam}; ` : ''}SAMHSA locator codes ${samhsa.join(', ')}.`;
}

export function toHsdsTaxonomyTerm(field: HsdsTaxonomyField, code: string, ctx: HsdsContext): HsdsTaxonomyTerm {
  return {
    id: taxonomyTermId(field, code),
    code,
    name: codeLabel(field, code),
    description: termDescription(field, code),
    taxonomy_id: taxonomyId(field),
    taxonomy: taxonomyUri(field, ctx),
    term_uri: `${taxonomyUri(field, ctx)}/${code}`,
    language: 'en',
  };
}

/** The items whose name, description or code contains every word (case-insensitively). */
export function searchTaxonomyItems<T extends { name: string; description: string; code?: string }>(items: T[], words: string[] | undefined): T[] {
  if (!words?.length) return items;
  return items.filter((item) => {
    const text = `${item.code ?? ''} ${item.name} ${item.description}`.toLowerCase();
    return words.every((w) => text.includes(w.toLowerCase()));
  });
}

/** Every term of every taxonomy, or of one. */
export function hsdsTaxonomyTerms(ctx: HsdsContext, field?: HsdsTaxonomyField): HsdsTaxonomyTerm[] {
  return (field ? [field] : HSDS_TAXONOMY_FIELDS)
    .flatMap((f) => CODE_FIELDS[f].map((code: string) => toHsdsTaxonomyTerm(f, code, ctx)));
}

/**
 * The attributes of one service: its own level of care, then the center-wide lists (which
 * apply to every level the center offers). `link_type` names our field.
 */
export function toHsdsAttributes(center: Center, level: LevelOfCare, serviceId: string, ctx: HsdsContext): HsdsAttribute[] {
  const pairs: [HsdsTaxonomyField, string][] = [
    ['levels_of_care', level],
    ...HSDS_TAXONOMY_FIELDS.filter((f) => f !== 'levels_of_care')
      .flatMap((f) => (center[f] ?? []).map((code): [HsdsTaxonomyField, string] => [f, code])),
  ];
  return pairs.map(([field, code]) => ({
    id: centerScopedId(center.id, 'attribute', level, field, code),
    link_id: serviceId,
    link_type: field,
    link_entity: 'service',
    taxonomy_term_id: taxonomyTermId(field, code),
    taxonomy_term: toHsdsTaxonomyTerm(field, code, ctx),
  }));
}
