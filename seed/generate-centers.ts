import type { CenterInputRaw } from '../src/centers/center-schema';
import type { LevelOfCare, Status } from '../src/taxonomy/codes';
import { centerName, describeCenter, slugify } from './center-text';
import { factsFor } from './center-facts';
import { pricesFor } from './center-prices';
import { schedulesFor } from './center-schedules';
import { METROS, type Metro } from './metros';
import {
  LEVEL_PROFILES, pickAccreditations, pickInsurers, pickLanguages, pickMedications, pickModalities,
  pickPayers, pickPopulations,
} from './program-profiles';
import { createRandom, type Random } from './random';
import { lookupZip } from './zip-lookup';

/**
 * Fictional but realistic treatment-center listings, the same for the same seed: the seed
 * file (seed/build-seed-file.ts) and the 25,000-center benchmark set both come from here.
 * Phones are (NNN) 555-01xx, web and mail on example.org / example.com.
 */
export interface GenerateCentersOptions {
  count: number;
  seed: number;
  /** Prefix of source_id ("<prefix>-<n>"); defaults to "seed<seed>". */
  idPrefix?: string;
  /** Day the listings are dated from (YYYY-MM-DD); fixed by default so output never drifts. */
  today?: string;
}

export const DEFAULT_TODAY = '2026-11-20';
const DAY_MS = 86_400_000;
const MILE_DEG = 1 / 69; // degrees of latitude per mile

const STREETS = ['Maple', 'Main', 'Oak', 'Cedar', 'Park', 'Washington', 'Lincoln', 'Jefferson', 'Lake', 'Hill', 'Church',
  'Market', 'Grand', 'Broad', 'Mill', 'River', 'Spring', 'Elm', 'Pine', 'Walnut', 'Chestnut', 'Franklin', 'Highland',
  'Union', 'Center', 'Madison', 'Jackson', 'Sunset', 'Meridian', 'Harbor', 'Willow', 'College', 'Prospect', 'Liberty'];
const STREET_TYPES = ['Ave', 'St', 'Blvd', 'Rd', 'Dr', 'Way', 'Pl'];
const SUITES = ['Suite 100', 'Suite 200', 'Suite 210', 'Suite 305', '2nd Floor', '3rd Floor', 'Building B', 'Unit 4'];
const STATUSES: readonly (readonly [Status, number])[] = [['active', 90], ['temporarily_closed', 6], ['closed', 4]];

/** Everything one center is built from; `levels` and `spanish` force a profile (seed/ensure-variety.ts). */
export interface CenterSpec {
  n: number;
  idPrefix: string;
  metro: Metro;
  todayMs: number;
  /** Names already given; a new center avoids them when it can. */
  usedNames: Set<string>;
  levels?: LevelOfCare[];
  spanish?: boolean;
}

const VERIFIED_AGES = [['recent', 70], ['last_year', 12], ['stale', 10], ['never', 8]] as const;

function verifiedAt(rng: Random, todayMs: number): string | null {
  const age = rng.weighted(VERIFIED_AGES);
  if (age === 'never') return null;
  const days = age === 'recent' ? rng.int(1, 364) : age === 'last_year' ? rng.int(366, 700) : rng.int(760, 1090);
  const minutes = rng.int(13 * 60, 22 * 60); // a working day in US time zones, in UTC
  return new Date(todayMs - days * DAY_MS + minutes * 60_000).toISOString();
}

function jitter(rng: Random, lat: number, lng: number) {
  const miles = 3 * Math.sqrt(rng.next());
  const angle = rng.next() * 2 * Math.PI;
  const dLat = miles * Math.cos(angle) * MILE_DEG;
  const dLng = (miles * Math.sin(angle) * MILE_DEG) / Math.cos((lat * Math.PI) / 180);
  return { lat: Math.round((lat + dLat) * 1e5) / 1e5, lng: Math.round((lng + dLng) * 1e5) / 1e5 };
}

const INPATIENT_LIKE: readonly LevelOfCare[] = ['detox', 'residential', 'hospital_inpatient'];
const OUTPATIENT_LIKE: readonly LevelOfCare[] = ['iop', 'outpatient', 'php'];

const licenseKind = (levels: readonly LevelOfCare[]) =>
  levels.includes('otp') ? 'OTP' : levels.some((l) => INPATIENT_LIKE.includes(l)) ? 'RES' : levels.includes('sober_living') && levels.length === 1 ? 'RR' : 'OP';
