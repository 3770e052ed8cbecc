import { createHash } from 'node:crypto';
import { CenterInputSchema, type CenterInputRaw } from '../centers/center-schema';
import { CODE_FIELDS, type CodeField } from '../taxonomy/codes';
import { parseNumber } from './csv-cells';
import { FACT_LABEL_RULES, IGNORED_CATEGORIES, LABEL_RULES, SERVICE_CODES, type Ref } from './findtreatment-codes';

/** One service group of a locator row: category label, its codes (space-separated) and labels ("; "). */
export interface FindTreatmentService { f1?: string | null; f2?: string | null; f3?: string | null }

/** A row of the FindTreatment.gov locator export (`exportsAsJson` v2); extra fields are ignored. */
export interface FindTreatmentRow {
  /** Position of the row in one export page: not an identity (see sourceIdOf). */
  _irow?: number | string | null;
  /** The locator's facility id (a SHA-256 hex string) when the export carries it. */
  frid?: string | null;
  name1: string;
  name2?: string | null;
  street1?: string | null;
  street2?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  phone?: string | null;
  intake1?: string | null;
  website?: string | null;
  latitude?: string | null;
  longitude?: string | null;
  typeFacility?: string | null;
  services?: readonly FindTreatmentService[] | null;
}

export interface FindTreatmentMapping {
  input: CenterInputRaw;
  /** Service codes (with their labels) the crosswalk does not know: add them to findtreatment-codes.ts. */
  unmapped: string[];
  /** Data that was fixed up or dropped (bad website, coordinates, ZIP). */
  warnings: string[];
}

type ListField = Exclude<CodeField, 'insurers'>;
const ADDICTION_MEDICATIONS = new Set(['buprenorphine', 'methadone', 'naltrexone', 'acamprosate', 'disulfiram']);
const clean = (s: string | null | undefined) => (s ?? '').trim();

/**
 * The locator's stable facility id (frid) when present, else a hash of name, street and ZIP.
 * `_irow` is only the row's position in one export page, so it never identifies a facility.
 */
