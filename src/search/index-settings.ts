import crypto from 'node:crypto';
import type { Settings } from 'meilisearch';
import { FILTER_PARAMS } from './search-query';

/**
 * The index settings, versioned by their hash: when they change, `ensureIndex` rebuilds into a
 * fresh index and swaps it in, so searches never see a half-configured index.
 */

const SYNONYM_GROUPS: string[][] = [
  ['mat', 'moud', 'medication-assisted', 'medication assisted treatment', 'medication for addiction treatment'],
  ['iop', 'intensive outpatient'],
  ['php', 'day treatment', 'partial hospitalization'],
  ['rehab', 'residential', 'inpatient rehab'],
  ['aa', 'na', '12 step', 'twelve step', '12-step'],
  ['dual diagnosis', 'co-occurring', 'co occurring'],
  ['detox', 'withdrawal management'],
  ['otp', 'methadone clinic', 'opioid treatment program'],
  ['sober living', 'recovery residence'],
  ['ptsd', 'trauma', 'post-traumatic stress'],
  ['eating disorder', 'eating disorders', 'anorexia', 'bulimia'],
];
/** Brand names point at the generic drug, not the other way round. */
const ONE_WAY: Record<string, string[]> = {
  suboxone: ['buprenorphine'], subutex: ['buprenorphine'], sublocade: ['buprenorphine'],
  // What callers say about what someone is using → the condition labels indexed in `services`.
  fentanyl: ['opioids'], heroin: ['opioids'], oxy: ['opioids'], oxycodone: ['opioids'], oxycontin: ['opioids'], pills: ['opioids'], painkillers: ['opioids'],
  meth: ['stimulants'], crystal: ['stimulants'], methamphetamine: ['stimulants'], cocaine: ['stimulants'], crack: ['stimulants'],
  xanax: ['benzodiazepines'], benzos: ['benzodiazepines'], benzo: ['benzodiazepines'], valium: ['benzodiazepines'], klonopin: ['benzodiazepines'],
  drinking: ['alcohol'], alcoholism: ['alcohol'], weed: ['cannabis'], marijuana: ['cannabis'],
  vivitrol: ['naltrexone'], antabuse: ['disulfiram'], campral: ['acamprosate'], narcan: ['naloxone'],
};

function synonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = { ...ONE_WAY };
  for (const group of SYNONYM_GROUPS) for (const term of group) out[term] = group.filter((t) => t !== term);
  return out;
}

export const INDEX_SETTINGS: Settings = {
  searchableAttributes: ['name', 'services', 'description', 'city', 'postal_code'],
  displayedAttributes: ['id', 'hit', 'center', 'version'],
  // Only the filter features each field is used with (equality, or also < > for times and
  // report times) and no facet search: every feature costs indexing time on each write.
  filterableAttributes: [
    {
      attributePatterns: [
        ...Object.values(FILTER_PARAMS), 'schedule', 'schedule_by_level', 'status', 'state', 'telehealth',
        'accepting_new_patients', 'id', 'facet_values', 'avail_stale_hours', 'walk_in', 'intake_tz', 'intake_slots',
      ],
      features: { facetSearch: false, filter: { equality: true, comparison: false } },
    },
    { attributePatterns: ['verified_at_ts', 'avail.*', 'avail_expires_ts'], features: { facetSearch: false, filter: { equality: true, comparison: true } } },
    '_geo',
  ],
  sortableAttributes: ['name_sort', 'updated_at_ts', '_geo', 'wait_days'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  synonyms: synonyms(),
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  // facet_values holds every code of every list (about 160 today) and at most 3 × (2^8 − 1) + 3
  // = 768 availability sets of the 8 levels (availability-sets.test.ts): room to grow.
  faceting: { maxValuesPerFacet: 2000 },
  pagination: { maxTotalHits: 100_000 },
};

export const SETTINGS_VERSION = crypto.createHash('sha256').update(JSON.stringify(INDEX_SETTINGS)).digest('hex').slice(0, 12);

/**
 * Bump by one whenever INDEX_SETTINGS change (tests/unit/search/settings-revision.test.ts pins
 * the hash to the revision). The revision recorded in PostgreSQL only moves forward: an older
 * instance still running during a rolling deploy never rebuilds the index back to its settings.
 */
export const SETTINGS_REVISION = 4;
