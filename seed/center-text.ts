import type { LevelOfCare, Population } from '../src/taxonomy/codes';
import type { Random } from './random';

/**
 * Fictional center names and descriptions. Names mix an invented brand with the words people
 * search for (Recovery, Behavioral Health, Detox, Rehab, IOP…), matched to the levels offered.
 */
const BRANDS = [
  'Harbor Light', 'Cedar Ridge', 'Riverbend', 'Summit Path', 'Lakeside', 'Willow Creek', 'Bridgeway',
  'Northstar', 'Pathways', 'New Dawn', 'Clear Horizon', 'Stillwater', 'Open Door', 'Second Wind',
  'Evergreen', 'Blue Heron', 'Silver Creek', 'Oak Hollow', 'Sunrise', 'Beacon Hill', 'Compass Rose',
  'Turning Point', 'Fresh Start', 'Hope Street', 'Lighthouse', 'Red Rock', 'Granite Peak', 'Keystone',
  'Crossroads', 'Riverside', 'Magnolia', 'Aspen Grove', 'Juniper', 'Morning Star', 'Safe Harbor',
  'True North', 'Cornerstone', 'Meadowbrook', 'High Desert', 'Golden Gate', 'Prairie Wind', 'Bayview',
  'Ironwood', 'Maple Leaf', 'Tidewater', 'Copper Canyon', 'Hillcrest', 'Brightside', 'Kindred Path',
  'Steady Ground', 'Anchor Point', 'Seven Oaks', 'Blue Ridge', 'Sandstone', 'Redwood', 'Harmony House',
];

const SERVICE_WORDS: Record<LevelOfCare, readonly string[]> = {
  detox: ['Detox', 'Medical Detox', 'Detox & Recovery', 'Withdrawal Management Center'],
  hospital_inpatient: ['Behavioral Hospital', 'Medical Center Addiction Unit', 'Hospital Recovery Unit'],
  residential: ['Recovery Center', 'Treatment Center', 'Rehab', 'Recovery Ranch', 'Residential Treatment'],
  php: ['Day Treatment', 'Behavioral Health', 'Partial Hospitalization Program', 'Treatment Services'],
  iop: ['Intensive Outpatient', 'Recovery Center', 'Behavioral Health', 'IOP', 'Outpatient Recovery'],
  outpatient: ['Counseling', 'Counseling Services', 'Wellness Center', 'Behavioral Health', 'Outpatient Clinic', 'Addiction Services'],
  otp: ['Opioid Treatment Program', 'Comprehensive Treatment Center', 'Methadone Clinic', 'Medication Recovery Clinic'],
  sober_living: ['Sober Living', 'Recovery Residence', 'Sober House', 'Recovery Homes'],
};

const SPANISH_BRANDS = ['Nueva Esperanza', 'Renacer', 'Nueva Vida', 'Camino Nuevo', 'Familias Unidas', 'Puerta Abierta', 'Sol Naciente', 'Raíces', 'Luz del Valle', 'Corazón Sano'];
const SPANISH_PATTERNS = [
  (b: string) => `Centro de Recuperación ${b}`,
  (b: string) => `Programa ${b}`,
  (b: string) => `Clínica ${b}`,
  (b: string) => `${b} Outpatient`,
  (b: string) => `Casa ${b}`,
  (b: string) => `Centro Familiar ${b}`,
];

const SPANISH_WORDS = /\b(Centro|Programa|Clínica|Casa|Nueva|Renacer|Camino|Familias|Puerta|Raíces|Corazón|Esperanza|Vida)\b/;

/** True for the names built from the Spanish word lists. */
export const isSpanishName = (name: string) => SPANISH_WORDS.test(name);

export function centerName(rng: Random, levels: readonly LevelOfCare[], spanish: boolean): string {
  if (spanish) return rng.pick(SPANISH_PATTERNS)(rng.pick(SPANISH_BRANDS));
  const service = rng.pick(SERVICE_WORDS[rng.pick(levels)]);
  return `${rng.pick(BRANDS)} ${service}`;
}

const LEVEL_PHRASES: Record<LevelOfCare, string> = {
  detox: 'medically monitored detox',
  hospital_inpatient: 'hospital inpatient care',
  residential: 'residential treatment',
  php: 'partial hospitalization (day treatment)',
  iop: 'intensive outpatient (IOP) groups',
  outpatient: 'outpatient counseling',
  otp: 'an opioid treatment program with methadone and buprenorphine',
  sober_living: 'a supportive sober living residence',
};

const listPhrase = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const SPANISH_LEVEL_PHRASES: Record<LevelOfCare, string> = {
  detox: 'desintoxicación', hospital_inpatient: 'hospitalización', residential: 'tratamiento residencial',
  php: 'hospitalización parcial', iop: 'programa ambulatorio intensivo', outpatient: 'consejería ambulatoria',
  otp: 'tratamiento con metadona y buprenorfina', sober_living: 'vivienda de recuperación',
};

export function describeCenter(c: {
  name: string; city: string; levels: readonly LevelOfCare[]; populations: readonly Population[];
  medications: readonly string[]; languages: readonly string[]; evening: boolean;
}): string {
  if (!c.languages.includes('en')) {
    const levels = c.levels.map((l) => SPANISH_LEVEL_PHRASES[l]);
    const list = levels.length <= 1 ? levels.join('') : `${levels.slice(0, -1).join(', ')} y ${levels[levels.length - 1]}`;
    return `${c.name} ofrece ${list} en ${c.city}. Atención solo en español.`;
  }
  const who = c.populations.includes('adolescents') && !c.populations.includes('adults') ? 'teens and their families'
    : c.populations.includes('women') && !c.populations.includes('men') ? 'women'
      : c.populations.includes('men') && !c.populations.includes('women') ? 'men' : 'adults';
  let text = `${c.name} offers ${listPhrase(c.levels.map((l) => LEVEL_PHRASES[l]))} for ${who} in ${c.city}.`;
  if (c.populations.includes('co_occurring')) text += ' Dual-diagnosis care for co-occurring mental health conditions.';
  if (c.evening) text += ' Evening groups fit around work schedules.';
  if (c.medications.includes('buprenorphine') && !c.levels.includes('otp')) text += ' Buprenorphine (Suboxone) is prescribed on site.';
  if (c.languages.includes('es')) text += ' Se habla español.';
  return text;
}

/** A DNS-safe label from a name: "Clínica Renacer" → "clinica-renacer". */
export const slugify = (name: string) =>
  name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50).replace(/-$/, '');
