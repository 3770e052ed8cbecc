import {
  LEVELS_OF_CARE, type Access, type Condition, type Language, type LevelOfCare, type Medication, type Modality, type Payer, type Population,
} from '../taxonomy/codes';

/**
 * The crosswalk from FindTreatment.gov (SAMHSA locator) service codes to the directory's
 * codes. SAMHSA publishes no machine-readable code list, so this table holds only codes whose
 * meaning is established (the locator's labels, the National Directory legends); anything
 * else is matched by its label text (LABEL_RULES), or reported back as unmapped.
 * An empty list marks a known code the directory has no field for (dropped on purpose).
 */
export type Ref =
  | `levels_of_care:${LevelOfCare}` | `modalities:${Modality}` | `medications:${Medication}`
  | `payers:${Payer}` | `populations:${Population}` | `languages:${Language}`
  | `accreditations:${string}` | 'telehealth' | `conditions:${Condition}` | `accessibility:${Access}`;

const none: readonly Ref[] = [];
const ignore = (codes: string) => Object.fromEntries(codes.split(' ').map((c) => [c, none]));

/** Levels of care come from the published crosswalk in taxonomy/codes.ts, nowhere else. */
const LEVEL_CODES: Record<string, readonly Ref[]> = Object.fromEntries(
  Object.entries(LEVELS_OF_CARE).flatMap(([level, l]) => l.samhsa.map((code) => [code, [`levels_of_care:${level}` as Ref]])),
);

const OTHER_CODES: Record<string, readonly Ref[]> = {
  // Type of care. SA / MH say which locator the row came from.
  SUMH: ['populations:co_occurring'], TELE: ['telehealth'],
  ...ignore('SA MH TX OMB'), // OMB: outpatient medication treatment; the medications have their own codes
  // Opioid treatment (SA locator)
  MU: ['medications:methadone'], MM: ['medications:methadone'], MMW: ['medications:methadone'], DM: ['medications:methadone'],
  BU: ['medications:buprenorphine'], BUM: ['medications:buprenorphine'], BMW: ['medications:buprenorphine'],
  DB: ['medications:buprenorphine'], UB: ['medications:buprenorphine'],
  NU: ['medications:naltrexone'], UN: ['medications:naltrexone'], RPN: ['medications:naltrexone'],
  ...ignore('MOA NMOA PAIN NOOP'),
  // Pharmacotherapies
  METH: ['medications:methadone'], BSDM: ['medications:buprenorphine'], BWN: ['medications:buprenorphine'],
  BWON: ['medications:buprenorphine'], BERI: ['medications:buprenorphine'], NXN: ['medications:naltrexone'],
  VTRL: ['medications:naltrexone'], ACM: ['medications:acamprosate'], DSF: ['medications:disulfiram'],
  ...ignore('LFXD CLND MPD MHIV MHCV NRT NSC ANTPYCH CHLOR DROPE FLUPH HALOP LOXAP PERPH PIMOZ PROCH THIOT THIOR'),
  ...ignore('TRIFL ARIPI ASENA BREXP CARIP CLOZA ILOPE LURAS OLANZ OLANZF PALIP QUETI RISPE ZIPRA'),
  // Treatment approaches and counseling
  CBT: ['modalities:cbt'], DBT: ['modalities:dbt'], MOTI: ['modalities:mi'], TWFA: ['modalities:twelve_step'],
  CMI: ['modalities:contingency_management'], CRV: ['modalities:contingency_management'], // community reinforcement + vouchers
  RELP: ['modalities:relapse_prevention'], TRC: ['modalities:trauma'], MXM: ['modalities:matrix_model'],
  EMDR: ['modalities:emdr'], CFT: ['modalities:family'], FCO: ['modalities:family'], MCO: ['modalities:family'],
  GT: ['modalities:group'], GCO: ['modalities:group'], IPT: ['modalities:individual'], ICO: ['modalities:individual'],
  AT: ['modalities:experiential'], PEER: ['modalities:peer_support'], FPSY: ['modalities:psychoeducation'],
  IDD: ['populations:co_occurring'],
  ...ignore('ANG BIA REBT SACA CRT ECT KIT TMS AIM'),
  // Payment, insurance, funding; payment assistance
  MD: ['payers:medicaid'], MC: ['payers:medicare'], PI: ['payers:private'], SF: ['payers:self_pay'],
  MI: ['payers:tricare'], ITU: ['payers:ihs'], IHS: ['payers:ihs'], NP: ['payers:free'],
  SI: ['payers:state_funded'], OSF: ['payers:state_funded'], SMHA: ['payers:state_funded'], SCJJ: ['payers:state_funded'],
  SEF: ['payers:state_funded'], SWFS: ['payers:state_funded'],
  FSA: ['payers:state_funded'], // "Federal, or any government funding for substance use programs": public funding for the uninsured
  SS: ['payers:sliding_scale'], PA: ['payers:sliding_scale'], // PA "payment assistance": reduced fees, ask the center
  ...ignore('CLF CMHG CSBG FG PCF VAF'),
  // Special programs, age groups
  ADLT: ['populations:adults'], AD: ['populations:adolescents'], CHLD: ['populations:adolescents'], SED: ['populations:adolescents'],
  YAD: ['populations:young_adults'], TAY: ['populations:young_adults'], SNR: ['populations:seniors'], SE: ['populations:seniors'],
  WN: ['populations:women'], MN: ['populations:men'], PW: ['populations:pregnant_postpartum'], VET: ['populations:veterans'],
  GL: ['populations:lgbtq'], CJ: ['populations:criminal_justice'], CO: ['populations:co_occurring'],
  ...ignore('ADM MF HV XA DV TBI ALZ PED PEFP SMI'),
  // Language services (F codes: the locator's numbered language list)
  SP: ['languages:es'], AH: ['languages:asl', 'accessibility:sign_language'], F4: ['languages:ar'], F17: ['languages:zh'], F25: ['languages:fa'],
  F28: ['languages:fr'], F30: ['languages:de'], F36: ['languages:hi'], F37: ['languages:hmn'], F42: ['languages:it'],
  F43: ['languages:ja'], F47: ['languages:ko'], F66: ['languages:pl'], F67: ['languages:pt'], F70: ['languages:ru'],
  F81: ['languages:tl'], F92: ['languages:vi'],
  ...ignore('FX NX F19 F31 F35 N24 N40'), // F19 "Creole" does not say which
  // License / certification / accreditation
  JC: ['accreditations:joint_commission'], CARF: ['accreditations:carf'], NCQA: ['accreditations:ncqa'],
  COA: ['accreditations:coa'], HFAP: ['accreditations:hfap'],
  ...ignore('STAG STMH STDH HLA FQHC MHC'),
  // Ancillary services, testing: only the ones the directory has a modality for
  ...ignore('CM HS TCC ACT AOT CDM COOT DEC ICM IMR LAD PRS SEMP SH TPC VRS IPC SPS ES STU HIVT STDT TBS MST HBT HCT LABT'),
};

