import { CenterInputSchema } from '../../../src/centers/center-schema';
import { LEVELS_OF_CARE } from '../../../src/taxonomy/codes';
import { mapFindTreatmentRow, sourceIdOf, type FindTreatmentRow } from '../../../src/imports/findtreatment';
import sample from '../../../seed/fixtures/findtreatment-sample.json';

const rows = sample as FindTreatmentRow[];
const byName = (name: string) => mapFindTreatmentRow(rows.find((r) => r.name1 === name)!);
const base: FindTreatmentRow = {
  name1: 'Test Facility', street1: '1 Main St', city: 'Troy', state: 'NY', zip: '12180', latitude: '42.73', longitude: '-73.69',
};
const withServices = (...services: [string, string, string][]) =>
  mapFindTreatmentRow({ ...base, services: services.map(([f1, f2, f3]) => ({ f1, f2, f3 })) });

describe('conditions and access from the locator', () => {
  it('substance-specific detox services give the detox level and the substance; PTSD programs a condition', () => {
    const { input, unmapped } = withServices(
      ['Type of Care', 'ADTX ODTX BDTX CDTX', 'Alcohol Detoxification; Opioid Detoxification; Benzodiazepines Detoxification; Cocaine Detoxification'],
      ['Special Programs/Groups Offered', 'PTSD', 'Persons with post-traumatic stress disorder (PTSD)'],
    );
    expect(input.levels_of_care).toEqual(['detox']);
    expect(input.conditions).toEqual(['alcohol', 'opioids', 'stimulants', 'benzodiazepines', 'trauma_ptsd']);
    expect(unmapped).toEqual([]);
  });

  it('reads substances and access from labels of unknown codes', () => {
    const { input, unmapped } = withServices(
      ['Type of Care', 'XDT', 'Methamphetamine detoxification'],
      ['Ancillary Services', 'TRA ZZW', 'Transportation assistance; Wheelchair accessible'],
    );
    expect(input.conditions).toEqual(['stimulants']);
    expect(input.accessibility).toEqual(['wheelchair', 'transportation']);
    expect(unmapped).toEqual([]);
  });

  it('plain co-occurring care names no condition: it stays a population', () => {
    const { input } = withServices(['Type of Care', 'SUMH', 'Co-occurring mental and substance use disorders']);
    expect(input.populations).toEqual(['co_occurring']);
    expect(input.conditions).toBeUndefined();
  });
});

