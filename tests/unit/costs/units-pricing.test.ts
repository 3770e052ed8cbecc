import { estimateCosts } from '../../../src/costs/estimate-costs';
import { nationalReferencePrice } from '../../../src/costs/national-reference-prices';
import { buildPriced } from './build-priced';

const selfPay = { payer: 'self_pay' } as const;

describe('allowed totals for each price unit', () => {
  test('hourly: $60 × 9 hours a week × 8 weeks', () => {
    const r = estimateCosts({ iop: buildPriced({ unit: 'hour', amount: 60, hours_per_week: 9 }), inpatient: null, coverage: selfPay });
    expect(r.options.iop).toMatchObject({ unit: 'hour', rate: 60, units: 72, allowed_total: 4320, patient_pays_per_week: 540 });
  });

  test('session: $80 × one session per attendance day', () => {
    const r = estimateCosts({ iop: buildPriced({ unit: 'session', amount: 80 }), inpatient: null, coverage: selfPay });
    expect(r.options.iop).toMatchObject({ unit: 'session', units: 24, allowed_total: 1920 });
  });

  test('weekly: $700 × 8 weeks; copays still count attendance days', () => {
    const r = estimateCosts({
      iop: buildPriced({ unit: 'week', amount: 700 }), inpatient: null,
      coverage: { payer: 'private', deductible: 0, coinsurance: 0, copay_per_day: 10 },
    });
    expect(r.options.iop).toMatchObject({ units: 8, service_days: 24, allowed_total: 5600, patient_pays: 240 });
  });

  test('episode: one price for the program, spread over its weeks per week', () => {
    const r = estimateCosts({ iop: buildPriced({ unit: 'episode', amount: 5000 }), inpatient: null, coverage: selfPay });
    expect(r.options.iop).toMatchObject({ units: 1, allowed_total: 5000, patient_pays_per_week: 625 });
  });

  test('inpatient weekly rate prorated by the day: 30 days of $4,000 a week', () => {
    const r = estimateCosts({ iop: null, inpatient: buildPriced({ level: 'residential', unit: 'week', amount: 4000 }), coverage: selfPay });
    expect(r.options.inpatient).toMatchObject({ unit: 'week', units: 4.29, allowed_total: 17142.86, patient_pays_per_week: 4000 });
  });

  test('inpatient hourly price: not estimated', () => {
    const r = estimateCosts({ iop: null, inpatient: buildPriced({ level: 'residential', unit: 'hour' }), coverage: selfPay });
    expect(r.options.inpatient).toMatchObject({ estimated: false, rate: 250, allowed_total: null });
  });
});

describe('what the price leaves out', () => {
  test('room and board excluded or unknown is said', () => {
    const out = estimateCosts({ iop: null, inpatient: buildPriced({ level: 'residential', includes_room_and_board: false }), coverage: selfPay });
    expect(out.options.inpatient.assumptions).toContain('The price excludes room and board, which is billed separately and not included here.');
    const unknown = estimateCosts({ iop: null, inpatient: buildPriced({ level: 'residential' }), coverage: selfPay });
    expect(unknown.options.inpatient.assumptions).toContain('The price does not say whether room and board is included.');
  });

  test('an old price says how old it is', () => {
    const priced = buildPriced();
    priced.price_source = { ...priced.price_source, as_of: '2024-01-01', age_days: 800 };
    const r = estimateCosts({ iop: priced, inpatient: null, coverage: selfPay });
    expect(r.options.iop.assumptions).toContain('Price as of 2024-01-01 (800 days old; it may have changed).');
    expect(r.options.iop.price_source).toEqual(priced.price_source);
  });
});

describe('national reference prices', () => {
  test('IOP $170 a day; residential the midpoint of $357–$758, said as such', () => {
    const iop = nationalReferencePrice('iop');
    const res = nationalReferencePrice('inpatient');
    expect(iop.price).toMatchObject({ level: 'iop', amount: 170, unit: 'day' });
    expect(iop.price_source.description).toContain('$462 a week');
    expect(res.price).toMatchObject({ level: 'residential', amount: 557.5, unit: 'day' });
    expect(res.price_source.description).toContain('$557.50 a day, the midpoint of residential cash prices of $357–$758');
    const r = estimateCosts({ iop, inpatient: res, coverage: selfPay });
    expect(r.options.iop.allowed_total).toBe(4080);
    expect(r.options.inpatient.allowed_total).toBe(16725);
  });
});
