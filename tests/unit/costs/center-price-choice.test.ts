import type { Center, Price } from '../../../src/centers/center-schema';
import { ageDays, pickCenterPrice } from '../../../src/costs/pick-center-price';
import { boundingBox } from '../../../src/geo/radius-sql';
import { distanceMiles } from '../../../src/geo/zip-codes';

// The price choice and the search box of the cost comparison's basis (src/costs), used by
// GET /v1/cost-comparison and by each center of GET /v1/compare.
const TODAY = new Date('2026-11-22T15:00:00Z');
const price = (p: Partial<Price>): Price => ({
  level: 'iop', amount: 250, unit: 'day', price_type: 'cash', typical_length: null, days_per_week: null,
  hours_per_week: null, includes_room_and_board: null, source: 'site', as_of: '2026-06-01', ...p,
});
const center = (prices: Price[], schedules: Center['schedules'] = []) =>
  ({ id: 'c1', name: 'Harbor House', levels_of_care: ['iop', 'residential', 'hospital_inpatient'], prices, schedules } as unknown as Center);

describe('pickCenterPrice', () => {
  const cash = price({ amount: 200 });
  const billed = price({ amount: 400, price_type: 'billed_charge' });

  test('cash price for self-pay, the billed charge for insurers; the others are named', () => {
    const c = center([billed, cash]);
    expect(pickCenterPrice(c, 'iop', 'self_pay', TODAY)?.priced.price.amount).toBe(200);
    const insured = pickCenterPrice(c, 'iop', 'private', TODAY)!;
    expect(insured.priced.price.amount).toBe(400);
    expect(insured.notes[0]).toBe('The center publishes 2 prices for this option; used iop at $400 per day (billed charge, as of 2026-06-01). Others: iop $200 per day (cash price, as of 2026-06-01).');
    expect(insured.priced.price_source).toEqual({
      kind: 'center', description: 'Published by Harbor House (source: site).', as_of: '2026-06-01', age_days: 174, center_id: 'c1',
    });
  });

  test('per-day before other units, then the newest', () => {
    const c = center([price({ unit: 'week', amount: 700 }), price({ amount: 210, as_of: '2025-01-01' }), price({ amount: 220, as_of: '2026-02-01' })]);
    expect(pickCenterPrice(c, 'iop', 'self_pay', TODAY)?.priced.price.amount).toBe(220);
  });

  test('inpatient: residential before hospital unless a level is asked for; hourly stays last', () => {
    const c = center([price({ level: 'hospital_inpatient', amount: 1500 }), price({ level: 'residential', amount: 90, unit: 'hour' }), price({ level: 'residential', amount: 600 })]);
    expect(pickCenterPrice(c, 'inpatient', 'self_pay', TODAY)?.priced.price.amount).toBe(600);
    expect(pickCenterPrice(c, 'inpatient', 'self_pay', TODAY, 'hospital_inpatient')?.priced.price.amount).toBe(1500);
    const hospitalOnly = pickCenterPrice(center([price({ level: 'hospital_inpatient', amount: 1500 })]), 'inpatient', 'medicare', TODAY)!;
    expect(hospitalOnly.notes).toEqual(['The center publishes no residential price; its hospital inpatient price is used.']);
    expect(pickCenterPrice(center([cash]), 'inpatient', 'self_pay', TODAY)).toBeNull();
  });

  test('an hourly IOP price without hours per week takes them from the IOP schedule', () => {
    const c = center([price({ unit: 'hour', amount: 60 })], [{ level: 'iop', days: ['mon', 'wed', 'fri'], start: '18:00', end: '21:00', format: 'in_person' }]);
    const picked = pickCenterPrice(c, 'iop', 'self_pay', TODAY)!;
    expect(picked.priced.price.hours_per_week).toBe(9);
    expect(picked.notes).toEqual(['Hours per week taken from the center\'s iop schedule (9 hours).']);
  });

  test('ageDays counts calendar days and never goes negative', () => {
    expect(ageDays('2026-11-22', TODAY)).toBe(0);
    expect(ageDays('2026-11-21', TODAY)).toBe(1);
    expect(ageDays('2027-01-01', TODAY)).toBe(0);
  });
});

describe('boundingBox', () => {
  test('holds the whole circle', () => {
    const p = { lat: 40.81, lng: -73.95 };
    const box = boundingBox(p, 25);
    for (const corner of [{ lat: box.maxLat, lng: p.lng }, { lat: box.minLat, lng: p.lng }, { lat: p.lat, lng: box.minLng }, { lat: p.lat, lng: box.maxLng }]) {
      expect(distanceMiles(p, corner)).toBeGreaterThanOrEqual(25);
    }
    expect(box.allLng).toBe(false);
  });

  test('wraps the antimeridian and gives up on longitude near a pole', () => {
    const aleutians = boundingBox({ lat: 52, lng: 179.9 }, 25);
    expect(aleutians.maxLng).toBeGreaterThan(180);
    expect(boundingBox({ lat: 89.9, lng: 0 }, 25).allLng).toBe(true);
  });
});