describe('the sample fixture', () => {
  it('has 8 fictional facilities of both locators', () => {
    expect(rows.map((r) => r.typeFacility)).toEqual(['SA', 'SA', 'MH', 'SA', 'SA', 'SA', 'MH', 'SA']);
  });

  it.each(rows.map((r) => [r.name1, r] as const))('%s maps to a valid center', (_name, row) => {
    const { input } = mapFindTreatmentRow(row);
    expect(CenterInputSchema.safeParse(input).error).toBeUndefined();
  });

  it('OTP with methadone (SA): crosswalk levels, medications from many codes, MAT, Joint Commission, https:// added, ZIP+4 cut', () => {
    expect(byName('Riverbend Opioid Treatment Center')).toStrictEqual({
      input: {
        name: 'Riverbend Opioid Treatment Center', phone: '718-555-0190', website: 'https://www.riverbend-otp.example.org',
        address: { line1: '410 Concourse Avenue', line2: '2nd Floor', city: 'Bronx', state: 'NY', postal_code: '10451' },
        location: { lat: 40.8198, lng: -73.9229 },
        levels_of_care: ['detox', 'outpatient', 'otp'],
        modalities: ['cbt', 'mi', 'mat', 'relapse_prevention'],
        medications: ['buprenorphine', 'methadone', 'naltrexone'],
        payers: ['medicaid', 'medicare', 'private', 'self_pay', 'sliding_scale'],
        populations: ['adults', 'seniors'], languages: ['en', 'es'], telehealth: false, accreditations: ['joint_commission'],
        source: 'findtreatment', source_id: '042896dc1966b8a6214e5383aba5b8b931cfa049d17aafa37eb8a77c859b95da',
      },
      unmapped: [], warnings: [],
    });
  });

  it('residential + detox for women, Spanish, TRICARE and payment assistance; name2 becomes the description', () => {
    expect(byName('Casa Esperanza Recovery')).toStrictEqual({
      input: {
        name: 'Casa Esperanza Recovery', description: "Women's Residential Program", phone: '(915) 555-0148',
        website: 'https://casaesperanza.example.org',
        address: { line1: '2201 Alameda Street', city: 'El Paso', state: 'TX', postal_code: '79901' },
        location: { lat: 31.7587, lng: -106.4869 },
        levels_of_care: ['detox', 'residential'],
        modalities: ['cbt', 'mi', 'twelve_step', 'mat', 'relapse_prevention', 'trauma', 'matrix_model'],
        medications: ['naltrexone', 'acamprosate', 'disulfiram'],
        payers: ['private', 'self_pay', 'sliding_scale', 'tricare'],
        populations: ['adults', 'young_adults', 'women', 'pregnant_postpartum', 'co_occurring'],
        languages: ['en', 'es'], conditions: ['trauma_ptsd'], telehealth: false, accreditations: ['carf'],
        source: 'findtreatment', source_id: 'dba0082ec68e72d47fa926dcc91fb9b00961ceb4342554a0c2aa567144a5a6d3',
      },
      unmapped: [], warnings: [],
    });
  });

  it('mental-health facility: PHP, telehealth, state-financed insurance, sign language and Chinese; http:// kept', () => {
    expect(byName('Lakeside Behavioral Health')).toStrictEqual({
      input: {
        name: 'Lakeside Behavioral Health', phone: '608-555-0111', website: 'http://lakeside-bh.example.org',
        address: { line1: '88 Shoreline Drive', line2: 'Building C', city: 'Madison', state: 'WI', postal_code: '53703' },
        location: { lat: 43.0747, lng: -89.3841 },
        levels_of_care: ['php', 'outpatient'],
        modalities: ['cbt', 'dbt', 'family', 'group', 'individual'], medications: [],
        payers: ['medicaid', 'medicare', 'private', 'self_pay', 'state_funded'],
        populations: ['adults', 'adolescents', 'young_adults', 'veterans', 'lgbtq', 'co_occurring'],
        languages: ['en', 'es', 'zh', 'asl'], accessibility: ['sign_language'], telehealth: true, accreditations: [],
        source: 'findtreatment', source_id: 'dfd5922f5aa9441e95d21ed58bb9f2209a004912a1232e89f75f725bd37f3d4a',
      },
      unmapped: [], warnings: [],
    });
  });

  it('Medicaid-only IOP with no website', () => {
    expect(byName('Northside Intensive Outpatient Clinic')).toStrictEqual({
      input: {
        name: 'Northside Intensive Outpatient Clinic', phone: '312-555-0175',
        address: { line1: '1500 W Division Street', line2: 'Suite 210', city: 'Chicago', state: 'IL', postal_code: '60642' },
        location: { lat: 41.9034, lng: -87.666 },
        levels_of_care: ['iop', 'outpatient'], modalities: ['cbt', 'contingency_management'], medications: [],
        payers: ['medicaid'], populations: ['adults'], languages: ['en'], telehealth: false, accreditations: [],
        source: 'findtreatment', source_id: '8c09b37123eb0d9dcec63788149e576b1614ed481ad002512d0a47a09cbf59fc',
      },
      unmapped: [], warnings: [],
    });
  });

  it('sober home without coordinates: location left for the geocoder, lost ZIP zero restored, state upper-cased', () => {
    expect(byName('Green Mountain Sober House')).toStrictEqual({
      input: {
        name: 'Green Mountain Sober House', phone: '802-555-0133', website: 'https://greenmountainsober.example.org',
        address: { line1: '12 Elliot Street', city: 'Brattleboro', state: 'VT', postal_code: '05301' },
        levels_of_care: ['sober_living'], modalities: ['peer_support'], medications: [],
        payers: ['self_pay'], populations: ['adults', 'men'], languages: ['en'], telehealth: false, accreditations: [],
        source: 'findtreatment', source_id: 'c1db13ab836db24060490c83b83c089adb1ce9e6e1899d81e02d398cec22e6b1',
      },
      unmapped: [],
      warnings: ['no latitude/longitude: the server geocodes from the ZIP code', 'zip "5301" padded to "05301" (leading zeros lost)'],
    });
  });

  it('unknown codes are reported (not dropped), a known label still maps, bad phone/website/coordinates are dropped', () => {
    expect(byName('Mountain View Treatment Center')).toStrictEqual({
      input: {
        name: 'Mountain View Treatment Center',
        address: { line1: '900 Ridge Road', city: 'Asheville', state: 'NC', postal_code: '28801' },
        levels_of_care: ['iop', 'outpatient'], modalities: ['cbt', 'mat'], medications: ['buprenorphine'],
        payers: ['private', 'self_pay', 'free'], populations: ['adults'], languages: ['en'], telehealth: false, accreditations: [],
        source: 'findtreatment', source_id: '01dc6054f16adcd6557fd9261016d679b2b3ad2b4b1da6d19449e8ebe02697bf',
      },
      unmapped: ['ZEQT (Equine-assisted therapy)', 'ACU (Acupuncture)'],
      warnings: [
        'phone "not listed" is not a phone number: dropped',
        'website "not a website" is not a valid http(s) URL: dropped',
        'latitude/longitude "0", "0" are not valid coordinates: dropped, the server geocodes from the ZIP code',
      ],
    });
  });

  it('hospital psychiatric unit without frid: hashed source_id, IHS funds, Russian and French, 9-digit ZIP', () => {
    const row = rows.find((r) => r.name1 === 'St. Brigid Hospital')!;
    expect(mapFindTreatmentRow(row)).toStrictEqual({
      input: {
        name: 'St. Brigid Hospital', description: 'Inpatient Psychiatric Unit', phone: '805-555-0160',
        website: 'https://stbrigid.example.org/psychiatry',
        address: { line1: '3300 Harbor Boulevard', city: 'Oxnard', state: 'CA', postal_code: '93030' },
        location: { lat: 34.1975, lng: -119.1771 },
        levels_of_care: ['hospital_inpatient'], modalities: [], medications: [],
        payers: ['medicaid', 'medicare', 'private', 'ihs'], populations: ['adults', 'seniors'],
        languages: ['en', 'es', 'ru', 'fr'], telehealth: false, accreditations: ['joint_commission'],
        source: 'findtreatment', source_id: sourceIdOf(row),
      },
      unmapped: [], warnings: [],
    });
    expect(sourceIdOf(row)).toMatch(/^h-[0-9a-f]{16}$/);
  });

  it('older export with one group code per category: labels map on their own, the group codes are reported', () => {
    expect(byName('Old Mill Counseling Services')).toStrictEqual({
      input: {
        name: 'Old Mill Counseling Services', phone: '978-555-0102 ext. 4', website: 'https://oldmill.example.org',
        address: { line1: '45 Mill Street', city: 'Lowell', state: 'MA', postal_code: '01852' },
        location: { lat: 42.6459, lng: -71.3106 },
        levels_of_care: ['iop', 'outpatient'], modalities: ['mat'], medications: ['buprenorphine', 'naloxone'],
        payers: ['medicaid', 'private'], populations: [], languages: ['en'], telehealth: false, accreditations: [],
        source: 'findtreatment', source_id: 'f3bc822097333cae6697b15854e917ef62e98a4a6a6be0ca0cc616912f3dea9a',
      },
      unmapped: ['TC (Substance use treatment)', 'SET', 'PHR', 'PAY'],
      warnings: [
        'services "Service Setting (e.g., Outpatient, Residential, Inpatient, etc.)": 1 codes but 2 labels; mapped each on its own',
        'services "Pharmacotherapies": 1 codes but 2 labels; mapped each on its own',
        'services "Payment/Insurance/Funding Accepted": 1 codes but 2 labels; mapped each on its own',
      ],
    });
  });
});

