import { invalid } from '../errors';
import { lookupZip, timezoneAt } from '../geo/zip-codes';
import type { CenterInput } from './center-schema';

/**
 * Fills in what a listing may leave out: the location from the ZIP code (offline) and the
 * time zone from the location. A ZIP that is not in the database is the caller's error.
 */
export function placeCenter<T extends Pick<CenterInput, 'address' | 'location' | 'timezone'>>(input: T) {
  let location = input.location ?? null;
  let geocoded = false;
  if (!location) {
    const place = lookupZip(input.address.postal_code);
    if (!place) throw invalid('address.postal_code', `ZIP code ${input.address.postal_code} is not in the US ZIP database; give location { lat, lng } instead`);
    location = { lat: place.lat, lng: place.lng };
    geocoded = true;
  }
  const timezoneDerived = !input.timezone;
  const timezone = input.timezone ?? timezoneAt(location.lat, location.lng);
  return { ...input, location, timezone, geocoded, timezoneDerived };
}
