import { inpatientUnits, iopUnits } from '../../../src/costs/program-units';
import { buildPriced } from './build-priced';

const iop = (o: Parameters<typeof buildPriced>[0] = {}) => buildPriced({ level: 'iop', ...o }).price;
const stay = (o: Parameters<typeof buildPriced>[0] = {}) => buildPriced({ level: 'residential', ...o }).price;

describe('iopUnits', () => {
  test('day rate: service days = days per week × weeks, defaults 3 × 8', () => {
    const u = iopUnits(iop({ unit: 'day' }), {});
    expect(u).toMatchObject({ ok: true, unit: 'day', count: 24, per: 1, service_days: 24, length_days: 56 });
    expect(u.assumptions).toEqual([
      'Program length: 8 weeks (default; no length given).',
      'Attendance: 3 days a week (default; no schedule given).',
    ]);
  });

  test('hourly rate × the center\'s hours per week × weeks', () => {
    const u = iopUnits(iop({ unit: 'hour', amount: 60, hours_per_week: 9.5 }), {});
    expect(u).toMatchObject({ ok: true, unit: 'hour', count: 76, service_days: 24 });
  });

  test('hourly rate without hours per week assumes 3 hours per attendance day, and says so', () => {
    const u = iopUnits(iop({ unit: 'hour' }), { iop_days_per_week: 4, iop_weeks: 6 });
    expect(u).toMatchObject({ ok: true, count: 72, service_days: 24 });
    expect(u.assumptions.join(' ')).toContain('12 hours a week assumed');
  });

  test('session rate: one session per attendance day, stated', () => {
    const u = iopUnits(iop({ unit: 'session' }), {});
    expect(u).toMatchObject({ ok: true, unit: 'session', count: 24 });
    expect(u.assumptions.join(' ')).toContain('one session per attendance day assumed');
  });

  test('weekly rate × weeks; episode rate × 1', () => {
    expect(iopUnits(iop({ unit: 'week' }), { iop_weeks: 10 })).toMatchObject({ count: 10, service_days: 30, length_days: 70 });
    const e = iopUnits(iop({ unit: 'episode' }), {});
    expect(e).toMatchObject({ count: 1, service_days: 24, length_days: 56 });
    expect(e.assumptions.join(' ')).toContain('covers the whole program');
  });

  test('the price\'s typical length and schedule are preferred to defaults, the request to both', () => {
    const p = iop({ typical_length: { value: 12, unit: 'week' }, days_per_week: 4 });
    const fromPrice = iopUnits(p, {});
    expect(fromPrice).toMatchObject({ count: 48, length_days: 84 });
    expect(fromPrice.assumptions).toEqual([
      'Program length: 12 weeks, the center\'s typical length.',
      'Attendance: 4 days a week, the center\'s schedule for this price.',
    ]);
    expect(iopUnits(p, { iop_weeks: 6, iop_days_per_week: 5 })).toMatchObject({ count: 30, length_days: 42 });
  });

  test('a typical length in days is rounded to whole weeks', () => {
    const u = iopUnits(iop({ typical_length: { value: 30, unit: 'day' } }), {});
    expect(u).toMatchObject({ count: 12, length_days: 28 });
    expect(u.assumptions[0]).toBe('Program length: 4 weeks, the center\'s typical length of 30 days rounded to whole weeks.');
  });
});

describe('inpatientUnits', () => {
  test('day rate × days, default 30', () => {
    expect(inpatientUnits(stay(), {})).toMatchObject({ ok: true, count: 30, per: 1, service_days: 30, length_days: 30 });
  });

  test('weekly rate: days / 7 weeks, kept as a fraction', () => {
    const u = inpatientUnits(stay({ unit: 'week' }), {});
    expect(u).toMatchObject({ ok: true, count: 30, per: 7, service_days: 30 });
    expect(u.assumptions.join(' ')).toContain('30 days billed as 4.29 weeks');
  });

  test('typical length in weeks becomes days; the request wins', () => {
    const p = stay({ typical_length: { value: 4, unit: 'week' } });
    expect(inpatientUnits(p, {})).toMatchObject({ count: 28 });
    expect(inpatientUnits(p, { inpatient_days: 45 })).toMatchObject({ count: 45 });
  });

  test('episode rate × 1', () => {
    expect(inpatientUnits(stay({ unit: 'episode' }), {})).toMatchObject({ ok: true, count: 1, service_days: 30 });
  });

  test('an hourly or per-session inpatient price is refused', () => {
    expect(inpatientUnits(stay({ unit: 'hour' }), {})).toMatchObject({ ok: false });
    expect(inpatientUnits(stay({ unit: 'session' }), {})).toMatchObject({ ok: false, reason: expect.stringContaining('daily rate') });
  });
});
