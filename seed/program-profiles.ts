import {
  INSURERS, LANGUAGES, MEDICATIONS, MODALITIES, PAYERS, POPULATIONS,
  type Insurer, type Language, type LevelOfCare, type Medication, type Modality, type Payer, type Population,
} from '../src/taxonomy/codes';
import type { Metro } from './metros';
import type { Random } from './random';

/** Realistic combinations of levels of care, with how common each is. */
export const LEVEL_PROFILES: readonly (readonly [LevelOfCare[], number])[] = [
  [['outpatient'], 14],
  [['iop', 'outpatient'], 16],
  [['php', 'iop', 'outpatient'], 10],
  [['detox', 'residential'], 10],
  [['residential'], 6],
  [['detox', 'residential', 'php', 'iop'], 4],
  [['residential', 'iop', 'outpatient'], 5],
  [['iop'], 5],
  [['otp'], 6],
  [['otp', 'outpatient'], 3],
  [['sober_living'], 6],
  [['sober_living', 'iop'], 2],
  [['detox'], 3],
  [['hospital_inpatient', 'detox'], 3],
  [['hospital_inpatient', 'detox', 'php'], 2],
];

/** Keeps codes in the order the taxonomy publishes them, so listings read alike. */
const codeOrder = <T extends string>(codes: Record<T, unknown>) => new Map((Object.keys(codes) as T[]).map((c, i) => [c, i]));
const ORDER = {
  medications: codeOrder(MEDICATIONS), modalities: codeOrder(MODALITIES), payers: codeOrder(PAYERS),
  insurers: codeOrder(INSURERS), populations: codeOrder(POPULATIONS), languages: codeOrder(LANGUAGES),
};
const inOrder = <T extends string>(order: Map<T, number>, picked: Iterable<T>): T[] =>
  [...picked].sort((a, b) => order.get(a)! - order.get(b)!);

export const sortMedications = (codes: Iterable<Medication>) => inOrder(ORDER.medications, codes);
export const sortModalities = (codes: Iterable<Modality>) => inOrder(ORDER.modalities, codes);
export const sortLanguages = (codes: Iterable<Language>) => inOrder(ORDER.languages, codes);

const has = (levels: readonly LevelOfCare[], ...any: LevelOfCare[]) => any.some((l) => levels.includes(l));

export function pickMedications(rng: Random, levels: readonly LevelOfCare[]): Medication[] {
  const meds = new Set<Medication>();
  if (levels.includes('otp')) {
    meds.add('methadone').add('buprenorphine');
    if (rng.chance(0.7)) meds.add('naloxone');
    if (rng.chance(0.2)) meds.add('naltrexone');
  } else if (has(levels, 'detox', 'residential', 'hospital_inpatient')) {
    if (rng.chance(0.55)) meds.add('buprenorphine');
    if (rng.chance(0.4)) meds.add('naltrexone');
    if (rng.chance(0.5)) meds.add('naloxone');
    if (rng.chance(0.2)) meds.add('acamprosate');
    if (rng.chance(0.1)) meds.add('disulfiram');
  } else if (has(levels, 'iop', 'outpatient', 'php')) {
    if (rng.chance(0.35)) meds.add('buprenorphine');
    if (rng.chance(0.3)) meds.add('naltrexone');
    if (rng.chance(0.35)) meds.add('naloxone');
    if (rng.chance(0.1)) meds.add('acamprosate');
  } else if (rng.chance(0.3)) {
    meds.add('naloxone'); // sober living: overdose-reversal kits on hand
  }
  return inOrder(ORDER.medications, meds);
}

/** True when the medications amount to medication for addiction treatment (naloxone alone does not). */
export const givesMat = (meds: readonly Medication[]) => meds.some((m) => m !== 'naloxone');

const CLINICAL_EXTRAS: Modality[] = ['mi', 'relapse_prevention', 'family', 'psychoeducation', 'trauma', 'dbt', 'twelve_step',
  'peer_support', 'drug_testing', 'contingency_management', 'matrix_model', 'emdr', 'experiential', 'neurofeedback'];
const SOBER_LIVING_MODALITIES: Modality[] = ['peer_support', 'twelve_step', 'drug_testing', 'group', 'relapse_prevention', 'psychoeducation'];

/** 3–9 modalities; `mat` whenever medications for addiction are given. */
export function pickModalities(rng: Random, levels: readonly LevelOfCare[], meds: readonly Medication[]): Modality[] {
  const chosen = new Set<Modality>(givesMat(meds) ? ['mat'] : []);
  const target = rng.int(3, 9);
  if (levels.length === 1 && levels[0] === 'sober_living') {
    for (const m of rng.sample(SOBER_LIVING_MODALITIES, Math.min(target, 5))) chosen.add(m);
  } else {
    for (const core of ['individual', 'group', 'cbt'] as const) if (rng.chance(0.85)) chosen.add(core);
    const rest = CLINICAL_EXTRAS.filter((m) => !chosen.has(m));
    for (const m of rng.sample(rest, target - chosen.size)) chosen.add(m);
  }
  for (const filler of ['individual', 'group', 'peer_support'] as const) if (chosen.size < 3) chosen.add(filler);
  return inOrder(ORDER.modalities, chosen).slice(0, 9);
}

