import zipcodes from 'zipcodes';

/** A city's center: the mean of its ZIP centroids (offline, the `zipcodes` package). */
export function findPlace(city: string, state: string): { lat: number; lng: number; city: string; state: string; zip_count: number } | null {
  const hits = zipcodes.lookupByName(city.trim(), state.trim().toUpperCase()).filter((z) => z.country === 'US' && typeof z.latitude === 'number');
  if (hits.length === 0) return null;
  const mean = (f: (z: (typeof hits)[number]) => number) => Math.round((hits.reduce((s, z) => s + f(z), 0) / hits.length) * 1e5) / 1e5;
  return { lat: mean((z) => z.latitude), lng: mean((z) => z.longitude), city: hits[0].city, state: hits[0].state, zip_count: hits.length };
}