export function sourceIdOf(row: FindTreatmentRow): string {
  if (clean(row.frid)) return clean(row.frid);
  const norm = (s: string | null | undefined) => clean(s).toLowerCase().replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ');
  const key = [norm(row.name1), norm(row.street1), clean(row.zip).replace(/\D/g, '').slice(0, 5)].join('|');
  return `h-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/** Code/label pairs of one service group; codes and labels pair up only when their counts match. */
function pairsOf(service: FindTreatmentService, warnings: string[]): { code?: string; label?: string }[] {
  const codes = clean(service.f2).split(/\s+/).filter(Boolean);
  const labels = clean(service.f3).split(/\s*;\s*/).filter(Boolean);
  if (codes.length === labels.length) return codes.map((code, i) => ({ code, label: labels[i] }));
  if (codes.length > 0 && labels.length > 0) {
    warnings.push(`services "${clean(service.f1)}": ${codes.length} codes but ${labels.length} labels; mapped each on its own`);
  }
  return [...codes.map((code) => ({ code })), ...labels.map((label) => ({ label }))];
}

function refsOf(code: string | undefined, label: string | undefined): readonly Ref[] | undefined {
  if (code !== undefined && Object.hasOwn(SERVICE_CODES, code)) return SERVICE_CODES[code];
  const rule = label === undefined ? undefined : LABEL_RULES.find(([pattern]) => pattern.test(label));
  return rule ? [rule[1]] : undefined;
}

function websiteOf(raw: string, warnings: string[]): string | undefined {
  if (raw === '') return undefined;
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  if (CenterInputSchema.shape.website.safeParse(url).success && /\.[a-z]{2,}$/i.test(new URL(url).hostname)) return url;
  warnings.push(`website "${raw}" is not a valid http(s) URL: dropped`);
  return undefined;
}

function locationOf(row: FindTreatmentRow, warnings: string[]): { lat: number; lng: number } | undefined {
  const [latText, lngText] = [clean(row.latitude), clean(row.longitude)];
  if (latText === '' && lngText === '') {
    warnings.push('no latitude/longitude: the server geocodes from the ZIP code');
    return undefined;
  }
  const [lat, lng] = [parseNumber(latText), parseNumber(lngText)];
  if (lat.ok && lng.ok && Math.abs(lat.value) <= 90 && Math.abs(lng.value) <= 180 && (lat.value !== 0 || lng.value !== 0)) {
    return { lat: lat.value, lng: lng.value };
  }
  warnings.push(`latitude/longitude "${latText}", "${lngText}" are not valid coordinates: dropped, the server geocodes from the ZIP code`);
  return undefined;
}

function zipOf(raw: string, warnings: string[]): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.length >= 5) return digits.slice(0, 5);
  if (digits.length >= 3) {
    warnings.push(`zip "${raw}" padded to "${digits.padStart(5, '0')}" (leading zeros lost)`);
    return digits.padStart(5, '0');
  }
  warnings.push(`zip "${raw}" is not a ZIP code`);
  return raw;
}

/** Maps one locator row through the SAMHSA crosswalk to a center input for the `findtreatment` source. */
export function mapFindTreatmentRow(row: FindTreatmentRow): FindTreatmentMapping {
  const warnings: string[] = [];
  const unmapped: string[] = [];
  const lists = Object.fromEntries(Object.keys(CODE_FIELDS).map((f) => [f, new Set<string>()])) as Record<ListField, Set<string>>;
  const accreditations = new Set<string>();
  let telehealth = false;

  for (const service of row.services ?? []) {
    for (const { code, label } of pairsOf(service, warnings)) {
      const facts = label === undefined ? [] : FACT_LABEL_RULES.filter(([pattern]) => pattern.test(label)).map(([, ref]) => ref);
      const found = refsOf(code, label);
      const refs = found === undefined && facts.length === 0 ? undefined : [...(found ?? []), ...facts];
      if (refs === undefined) {
        if (!IGNORED_CATEGORIES.test(clean(service.f1))) unmapped.push(code && label ? `${code} (${label})` : code ?? `(${label})`);
        continue;
      }
      for (const ref of refs) {
        if (ref === 'telehealth') telehealth = true;
        else {
          const [field, value] = ref.split(':') as [ListField | 'accreditations', string];
          (field === 'accreditations' ? accreditations : lists[field]).add(value);
        }
      }
    }
  }
  // MAT is what callers search for; the locator lists the medications instead.
  if ([...lists.medications].some((m) => ADDICTION_MEDICATIONS.has(m))) lists.modalities.add('mat');
  lists.languages.add('en');
  if (lists.levels_of_care.size === 0) warnings.push('no service code maps to a level of care: the row will not validate');

  const inTaxonomyOrder = <F extends ListField>(field: F) =>
    CODE_FIELDS[field].filter((code) => lists[field].has(code)) as (typeof CODE_FIELDS)[F][number][];
  const name = clean(row.name1) || clean(row.name2);
  const description = clean(row.name1) ? clean(row.name2) : '';
  const phone = clean(row.phone) || clean(row.intake1);
  const phoneOk = phone !== '' && CenterInputSchema.shape.phone.safeParse(phone).success;
  if (phone !== '' && !phoneOk) warnings.push(`phone "${phone}" is not a phone number: dropped`);
  const website = websiteOf(clean(row.website), warnings);
  const location = locationOf(row, warnings);

  const input: CenterInputRaw = {
    name,
    ...(description && { description }),
    ...(phoneOk && { phone }),
    ...(website && { website }),
    address: {
      line1: clean(row.street1),
      ...(clean(row.street2) && { line2: clean(row.street2) }),
      city: clean(row.city),
      state: clean(row.state).toUpperCase() as CenterInputRaw['address']['state'],
      postal_code: zipOf(clean(row.zip), warnings),
    },
    ...(location && { location }),
    levels_of_care: inTaxonomyOrder('levels_of_care'),
    modalities: inTaxonomyOrder('modalities'),
    medications: inTaxonomyOrder('medications'),
    payers: inTaxonomyOrder('payers'),
    populations: inTaxonomyOrder('populations'),
    languages: inTaxonomyOrder('languages'),
    // Only when the row names any: most locator rows say nothing about them.
    ...(lists.conditions.size > 0 && { conditions: inTaxonomyOrder('conditions') }),
    ...(lists.accessibility.size > 0 && { accessibility: inTaxonomyOrder('accessibility') }),
    telehealth,
    accreditations: [...accreditations],
    source: 'findtreatment',
    source_id: sourceIdOf(row),
  };
  return { input, unmapped: [...new Set(unmapped)], warnings };
}
