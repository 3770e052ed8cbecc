import { zipEntriesByName } from './zip-table';

/**
 * A city's center: the median of its ZIP centroids (offline, the `zipcodes` package). The
 * median, not the mean: the package has a few bad rows (a New York ZIP at longitude +73.95)
 * that would drag a mean 50 miles out to sea.
 */
export function findPlace(city: string, state: string): { lat: number; lng: number; city: string; state: string; zip_count: number } | null {
  const hits = zipEntriesByName(city.trim(), state.trim().toUpperCase());
  if (hits.length === 0) return null;
  const median = (f: (z: (typeof hits)[number]) => number) => {
    const v = hits.map(f).sort((a, b) => a - b);
    const m = v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return Math.round(m * 1e5) / 1e5;
  };
  return { lat: median((z) => z.latitude), lng: median((z) => z.longitude), city: hits[0].city, state: hits[0].state, zip_count: hits.length };
}
