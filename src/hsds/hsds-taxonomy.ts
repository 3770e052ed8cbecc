import type { Center } from '../centers/center-schema';
import {
  ACCESSIBILITY, CODE_FIELDS, CONDITIONS, INSURERS, LEVELS_OF_CARE, MEDICATIONS, MODALITIES, PAYERS, POPULATIONS, type LevelOfCare,
} from '../taxonomy/codes';
import { centerScopedId, globalId } from './hsds-ids';
import type { HsdsAttribute, HsdsContext, HsdsTaxonomy, HsdsTaxonomyTerm } from './hsds-types';
import {
  FACT_DESCRIPTIONS, FACT_LISTS, FACT_TAXONOMIES, FACT_TITLES, type FactAttributeRef, type FactTaxonomy,
} from './listing-fact-terms';

/**
 * Our code lists published as HSDS taxonomies, one per list, so a term is (taxonomy, code) as
 * HSDS defines it and `taxonomy_id` filters map to our fields. Languages are not here: HSDS has
 * `language` objects for them (map-center.ts).
 */
export const HSDS_TAXONOMY_FIELDS = [
  'levels_of_care', 'modalities', 'medications', 'payers', 'insurers', 'populations', 'conditions', 'accessibility',
] as const;
export type HsdsTaxonomyField = (typeof HSDS_TAXONOMY_FIELDS)[number];

/** Every published taxonomy: the code lists, then the listing facts (listing-fact-terms.ts). */
export const HSDS_TAXONOMIES = [...HSDS_TAXONOMY_FIELDS, ...FACT_TAXONOMIES] as const;
export type HsdsTaxonomyName = HsdsTaxonomyField | FactTaxonomy;
export const isFactTaxonomy = (name: HsdsTaxonomyName): name is FactTaxonomy => (FACT_TAXONOMIES as readonly string[]).includes(name);

const LISTS: Record<HsdsTaxonomyName, Record<string, string | { label: string }>> = {
  levels_of_care: LEVELS_OF_CARE, modalities: MODALITIES, medications: MEDICATIONS,
  payers: PAYERS, insurers: INSURERS, populations: POPULATIONS, conditions: CONDITIONS, accessibility: ACCESSIBILITY, ...FACT_LISTS,
};

const TITLES: Record<HsdsTaxonomyName, string> = {
  levels_of_care: 'levels of care', modalities: 'therapy modalities', medications: 'medications',
  payers: 'payment types', insurers: 'commercial insurers', populations: 'populations served',
  conditions: 'conditions treated', accessibility: 'accessibility', ...FACT_TITLES,
};

/** Codes never change meaning; bump only if one ever has to. */
const TAXONOMY_VERSION = '1';

/** The API's base URL without a trailing slash. */
export const apiBase = (ctx: HsdsContext) => ctx.baseUrl.replace(/\/+$/, '');

// Memoized: every attribute of every service carries them, and each is a SHA-1 (keys are codes of the lists only).
const ids = new Map<string, string>();
const memo = (key: string, make: () => string) => ids.get(key) ?? (ids.set(key, make()), ids.get(key)!);
export const taxonomyId = (field: HsdsTaxonomyName) => memo(field, () => globalId('taxonomy', field));
export const taxonomyTermId = (field: HsdsTaxonomyName, code: string) => (Object.hasOwn(LISTS[field], code)
  ? memo(`${field}:${code}`, () => globalId('taxonomy_term', field, code))
  : globalId('taxonomy_term', field, code));

export function codeLabel(field: HsdsTaxonomyName, code: string): string {
  const entry = LISTS[field][code];
  if (entry === undefined) throw new RangeError(`"${code}" is not a ${field} code`);
  return typeof entry === 'string' ? entry : entry.label;
}

/** The code lists are published at GET /v1/taxonomy; the listing facts only here. */
function taxonomyUri(field: HsdsTaxonomyName, ctx: HsdsContext) {
  return isFactTaxonomy(field) ? `${apiBase(ctx)}/hsds/taxonomies/${taxonomyId(field)}` : `${apiBase(ctx)}/v1/taxonomy#${field}`;
}

export function toHsdsTaxonomy(field: HsdsTaxonomyName, ctx: HsdsContext): HsdsTaxonomy {
  return {
    id: taxonomyId(field),
    name: `Treatment directory: ${TITLES[field]}`,
    description: isFactTaxonomy(field) ? FACT_DESCRIPTIONS[field] : `Codes of the treatment directory's \`${field}\` list, with labels, as published at GET /v1/taxonomy.`,
    uri: taxonomyUri(field, ctx),
    version: TAXONOMY_VERSION,
  };
}

export const hsdsTaxonomies = (ctx: HsdsContext): HsdsTaxonomy[] =>
  HSDS_TAXONOMIES.map((field) => toHsdsTaxonomy(field, ctx));

/** Every code of a taxonomy, in its published order. */
export const taxonomyCodes = (field: HsdsTaxonomyName): string[] => Object.keys(LISTS[field]);

function termDescription(field: HsdsTaxonomyName, code: string): string {
  if (field !== 'levels_of_care') return codeLabel(field, code);
  const { label, asam, samhsa } = LEVELS_OF_CARE[code as LevelOfCare];
  return `${label}. ${asam ? `ASAM level ${asam}; ` : ''}SAMHSA locator codes ${samhsa.join(', ')}.`;
}

export function toHsdsTaxonomyTerm(field: HsdsTaxonomyName, code: string, ctx: HsdsContext): HsdsTaxonomyTerm {
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
export function hsdsTaxonomyTerms(ctx: HsdsContext, field?: HsdsTaxonomyName): HsdsTaxonomyTerm[] {
  return (field ? [field] : HSDS_TAXONOMIES).flatMap((f) => taxonomyCodes(f).map((code) => toHsdsTaxonomyTerm(f, code, ctx)));
}

/** Listing facts (listing-fact-terms.ts) as HSDS attributes; `link_type` names the taxonomy. */
export function toFactAttributes(refs: FactAttributeRef[], ctx: HsdsContext): HsdsAttribute[] {
  return refs.map(({ id, link_id, link_entity, taxonomy, code, value }) => ({
    id, link_id, link_type: taxonomy, link_entity, taxonomy_term_id: taxonomyTermId(taxonomy, code),
    ...(value === undefined ? {} : { value }), taxonomy_term: toHsdsTaxonomyTerm(taxonomy, code, ctx),
  }));
}

/**
 * The attributes of one service: its own level of care, then the center-wide lists (which
 * apply to every level the center offers). `link_type` names our field.
 */
export function toHsdsAttributes(center: Center, level: LevelOfCare, serviceId: string, ctx: HsdsContext): HsdsAttribute[] {
  const pairs: [HsdsTaxonomyField, string][] = [
    ['levels_of_care', level],
    // Conditions and accessibility are attributes too, added by map-facts.ts.
    ...HSDS_TAXONOMY_FIELDS.filter((f) => f !== 'levels_of_care' && f !== 'conditions' && f !== 'accessibility')
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
