import { estimateCosts } from '../../../src/costs/estimate-costs';
import { buildPriced, WORKED } from './build-priced';

const hospital = buildPriced({ level: 'hospital_inpatient', amount: 1200, unit: 'day', includes_room_and_board: true });

describe('medicare Part A (hospital inpatient)', () => {
  test('a stay of 60 days or less: the $1,736 deductible only', () => {
    const r = estimateCosts({ iop: null, inpatient: hospital, coverage: { payer: 'medicare' } });
    expect(r.options.inpatient).toMatchObject({
      estimated: true, allowed_total: 36000, patient_pays: 1736, plan_pays: 34264,
      breakdown: { deductible: 1736, coinsurance: 0 },
    });
    const r60 = estimateCosts({ iop: null, inpatient: hospital, coverage: { payer: 'medicare' }, program: { inpatient_days: 60 } });
    expect(r60.options.inpatient.patient_pays).toBe(1736);
  });

  test('a 75-day stay: deductible + 15 days × $434', () => {
    const r = estimateCosts({ iop: null, inpatient: hospital, coverage: { payer: 'medicare' }, program: { inpatient_days: 75 } });
    expect(r.options.inpatient).toMatchObject({
      allowed_total: 90000, patient_pays: 8246, plan_pays: 81754, breakdown: { deductible: 1736, coinsurance: 6510 },
    });
  });

  test('deductible_met reduces the deductible', () => {
    const r = estimateCosts({ iop: null, inpatient: hospital, coverage: { payer: 'medicare', deductible_met: 500 } });
    expect(r.options.inpatient.patient_pays).toBe(1236);
    expect(r.coverage).toMatchObject({ deductible_met: 500, deductible: null, oop_max: null });
  });

  test('beyond 90 days: not estimated (lifetime reserve days)', () => {
    const r = estimateCosts({ iop: null, inpatient: hospital, coverage: { payer: 'medicare' }, program: { inpatient_days: 91 } });
    expect(r.options.inpatient).toMatchObject({ estimated: false, allowed_total: 109200, patient_pays: null });
    expect(r.options.inpatient.not_estimated_reason).toContain('lifetime reserve days ($868 a day in 2026');
  });
});

describe('medicare and non-hospital residential treatment', () => {
  test('refused with the plain reason', () => {
    const r = estimateCosts({ ...WORKED, coverage: { payer: 'medicare' } });
    expect(r.options.inpatient).toMatchObject({
      estimated: false,
      not_estimated_reason: 'Original Medicare generally does not cover non-hospital residential treatment.',
      patient_pays: null,
    });
    expect(r.difference.patient_pays).toBeNull();
  });
});

describe('medicare Part B (IOP)', () => {
  test('$283 deductible then 20%', () => {
    const r = estimateCosts({ ...WORKED, coverage: { payer: 'medicare' } });
    expect(r.options.iop).toMatchObject({
      estimated: true, patient_pays: 1426.4, plan_pays: 4573.6, breakdown: { deductible: 283, coinsurance: 1143.4 },
    });
    expect(r.options.iop.assumptions.join('\n')).toContain('no out-of-pocket limit');
  });

  test('no out-of-pocket cap: a year of 5-day weeks costs more than the ACA limit', () => {
    const r = estimateCosts({
      iop: WORKED.iop, inpatient: null, coverage: { payer: 'medicare' }, program: { iop_weeks: 52, iop_days_per_week: 5 },
    });
    expect(r.options.iop).toMatchObject({ allowed_total: 65000, patient_pays: 13226.4 }); // 283 + 0.2 × 64717
  });

  test('deductible_met reduces the Part B deductible', () => {
    const r = estimateCosts({ ...WORKED, coverage: { payer: 'medicare', deductible_met: 283 } });
    expect(r.options.iop.patient_pays).toBe(1200);
  });
});