/**
 * Substance-specific detox services name the substance (conditions), and special programs for
 * PTSD / trauma a mental-health condition. Plain "co-occurring" says that a center treats mental
 * health with substance use but not which condition: it stays populations:co_occurring.
 */
const CONDITION_CODES: Record<string, readonly Ref[]> = {
  ADTX: ['levels_of_care:detox', 'conditions:alcohol'], ODTX: ['levels_of_care:detox', 'conditions:opioids'],
  BDTX: ['levels_of_care:detox', 'conditions:benzodiazepines'], CDTX: ['levels_of_care:detox', 'conditions:stimulants'],
  MDTX: ['levels_of_care:detox', 'conditions:stimulants'],
  PTSD: ['conditions:trauma_ptsd'], TRMA: ['conditions:trauma_ptsd'],
};

export const SERVICE_CODES: Readonly<Record<string, readonly Ref[]>> = { ...OTHER_CODES, ...LEVEL_CODES, ...CONDITION_CODES };

/** Facts read from any label, in addition to what its code or LABEL_RULES map it to. */
export const FACT_LABEL_RULES: readonly (readonly [RegExp, Ref])[] = [
  [/alcohol (detox|withdrawal)/i, 'conditions:alcohol'],
  [/opioid (detox|withdrawal)|opioid use disorder/i, 'conditions:opioids'],
  [/benzodiazepine/i, 'conditions:benzodiazepines'],
  [/cocaine|methamphetamine|stimulant/i, 'conditions:stimulants'],
  [/post-traumatic stress|\bptsd\b/i, 'conditions:trauma_ptsd'],
  [/eating disorder/i, 'conditions:eating_disorders'],
  [/gambling/i, 'conditions:gambling'],
  [/tobacco|nicotine|smoking cessation/i, 'conditions:nicotine'],
  [/wheelchair|ada accessible|handicap(ped)? access/i, 'accessibility:wheelchair'],
  [/transportation (assistance|services|provided)/i, 'accessibility:transportation'],
  [/child ?care/i, 'accessibility:childcare'],
  [/sign language|\basl\b/i, 'accessibility:sign_language'],
];

/** Categories (f1) with no directory field at all: their unknown codes are not reported. */
export const IGNORED_CATEGORIES =
  /^(facility (operation|smoking|type)|gender|exclusive|emergency|assessment|transitional|medical services|tobacco|other addictions|hospitals)/i;

const lang = (names: string, code: Language): [RegExp, Ref] => [new RegExp(`^(any )?(${names})\\b`, 'i'), `languages:${code}`];