const SOBER_LIVING_PAYERS: readonly (readonly [Payer[], number])[] = [[['self_pay'], 60], [['self_pay', 'sliding_scale'], 25], [['self_pay', 'state_funded'], 15]];
const PAYER_KINDS = [['mixed', 60], ['private_cash', 14], ['public', 10], ['medicaid_only', 8], ['cash_only', 8]] as const;

export function pickPayers(rng: Random, levels: readonly LevelOfCare[], metro: Metro): Payer[] {
  if (levels.every((l) => l === 'sober_living')) {
    return [...rng.weighted(SOBER_LIVING_PAYERS)];
  }
  const payers = new Set<Payer>();
  if (levels.includes('otp')) {
    if (rng.chance(0.1)) return ['medicaid'];
    payers.add('medicaid').add('medicare').add('self_pay');
    if (rng.chance(0.5)) payers.add('private');
    if (rng.chance(0.4)) payers.add('state_funded');
    if (rng.chance(0.2)) payers.add('sliding_scale');
    return inOrder(ORDER.payers, payers);
  }
  const kind = rng.weighted(PAYER_KINDS);
  if (kind === 'medicaid_only') return ['medicaid'];
  if (kind === 'cash_only') return ['self_pay'];
  if (kind === 'public') {
    payers.add('medicaid').add('state_funded').add('sliding_scale');
    if (rng.chance(0.5)) payers.add('medicare');
    if (rng.chance(0.15)) payers.add('free');
    if (rng.chance(['NM', 'AZ'].includes(metro.state) ? 0.4 : 0.05)) payers.add('ihs');
    return inOrder(ORDER.payers, payers);
  }
  payers.add('private').add('self_pay');
  if (kind === 'mixed') {
    if (rng.chance(0.6)) payers.add('medicaid');
    if (rng.chance(0.25)) payers.add('medicare');
    if (rng.chance(0.15)) payers.add('sliding_scale');
    if (rng.chance(0.08)) payers.add('tricare');
    if (rng.chance(0.1)) payers.add('state_funded');
  }
  return inOrder(ORDER.payers, payers);
}

const KAISER_STATES = new Set(['CA', 'CO', 'GA', 'MD', 'OR', 'WA', 'VA', 'DC', 'HI']);
const NATIONAL_INSURERS: Insurer[] = ['aetna', 'anthem', 'bcbs', 'cigna', 'humana', 'optum', 'united', 'molina', 'centene', 'magellan', 'beacon', 'oscar'];

/** Named in-network insurers; only for centers that take private insurance. */
export function pickInsurers(rng: Random, payers: readonly Payer[], metro: Metro): Insurer[] {
  if (!payers.includes('private')) return [];
  const pool = [...NATIONAL_INSURERS];
  if (KAISER_STATES.has(metro.state)) pool.push('kaiser');
  if (['CA', 'AZ', 'OR'].includes(metro.state)) pool.push('healthnet');
  if (payers.includes('tricare')) pool.push('tricare_east');
  return inOrder(ORDER.insurers, rng.sample(pool, rng.int(2, 6)));
}

const SOBER_LIVING_POPULATIONS: readonly (readonly [Population[], number])[] = [[['adults', 'men'], 45], [['adults', 'women'], 35], [['adults'], 20]];

export function pickPopulations(rng: Random, levels: readonly LevelOfCare[]): Population[] {
  if (levels.every((l) => l === 'sober_living')) {
    return [...rng.weighted(SOBER_LIVING_POPULATIONS)];
  }
  if (!has(levels, 'otp', 'detox', 'hospital_inpatient') && rng.chance(0.05)) return ['adolescents'];
  const pops = new Set<Population>(['adults']);
  if (rng.chance(0.5)) pops.add('co_occurring');
  if (rng.chance(0.2)) pops.add('young_adults');
  if (rng.chance(0.12)) pops.add(rng.pick(['women', 'men'] as const));
  if (rng.chance(0.1)) pops.add('veterans');
  if (rng.chance(0.1)) pops.add('lgbtq');
  if (rng.chance(0.08)) pops.add('seniors');
  if (rng.chance(levels.includes('otp') ? 0.25 : 0.04)) pops.add('pregnant_postpartum');
  if (rng.chance(0.15)) pops.add('criminal_justice');
  return inOrder(ORDER.populations, pops);
}

/** English almost always; Spanish by the metro's share (a few Spanish-only programs); now and then another language. */
export function pickLanguages(rng: Random, metro: Metro): Language[] {
  const spanish = rng.chance(metro.spanishShare);
  if (spanish && rng.chance(0.06)) return ['es'];
  const langs = new Set<Language>(['en']);
  if (spanish) langs.add('es');
  if (rng.chance(0.08)) langs.add(rng.pick(metro.otherLanguages));
  if (rng.chance(0.02)) langs.add('asl');
  return inOrder(ORDER.languages, langs);
}

const ACCREDITATIONS: readonly (readonly [string[], number])[] = [[[], 35], [['joint_commission'], 32], [['carf'], 26], [['joint_commission', 'carf'], 7]];

export function pickAccreditations(rng: Random, levels: readonly LevelOfCare[]): string[] {
  if (levels.every((l) => l === 'sober_living')) return rng.chance(0.4) ? ['narr'] : [];
  return [...rng.weighted(ACCREDITATIONS)];
}