describe('mapFindTreatmentRow', () => {
  it('maps every SAMHSA code of the published crosswalk to its level of care', () => {
    for (const [level, { samhsa }] of Object.entries(LEVELS_OF_CARE)) {
      for (const code of samhsa) {
        expect(withServices(['Service Setting', code, 'x']).input.levels_of_care).toEqual([level]);
      }
    }
  });

  it.each([
    ['Payment/Insurance/Funding Accepted', 'MD MC PI SF SI MI ITU NP', 'a; b; c; d; e; f; g; h', 'payers', ['medicaid', 'medicare', 'private', 'self_pay', 'tricare', 'ihs', 'state_funded', 'free']],
    ['Payment Assistance', 'PA SS', 'a; b', 'payers', ['sliding_scale']],
    ['Pharmacotherapies', 'BSDM BWON BERI VTRL ACM DSF', 'a; b; c; d; e; f', 'medications', ['buprenorphine', 'naltrexone', 'acamprosate', 'disulfiram']],
    ['Type of Opioid Treatment', 'MMW UB UN RPN', 'a; b; c; d', 'medications', ['buprenorphine', 'methadone', 'naltrexone']],
    ['Treatment Approaches', 'DBT TWFA CRV EMDR AT', 'a; b; c; d; e', 'modalities', ['dbt', 'twelve_step', 'contingency_management', 'emdr', 'experiential']],
    ['Special Programs/Groups Offered', 'AD SE GL CJ', 'a; b; c; d', 'populations', ['adolescents', 'seniors', 'lgbtq', 'criminal_justice']],
    ['Language Services', 'F4 F25 F30 F36 F37 F42 F43 F47 F66 F67 F81 F92', 'a; b; c; d; e; f; g; h; i; j; k; l', 'languages', ['en', 'vi', 'ar', 'ko', 'tl', 'pt', 'pl', 'hi', 'fa', 'ja', 'de', 'it', 'hmn']],
  ] as const)('%s codes %s', (f1, f2, f3, field, expected) => {
    const { input, unmapped } = withServices(['Type of Care', 'SA', 'Substance use treatment'], ['Service Setting', 'OP', 'Outpatient'], [f1, f2, f3]);
    expect(unmapped).toEqual([]);
    expect(input[field]).toEqual(expected);
  });

  it('falls back to labels for unknown codes, checking specific labels before general ones', () => {
    const { input, unmapped } = withServices(
      ['Service Setting', 'X1 X2 X3', 'Residential detoxification; Hospital inpatient treatment; Partial hospitalization'],
      ['Pharmacotherapies', 'X4 X5 X6', 'Buprenorphine with naloxone; Naloxone kits; Vivitrol'],
      ['Payment', 'X7 X8', 'State-financed health insurance plan other than Medicaid; Cash or self-payment'],
      ['Language Services', 'X9 X10', 'Other languages (excluding Spanish); Somali'],
    );
    expect(unmapped).toEqual(['X9 (Other languages (excluding Spanish))']);
    expect([input.levels_of_care, input.medications, input.payers, input.languages]).toEqual([
      ['detox', 'hospital_inpatient', 'php'], ['buprenorphine', 'naltrexone', 'naloxone'], ['self_pay', 'state_funded'], ['en', 'so'],
    ]);
  });

  it('drops known codes the directory has no field for, and unknown codes of categories it ignores, silently', () => {
    const { unmapped, input } = withServices(['Service Setting', 'OP', 'Outpatient'], ['Facility Operation (e.g., Private, Public)', 'PVTN ZZZ', 'a; b'],
      ['Ancillary Services', 'CM HS', 'Case management; Housing services'], ['Facility Smoking Policy', 'SMON', 'Smoking not permitted']);
    expect(unmapped).toEqual([]);
    expect(input.modalities).toEqual([]);
  });

  it('warns when no level of care maps', () => {
    expect(withServices(['Type of Care', 'MH', 'Mental health treatment']).warnings).toEqual(['no service code maps to a level of care: the row will not validate']);
  });

  it('uses intake1 when phone is empty, and keeps a website with a path', () => {
    const { input } = mapFindTreatmentRow({ ...base, phone: '', intake1: '518-555-0100', website: 'example.org/intake', services: [] });
    expect([input.phone, input.website]).toEqual(['518-555-0100', 'https://example.org/intake']);
  });

  it('drops an out-of-range or unparsable coordinate pair', () => {
    expect(mapFindTreatmentRow({ ...base, latitude: '142.0', longitude: '-73.69' }).input.location).toBeUndefined();
    expect(mapFindTreatmentRow({ ...base, latitude: '42.7N', longitude: '-73.69' }).input.location).toBeUndefined();
  });
});

describe('sourceIdOf', () => {
  it('uses frid, else a hash of name, street and ZIP that ignores case, spacing and punctuation', () => {
    expect(sourceIdOf({ ...base, frid: 'abc123', _irow: 4 })).toBe('abc123');
    const id = sourceIdOf({ ...base, _irow: 4 });
    expect(sourceIdOf({ ...base, name1: '  TEST   facility.', zip: '12180-0001', _irow: 9 })).toBe(id);
    expect(sourceIdOf({ ...base, street1: '2 Main St', _irow: 4 })).not.toBe(id);
  });

  it('never uses _irow, the row position within one export page', () => {
    expect(sourceIdOf({ ...base, _irow: 1 })).not.toBe(sourceIdOf({ ...base, name1: 'Another Facility', _irow: 1 }));
  });
});
