import { estimateCosts } from '../../../src/costs/estimate-costs';
import { estimateStepDown } from '../../../src/costs/estimate-step-down';
import { buildPriced, WORKED } from './build-priced';

describe('step-down path: residential then IOP', () => {
  test('shares the deductible: less than the two options estimated separately', () => {
    const input = { ...WORKED, coverage: { payer: 'private' as const } };
    const separate = estimateCosts(input).options;
    const path = estimateStepDown(input);
    expect(path).toMatchObject({
      level: 'residential_then_iop', estimated: true, rate: null, unit: null,
      allowed_total: 24000, patient_pays: 6229.6, plan_pays: 17770.4,
      service_days: 54, weeks: 12.29, patient_pays_per_week: 507.06, // 6229.60 × 7 / 86
      breakdown: { deductible: 1787, coinsurance: 4442.6 },
    });
    expect(path.parts.inpatient).toMatchObject({ units: 30, patient_pays: 5029.6 });
    expect(path.parts.iop).toMatchObject({ units: 24, patient_pays: 1200, breakdown: { deductible: 0 } });
    expect(separate.iop.patient_pays! + separate.inpatient.patient_pays!).toBeCloseTo(7659.2, 2);
    expect(path.patient_pays!).toBeLessThan(separate.iop.patient_pays! + separate.inpatient.patient_pays!);
  });

  test('shares the OOP maximum: the IOP part pays what the stay left of it', () => {
    const path = estimateStepDown({ ...WORKED, coverage: { payer: 'private', oop_max: 6000 } });
    expect(path.parts.iop).toMatchObject({ patient_pays: 970.4, breakdown: { capped_by_oop_max: true } });
    expect(path.patient_pays).toBe(6000);
  });

  test('out of network: balance billing does not count toward the OOP maximum', () => {
    const path = estimateStepDown({ ...WORKED, coverage: { payer: 'private', in_network: false, oop_max: 3000 } });
    // stay: plan allows 10,800; share capped at 3,000; balance 7,200. IOP: OOP used up; balance 2,400.
    expect(path.parts.inpatient.patient_pays).toBe(10200);
    expect(path.parts.iop.patient_pays).toBe(2400);
    expect(path.patient_pays).toBe(12600);
  });

  test('medicare: Part A stay and Part B IOP add up, nothing carries over', () => {
    const hospital = buildPriced({ level: 'hospital_inpatient', amount: 1200 });
    const path = estimateStepDown({ iop: WORKED.iop, inpatient: hospital, coverage: { payer: 'medicare' } });
    expect(path).toMatchObject({ estimated: true, patient_pays: 3162.4 }); // 1736 + 1426.40
    expect(path.assumptions.join('\n')).toContain('separate deductibles');
  });

  test('not estimated when a part is not: medicare residential, sliding scale', () => {
    const medicare = estimateStepDown({ ...WORKED, coverage: { payer: 'medicare' } });
    expect(medicare).toMatchObject({
      estimated: false, patient_pays: null, allowed_total: 24000,
      not_estimated_reason: 'Original Medicare generally does not cover non-hospital residential treatment.',
    });
    expect(estimateStepDown({ ...WORKED, coverage: { payer: 'sliding_scale' } })).toMatchObject({ estimated: false, patient_pays: null });
  });
});
