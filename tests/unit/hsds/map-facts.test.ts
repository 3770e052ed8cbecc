import { toHsdsService } from '../../../src/hsds/map-center';
import { buildRichCenter, CTX } from './center-fixtures';

describe('treatment facts in the HSDS feed', () => {
  const now = Date.now();
  const center = buildRichCenter({
    conditions: ['opioids', 'alcohol'], accessibility: ['wheelchair'],
    availability: [
      { level: 'iop', status: 'open', open_slots: 2, waitlist_days: null, next_intake_date: null, updated_at: new Date(now - 3_600_000).toISOString(), reported_by: 'center' },
      { level: 'residential', status: 'waitlist', open_slots: null, waitlist_days: 9, next_intake_date: null, updated_at: new Date(now - 100 * 3_600_000).toISOString(), reported_by: 'import' },
    ],
  });

  it('conditions and accessibility are attributes of every service, with their taxonomy terms', () => {
    const service = toHsdsService(center, 'iop', CTX);
    const facts = service.attributes.filter((a) => a.link_type === 'conditions' || a.link_type === 'accessibility');
    expect(facts.map((a) => [a.link_type, a.taxonomy_term.code, a.taxonomy_term.name])).toEqual([
      ['conditions', 'opioids', 'Opioids (heroin, fentanyl, prescription painkillers)'], ['conditions', 'alcohol', 'Alcohol'], ['accessibility', 'wheelchair', 'Wheelchair accessible'],
    ]);
    expect(new Set(service.attributes.map((a) => a.id)).size).toBe(service.attributes.length);
  });

  it('availability is the x_availability extension of its level\'s service, stale when old', () => {
    expect(toHsdsService(center, 'iop', CTX)).toMatchObject({ x_availability: { status: 'open', open_slots: 2, reported_by: 'center', stale: false } });
    expect(toHsdsService(center, 'residential', CTX)).toMatchObject({ x_availability: { status: 'waitlist', waitlist_days: 9, stale: true } });
    expect(toHsdsService(center, 'detox', CTX)).not.toHaveProperty('x_availability');
  });
});
