import { intakeOpenNow, intakeSlots, slotNow } from '../../../src/search/intake-slots';

describe('intake hours as quarter-hour week slots', () => {
  it('counts only quarter hours staffed throughout', () => {
    expect(intakeSlots([{ days: ['mon'], start: '09:05', end: '10:10' }])).toEqual([37, 38, 39]); // 09:15, 09:30, 09:45 (10:00–10:15 is not staffed throughout)
    expect(intakeSlots([{ days: ['sun'], start: '23:00', end: '24:00' }])).toEqual([668, 669, 670, 671]);
    expect(intakeSlots([{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' }])).toHaveLength(672);
  });

  it('reads the wall clock of the center\'s own time zone, across DST', () => {
    // Monday 2026-03-09 14:00 UTC = 10:00 in New York (EDT since 8 March) = 07:00 in Los Angeles.
    const t = Date.parse('2026-03-09T14:00:00Z');
    expect(slotNow('America/New_York', t)).toBe(40);
    expect(slotNow('America/Los_Angeles', t)).toBe(28);
    // A week earlier (EST): 09:00 in New York.
    expect(slotNow('America/New_York', t - 7 * 86_400_000)).toBe(36);
  });

  it('is open from the first full quarter hour until the last; undefined without hours', () => {
    const center = { timezone: 'America/Chicago', intake: { hours: [{ days: ['mon' as const], start: '09:05', end: '17:00' }] } };
    expect(intakeOpenNow(center, Date.parse('2026-03-09T14:10:00Z'))).toBe(false); // 09:10 CDT
    expect(intakeOpenNow(center, Date.parse('2026-03-09T14:15:00Z'))).toBe(true);
    expect(intakeOpenNow(center, Date.parse('2026-03-09T21:59:00Z'))).toBe(true); // 16:59
    expect(intakeOpenNow(center, Date.parse('2026-03-09T22:00:00Z'))).toBe(false);
    expect(intakeOpenNow({ timezone: 'UTC', intake: null }, Date.now())).toBeUndefined();
  });
});
