import { estimateCosts } from '../../../src/costs/estimate-costs';
import { buildPriced, WORKED } from './build-priced';

describe('self pay', () => {
  test('the patient pays the whole price', () => {
    const r = estimateCosts({ ...WORKED, coverage: { payer: 'self_pay' } });
    expect(r.options.iop).toMatchObject({ estimated: true, patient_pays: 6000, plan_pays: 0 });
    expect(r.options.inpatient).toMatchObject({ estimated: true, patient_pays: 18000, plan_pays: 0 });
    expect(r.difference).toEqual({ allowed_total: 12000, patient_pays: 12000 });
    expect(r.coverage).toMatchObject({ deductible: null, coinsurance: null, oop_max: null, defaults_used: [] });
  });

  test('plan fields given for a self-pay caller are named as not used', () => {
    const r = estimateCosts({ ...WORKED, coverage: { payer: 'self_pay', deductible: 1000, coinsurance: 0.1 } });
    expect(r.options.iop.assumptions).toContain('Not used for this payer: deductible, coinsurance.');
  });

  test('a list price billed to insurers is flagged for a self-pay caller', () => {
    const r = estimateCosts({ iop: buildPriced({ price_type: 'billed_charge' }), inpatient: null, coverage: { payer: 'self_pay' } });
    expect(r.options.iop.assumptions.join('\n')).toContain('ask the center for its cash price');
  });
});

describe('sliding scale', () => {
  test('refuses to estimate what the patient pays, with a plain reason, and invents nothing', () => {
    const r = estimateCosts({ ...WORKED, coverage: { payer: 'sliding_scale' } });
    expect(r.options.iop).toMatchObject({
      estimated: false,
      not_estimated_reason: 'A sliding-scale fee depends on household income; ask the center what it would charge.',
      allowed_total: 6000, patient_pays: null, plan_pays: null, patient_pays_per_week: null, breakdown: null,
    });
    expect(r.difference).toEqual({ allowed_total: 12000, patient_pays: null });
  });
});

describe('medicaid', () => {
  test('$0 by default, with the nominal ceilings and prior authorization stated', () => {
    const r = estimateCosts({ ...WORKED, coverage: { payer: 'medicaid' } });
    expect(r.options.iop).toMatchObject({ estimated: true, patient_pays: 0, plan_pays: 6000, patient_pays_per_week: 0 });
    expect(r.options.inpatient).toMatchObject({ estimated: true, patient_pays: 0, plan_pays: 18000 });
    const iopText = r.options.iop.assumptions.join('\n');
    expect(iopText).toContain('at most $4 per outpatient service ($96 over 24 attendance days');
    expect(iopText).toContain('42 CFR 447.52');
    expect(iopText).toContain('Prior authorization is common for IOP, PHP and residential treatment.');
    expect(r.options.inpatient.assumptions.join('\n')).toContain('at most $75 per inpatient stay');
  });
});

describe('a missing price', () => {
  test('the option is not estimated and the difference is null', () => {
    const r = estimateCosts({ iop: WORKED.iop, inpatient: null, coverage: { payer: 'private' } });
    expect(r.options.inpatient).toMatchObject({
      estimated: false, not_estimated_reason: 'No price is available for this level of care.',
      level: 'residential', allowed_total: null, patient_pays: null, price_source: null,
    });
    expect(r.difference).toEqual({ allowed_total: null, patient_pays: null });
  });
});