/** For codes not in the table: the first rule whose pattern matches the label wins. */
export const LABEL_RULES: readonly (readonly [RegExp, Ref])[] = [
  [/detox|withdrawal management/i, 'levels_of_care:detox'],
  [/hospital inpatient|inpatient hospital/i, 'levels_of_care:hospital_inpatient'],
  [/partial hospitali[sz]ation|day treatment/i, 'levels_of_care:php'],
  [/intensive outpatient/i, 'levels_of_care:iop'],
  [/opioid treatment program/i, 'levels_of_care:otp'],
  [/halfway house|sober (home|living)|recovery residence/i, 'levels_of_care:sober_living'],
  [/residential/i, 'levels_of_care:residential'],
  [/^(regular )?outpatient( treatment)?$/i, 'levels_of_care:outpatient'],
  [/buprenorphine|suboxone|subutex|sublocade|zubsolv/i, 'medications:buprenorphine'],
  [/methadone/i, 'medications:methadone'],
  [/naltrexone|vivitrol/i, 'medications:naltrexone'],
  [/acamprosate|campral/i, 'medications:acamprosate'],
  [/disulfiram|antabuse/i, 'medications:disulfiram'],
  [/^naloxone|narcan/i, 'medications:naloxone'],
  [/cognitive behavio/i, 'modalities:cbt'],
  [/dialectical behavio/i, 'modalities:dbt'],
  [/motivational interview/i, 'modalities:mi'],
  [/12-step|twelve[- ]step/i, 'modalities:twelve_step'],
  [/contingency management|motivational incentive/i, 'modalities:contingency_management'],
  [/relapse prevention/i, 'modalities:relapse_prevention'],
  [/eye movement desensiti[sz]ation|\bemdr\b/i, 'modalities:emdr'],
  [/trauma-(related|focused)|trauma therapy/i, 'modalities:trauma'],
  [/matrix model/i, 'modalities:matrix_model'],
  [/couples|marital|family (therapy|counseling)/i, 'modalities:family'],
  [/group (therapy|counseling)/i, 'modalities:group'],
  [/individual (psycho)?therapy|individual counseling/i, 'modalities:individual'],
  [/peer support|peer mentoring|mentoring\/peer/i, 'modalities:peer_support'],
  [/psychoeducation|substance (use|abuse) (disorder )?education/i, 'modalities:psychoeducation'],
  [/(drug|alcohol) (urine )?(screening|testing)|urine screening|breathalyzer|blood alcohol/i, 'modalities:drug_testing'],
  [/activity therapy|art therapy|music therapy|recreation(al)? therapy/i, 'modalities:experiential'],
  [/neurofeedback/i, 'modalities:neurofeedback'],
  [/state-financed|state-funded|state .*funds/i, 'payers:state_funded'],
  [/medicaid/i, 'payers:medicaid'],
  [/medicare/i, 'payers:medicare'],
  [/military insurance|tricare/i, 'payers:tricare'],
  [/\bihs\b|indian health|tribal\/urban/i, 'payers:ihs'],
  [/private health insurance|commercial (health )?insurance/i, 'payers:private'],
  [/self-pay/i, 'payers:self_pay'],
  [/sliding fee|sliding scale|payment assistance/i, 'payers:sliding_scale'],
  [/no payment accepted|free of charge/i, 'payers:free'],
  [/pregnant|postpartum/i, 'populations:pregnant_postpartum'],
  [/lgbt|lesbian|gay|transgender/i, 'populations:lgbtq'],
  [/veteran/i, 'populations:veterans'],
  [/criminal justice|forensic/i, 'populations:criminal_justice'],
  [/co-occurring|dual diagnosis/i, 'populations:co_occurring'],
  [/young adult/i, 'populations:young_adults'],
  [/adolescent|children|youth/i, 'populations:adolescents'],
  [/senior|older adult/i, 'populations:seniors'],
  [/\bwomen\b/i, 'populations:women'],
  [/\bmen\b/i, 'populations:men'],
  [/^adults?$/i, 'populations:adults'],
  [/telemedicine|telehealth/i, 'telehealth'],
  [/joint commission/i, 'accreditations:joint_commission'],
  [/\bcarf\b|commission on accreditation of rehabilitation/i, 'accreditations:carf'],
  [/\bncqa\b|national committee for quality assurance/i, 'accreditations:ncqa'],
  [/council on accreditation/i, 'accreditations:coa'],
  [/\bhfap\b|healthcare facilities accreditation/i, 'accreditations:hfap'],
  lang('spanish', 'es'), lang('sign language|american sign language', 'asl'), lang('arabic', 'ar'),
  lang('chinese|mandarin|cantonese', 'zh'), lang('vietnamese', 'vi'), lang('russian', 'ru'), lang('korean', 'ko'),
  lang('tagalog|filipino', 'tl'), lang('haitian', 'ht'), lang('french', 'fr'), lang('portuguese', 'pt'),
  lang('polish', 'pl'), lang('hindi', 'hi'), lang('urdu', 'ur'), lang('farsi|persian', 'fa'), lang('somali', 'so'),
  lang('amharic', 'am'), lang('japanese', 'ja'), lang('german', 'de'), lang('italian', 'it'), lang('hmong', 'hmn'),
];