const licenseNumber = (rng: Random, metro: Metro, levels: readonly LevelOfCare[]) =>
  `${metro.state}-${licenseKind(levels)}-${rng.int(100000, 999999)}`;

export function buildCenter(rng: Random, spec: CenterSpec): CenterInputRaw {
  const { metro } = spec;
  const levels = spec.levels ? [...spec.levels] : [...rng.weighted(LEVEL_PROFILES)];
  const zip = rng.pick(metro.zips);
  const place = lookupZip(zip);
  if (!place) throw new Error(`seed ZIP ${zip} of ${metro.name} does not exist`);
  let languages = pickLanguages(rng, metro);
  if (spec.spanish && !languages.includes('es')) languages = ['en', 'es'];
  const spanishName = spec.spanish || languages[0] === 'es' || (languages.includes('es') && rng.chance(0.3));
  let name = centerName(rng, levels, spanishName);
  for (let tries = 0; spec.usedNames.has(name) && tries < 6; tries++) name = centerName(rng, levels, spanishName);
  spec.usedNames.add(name);

  const medications = pickMedications(rng, levels);
  const payers = pickPayers(rng, levels, metro);
  const populations = pickPopulations(rng, levels);
  const status = rng.weighted(STATUSES);
  const telehealth = rng.chance(levels.some((l) => OUTPATIENT_LIKE.includes(l)) ? 0.55 : levels.includes('otp') ? 0.15 : 0.05);
  const schedules = schedulesFor(rng, levels, telehealth);
  const slug = slugify(name);

  const website = rng.chance(0.5) ? `https://${slug}.example.org` : `https://www.${slug}.example.com`;
  const email = rng.chance(0.8) ? `intake@${slug}.example.org` : null;
  const line2 = rng.chance(0.3) ? rng.pick(SUITES) : null;
  const location = rng.chance(0.5) ? jitter(rng, place.latitude, place.longitude) : null;
  const phone = `(${metro.areaCode}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`;
  // Its own stream: the facts were added later and must not shift the draws above or below.
  const facts = factsFor(createRandom(spec.n * 7919 + spec.idPrefix.length * 104_729 + 17), { levels_of_care: levels, medications, populations, phone });
  return {
    name,
    description: describeCenter({ name, city: place.city, levels, populations, medications,
      languages, evening: schedules.some((s) => s.start >= '17:00' && s.level !== 'otp') }),
    status,
    phone,
    website,
    ...(email ? { email } : {}),
    address: {
      line1: `${rng.int(10, 4999)} ${rng.pick(STREETS)} ${rng.pick(STREET_TYPES)}`,
      ...(line2 ? { line2 } : {}),
      city: place.city,
      state: metro.state,
      postal_code: zip,
    },
    ...(location ? { location } : {}),
    levels_of_care: levels,
    modalities: pickModalities(rng, levels, medications),
    medications,
    payers,
    insurers: pickInsurers(rng, payers, metro),
    populations,
    languages,
    telehealth,
    accepting_new_patients: status === 'active' && rng.chance(0.93),
    schedules,
    prices: rng.chance(0.7) ? pricesFor(rng, levels, schedules, spec.todayMs) : [],
    accreditations: pickAccreditations(rng, levels),
    ...facts,
    license_number: rng.chance(levels.includes('sober_living') ? 0.5 : 0.92) ? licenseNumber(rng, metro, levels) : null,
    verified_at: verifiedAt(rng, spec.todayMs),
    source: 'seed',
    source_id: `${spec.idPrefix}-${spec.n}`,
  };
}

/** Metros in proportion to their weight, interleaved so every prefix of the output is spread out. */
const METRO_DECK: readonly Metro[] = (() => {
  const deck: Metro[] = [];
  const maxWeight = Math.max(...METROS.map((m) => m.weight));
  for (let round = 0; round < maxWeight; round++) deck.push(...METROS.filter((m) => m.weight > round));
  return deck;
})();

export function generateCenters(options: GenerateCentersOptions): CenterInputRaw[] {
  const rng = createRandom(options.seed);
  const todayMs = Date.parse(`${options.today ?? DEFAULT_TODAY}T00:00:00Z`);
  if (Number.isNaN(todayMs)) throw new Error(`today must be YYYY-MM-DD, got ${options.today}`);
  const idPrefix = options.idPrefix ?? `seed${options.seed}`;
  const usedNames = new Set<string>();
  return Array.from({ length: options.count }, (_, i) =>
    buildCenter(rng, { n: i + 1, idPrefix, metro: METRO_DECK[i % METRO_DECK.length], todayMs, usedNames }));
}
