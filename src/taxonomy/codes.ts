/**
 * The published code lists of the domain (docs/domain.md, "Codes"). Codes never change meaning;
 * labels may be reworded. Everything that validates or filters by code reads from here.
 */

export const LEVELS_OF_CARE = {
  detox: { label: 'Withdrawal management (detox)', asam: '1-WM … 4-WM', samhsa: ['DT', 'HID', 'RD', 'OD'] },
  hospital_inpatient: { label: 'Hospital inpatient', asam: '4', samhsa: ['HI', 'HIT'] },
  residential: { label: 'Residential (inpatient rehab)', asam: '3.1–3.7', samhsa: ['RES', 'RS', 'RL'] },
  php: { label: 'Partial hospitalization / day treatment', asam: '2.5', samhsa: ['ODT', 'PHDT'] },
  iop: { label: 'Intensive outpatient', asam: '2.1', samhsa: ['OIT'] },
  outpatient: { label: 'Outpatient', asam: '1', samhsa: ['OP', 'ORT'] },
  otp: { label: 'Opioid treatment program (methadone clinic)', asam: 'OTP', samhsa: ['OTP'] },
  sober_living: { label: 'Recovery residence / sober living', asam: null, samhsa: ['HH'] },
} as const;

export const MODALITIES = {
  cbt: 'Cognitive behavioral therapy',
  dbt: 'Dialectical behavior therapy',
  mi: 'Motivational interviewing',
  twelve_step: '12-step facilitation',
  family: 'Family / couples therapy',
  mat: 'Medication for addiction treatment',
  contingency_management: 'Contingency management',
  relapse_prevention: 'Relapse prevention',
  trauma: 'Trauma-focused therapy',
  emdr: 'Eye movement desensitization and reprocessing (EMDR)',
  group: 'Group therapy',
  individual: 'Individual therapy',
  psychoeducation: 'Educational workshops',
  peer_support: 'Peer support',
  matrix_model: 'Matrix model',
  experiential: 'Art / music / recreation therapy',
  neurofeedback: 'Neurofeedback',
  drug_testing: 'Drug testing',
} as const;

export const MEDICATIONS = {
  buprenorphine: 'Buprenorphine (e.g. Suboxone)',
  methadone: 'Methadone',
  naltrexone: 'Naltrexone (e.g. Vivitrol)',
  acamprosate: 'Acamprosate',
  disulfiram: 'Disulfiram',
  naloxone: 'Naloxone',
} as const;

export const PAYERS = {
  medicaid: 'Medicaid',
  medicare: 'Medicare',
  private: 'Private (commercial) insurance',
  self_pay: 'Self-pay (cash)',
  sliding_scale: 'Sliding-scale fees',
  tricare: 'TRICARE (military)',
  ihs: 'IHS / tribal / urban Indian health',
  state_funded: 'State-funded',
  free: 'Free of charge',
} as const;

/** Named commercial insurers; open-ended, but a code must be listed here to be accepted. */
export const INSURERS = {
  aetna: 'Aetna',
  anthem: 'Anthem',
  bcbs: 'Blue Cross Blue Shield',
  cigna: 'Cigna',
  humana: 'Humana',
  kaiser: 'Kaiser Permanente',
  optum: 'Optum',
  united: 'UnitedHealthcare',
  molina: 'Molina Healthcare',
  centene: 'Centene / Ambetter',
  magellan: 'Magellan Health',
  beacon: 'Beacon Health Options (Carelon)',
  tricare_east: 'Humana Military (TRICARE East)',
  healthnet: 'Health Net',
  oscar: 'Oscar Health',
} as const;

export const POPULATIONS = {
  adults: 'Adults',
  adolescents: 'Adolescents',
  young_adults: 'Young adults',
  seniors: 'Seniors / older adults',
  women: 'Women',
  men: 'Men',
  veterans: 'Veterans',
  lgbtq: 'LGBTQ+',
  pregnant_postpartum: 'Pregnant or postpartum people',
  criminal_justice: 'People involved with the criminal justice system',
  co_occurring: 'Co-occurring mental health and substance use (dual diagnosis)',
} as const;

