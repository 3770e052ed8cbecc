import { estimateCosts } from '../../../src/costs/estimate-costs';
import type { CoverageInput } from '../../../src/costs/resolve-coverage';
import { buildPriced, WORKED } from './build-priced';

const run = (coverage: Omit<CoverageInput, 'payer'> = {}) =>
  estimateCosts({ ...WORKED, coverage: { payer: 'private', ...coverage } });

describe('private insurance, in network', () => {
  test('worked check of docs/cost-model.md: $1,787 deductible, 20%, $10,600 OOP max (all defaults)', () => {
    const r = run();
    expect(r.options.iop).toMatchObject({
      estimated: true, rate: 250, unit: 'day', units: 24, allowed_total: 6000,
      patient_pays: 2629.6, plan_pays: 3370.4, weeks: 8,
      breakdown: { deductible: 1787, coinsurance: 842.6, copays: 0, plan_allowed: 6000, balance_billing: 0, capped_by_oop_max: false },
    });
    expect(r.options.inpatient).toMatchObject({
      estimated: true, rate: 600, units: 30, allowed_total: 18000, patient_pays: 5029.6, plan_pays: 12970.4,
      breakdown: { deductible: 1787, coinsurance: 3242.6 },
    });
    expect(r.difference).toEqual({ allowed_total: 12000, patient_pays: 2400 });
  });

  test('per-week figures: IOP over 8 weeks, the stay over 30/7 weeks, rounded to cents', () => {
    const { iop, inpatient } = run().options;
    expect(iop.patient_pays_per_week).toBe(328.7);
    expect(iop.plan_pays_per_week).toBe(421.3);
    expect(inpatient.weeks).toBe(4.29);
    expect(inpatient.patient_pays_per_week).toBe(1173.57); // 5029.60 × 7 / 30 = 1173.5733…
    expect(inpatient.plan_pays_per_week).toBe(3026.43); // 12970.40 × 7 / 30 = 3026.4266…
  });

  test('every default used is named in coverage and listed in assumptions', () => {
    const r = run();
    expect(r.coverage).toEqual({
      payer: 'private', in_network: true, deductible: 1787, deductible_met: 0, coinsurance: 0.2,
      copay_per_day: 0, oop_max: 10600, oop_met: 0, oon_allowed_ratio: null,
      defaults_used: ['deductible', 'deductible_met', 'coinsurance', 'copay_per_day', 'oop_max', 'oop_met'],
    });
    const text = r.options.iop.assumptions.join('\n');
    expect(text).toContain('Deductible not given: used $1,787');
    expect(text).toContain('Coinsurance not given: used 20%');
    expect(text).toContain('Out-of-pocket maximum not given: used $10,600');
    expect(text).toContain('Not included: physician');
    expect(r.disclaimer).toMatch(/estimate, not a quote.*verified.*clinical decision.*ASAM/s);
  });

  test('given values are used and not listed as defaults', () => {
    const r = run({ deductible: 500, deductible_met: 0, coinsurance: 0.3, copay_per_day: 0, oop_max: 4000, oop_met: 0 });
    expect(r.coverage.defaults_used).toEqual([]);
    expect(r.options.iop.patient_pays).toBe(2150); // 500 + 0.3 × 5500
  });

  test('OOP maximum reached: the patient pays what is left of it', () => {
    const r = run({ oop_max: 3000 });
    expect(r.options.inpatient).toMatchObject({ patient_pays: 3000, plan_pays: 15000, breakdown: { capped_by_oop_max: true } });
    expect(r.options.iop).toMatchObject({ patient_pays: 2629.6, breakdown: { capped_by_oop_max: false } });
  });

  test('oop_met reduces what is left of the OOP maximum', () => {
    const r = run({ oop_met: 9000 });
    expect(r.options.iop).toMatchObject({ patient_pays: 1600, plan_pays: 4400, breakdown: { capped_by_oop_max: true } });
    expect(run({ oop_met: 20000 }).options.iop.patient_pays).toBe(0);
  });

  test('deductible already met, fully or in part', () => {
    expect(run({ deductible_met: 1787 }).options.iop).toMatchObject({ patient_pays: 1200, breakdown: { deductible: 0 } });
    expect(run({ deductible_met: 1000 }).options.iop.patient_pays).toBe(1829.6); // 787 + 0.2 × 5213
    expect(run({ deductible_met: 5000 }).options.iop.patient_pays).toBe(1200);
  });

  test('copays per day multiply service days (24 IOP days, 30 nights)', () => {
    const r = run({ copay_per_day: 25 });
    expect(r.options.iop).toMatchObject({ patient_pays: 3229.6, breakdown: { copays: 600 } });
    expect(r.options.inpatient).toMatchObject({ patient_pays: 5779.6, breakdown: { copays: 750 } });
  });

  test('copays never make the patient pay more than the price', () => {
    const r = estimateCosts({
      iop: buildPriced({ amount: 20 }), inpatient: null,
      coverage: { payer: 'private', deductible: 0, copay_per_day: 50 },
    });
    expect(r.options.iop).toMatchObject({ allowed_total: 480, patient_pays: 480, plan_pays: 0 });
  });

  test('coinsurance is rounded half up to the cent', () => {
    const r = estimateCosts({
      iop: buildPriced({ amount: 10.1 }), inpatient: null,
      program: { iop_weeks: 1, iop_days_per_week: 1 },
      coverage: { payer: 'private', deductible: 0, coinsurance: 0.15 },
    });
    expect(r.options.iop).toMatchObject({ allowed_total: 10.1, patient_pays: 1.52, plan_pays: 8.58 }); // 1.515 → 1.52
  });
});

describe('private insurance, out of network', () => {
  test('the plan allows 60% by default; the rest is balance billing, stated', () => {
    const r = run({ in_network: false });
    expect(r.coverage).toMatchObject({ in_network: false, oon_allowed_ratio: 0.6 });
    expect(r.coverage.defaults_used).toContain('oon_allowed_ratio');
    expect(r.options.iop).toMatchObject({
      allowed_total: 6000, patient_pays: 4549.6, plan_pays: 1450.4,
      breakdown: { plan_allowed: 3600, balance_billing: 2400, deductible: 1787, coinsurance: 362.6 },
    });
    expect(r.options.iop.assumptions.join('\n')).toContain('$2,400 is balance billing');
  });

  test('balance billing is not capped by the OOP maximum', () => {
    const r = run({ in_network: false, oop_max: 1000 });
    expect(r.options.iop).toMatchObject({ patient_pays: 3400, plan_pays: 2600, breakdown: { capped_by_oop_max: true } });
    expect(r.options.iop.patient_pays!).toBeGreaterThan(1000);
  });

  test('a given allowed ratio is used', () => {
    const r = run({ in_network: false, oon_allowed_ratio: 0.8 });
    expect(r.options.iop).toMatchObject({ breakdown: { plan_allowed: 4800, balance_billing: 1200 }, patient_pays: 3589.6 }); // 1787 + 0.2 × 3013 + 1200
  });
});