/** ISO 639-1 codes offered in the taxonomy. */
export const LANGUAGES = {
  en: 'English', es: 'Spanish', zh: 'Chinese', vi: 'Vietnamese', ru: 'Russian', ar: 'Arabic',
  ko: 'Korean', tl: 'Tagalog', fr: 'French', ht: 'Haitian Creole', pt: 'Portuguese', pl: 'Polish',
  hi: 'Hindi', ur: 'Urdu', fa: 'Persian', so: 'Somali', am: 'Amharic', ja: 'Japanese',
  de: 'German', it: 'Italian', hmn: 'Hmong', asl: 'American Sign Language',
} as const;

/** What a center treats: substances, behaviours and mental-health conditions (docs/domain.md). */
export const CONDITIONS = {
  alcohol: 'Alcohol',
  opioids: 'Opioids (heroin, fentanyl, prescription painkillers)',
  stimulants: 'Stimulants (cocaine, methamphetamine)',
  cannabis: 'Cannabis',
  benzodiazepines: 'Benzodiazepines (sedatives)',
  nicotine: 'Nicotine / tobacco',
  gambling: 'Gambling',
  depression: 'Depression',
  anxiety: 'Anxiety',
  trauma_ptsd: 'Trauma / PTSD',
  bipolar: 'Bipolar disorder',
  psychosis: 'Psychosis / schizophrenia',
  eating_disorders: 'Eating disorders',
} as const;

/** What makes a center reachable and usable (docs/domain.md). */
export const ACCESSIBILITY = {
  wheelchair: 'Wheelchair accessible',
  sign_language: 'ASL / sign-language interpreters',
  near_transit: 'Near public transit',
  transportation: 'Transportation provided',
  childcare: 'Childcare available',
} as const;

export const AVAILABILITY_STATUSES = ['open', 'waitlist', 'full'] as const;
/** Who reported an availability entry (server-set). */
export const REPORTERS = ['center', 'staff', 'admin', 'import'] as const;

export const STATUSES = ['active', 'temporarily_closed', 'closed'] as const;
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const SESSION_FORMATS = ['in_person', 'telehealth', 'hybrid'] as const;
export const PRICE_UNITS = ['day', 'week', 'session', 'hour', 'episode'] as const;
export const PRICE_TYPES = ['cash', 'billed_charge'] as const;
export const SCHEDULE_TAGS = ['morning', 'afternoon', 'evening', 'weekend'] as const;
/** "Inpatient care" in cost comparisons. */
export const INPATIENT_LEVELS = ['residential', 'hospital_inpatient'] as const;

type Keys<T> = Extract<keyof T, string>;
export type LevelOfCare = Keys<typeof LEVELS_OF_CARE>;
export type Modality = Keys<typeof MODALITIES>;
export type Medication = Keys<typeof MEDICATIONS>;
export type Payer = Keys<typeof PAYERS>;
export type Insurer = Keys<typeof INSURERS>;
export type Population = Keys<typeof POPULATIONS>;
export type Language = Keys<typeof LANGUAGES>;
export type Condition = Keys<typeof CONDITIONS>;
export type Access = Keys<typeof ACCESSIBILITY>;
export type AvailabilityStatus = (typeof AVAILABILITY_STATUSES)[number];
export type Reporter = (typeof REPORTERS)[number];
export type Status = (typeof STATUSES)[number];
export type Day = (typeof DAYS)[number];
export type SessionFormat = (typeof SESSION_FORMATS)[number];
export type PriceUnit = (typeof PRICE_UNITS)[number];
export type PriceType = (typeof PRICE_TYPES)[number];
export type ScheduleTag = (typeof SCHEDULE_TAGS)[number];

const keys = <T extends object>(o: T) => Object.keys(o) as [Keys<T>, ...Keys<T>[]];

/** The multi-valued code fields of a center, with the codes each accepts. */
export const CODE_FIELDS = {
  levels_of_care: keys(LEVELS_OF_CARE),
  modalities: keys(MODALITIES),
  medications: keys(MEDICATIONS),
  payers: keys(PAYERS),
  insurers: keys(INSURERS),
  populations: keys(POPULATIONS),
  languages: keys(LANGUAGES),
  conditions: keys(CONDITIONS),
  accessibility: keys(ACCESSIBILITY),
} as const;
export type CodeField = keyof typeof CODE_FIELDS;
