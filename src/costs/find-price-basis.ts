import type { Center } from '../centers/center-schema';
import type { Pool } from 'pg';
import { invalid } from '../errors';
import { LEVELS_OF_CARE } from '../taxonomy/codes';
import type { CostPayer, PricedLevel } from './cost-types';
import { nationalReferencePrice } from './national-reference-prices';
import { ageDays, levelsFor, pickCenterPrice, type InpatientLevel, type OptionKind } from './pick-center-price';
import { findRegionalPrices, type RegionalMedian, type RegionalPrices } from './regional-prices';
import type { CenterCache } from '../centers/center-cache';

/** What the prices of a cost comparison were based on (the `basis` of the response). */
export interface CostBasis {
  kind: 'center' | 'regional_median' | 'national_reference';
  description: string;
  center_id?: string;
  center_name?: string;
  near?: { lat: number; lng: number; zip?: string };
  radius_miles?: number;
  centers_count?: number;
  farthest_miles?: number | null;
  prices_as_of?: { oldest: string; newest: string; oldest_age_days: number } | null;
}

export interface BasisRequest {
  /** A loaded center: its prices, and its location for the regional fallback. */
  center?: Center;
  /** The regional medians around `center`, when they were read with it (centers/read-center.ts). */
  centerRegional?: RegionalPrices;
  near?: { lat: number; lng: number; zip?: string };
  radius_miles: number;
  /** With a center: fill levels it does not price (true) or answer 400 (false). */
  fallback: boolean;
  payer: CostPayer;
  inpatient_level?: InpatientLevel;
  today?: Date;
  /** Keeps the regional medians between requests (centers/center-cache.ts). */
  cache?: CenterCache;
}

export interface PriceBasis {
  basis: CostBasis;
  iop: PricedLevel | null;
  inpatient: PricedLevel | null;
  /** Sentences for each option's `assumptions`: how its price was chosen. */
  notes: Record<OptionKind, string[]>;
  /** The inpatient level the comparison is about (shown even when it has no price). */
  inpatient_level: InpatientLevel;
}

const KINDS: OptionKind[] = ['iop', 'inpatient'];
const label = (level: string) => (LEVELS_OF_CARE as Record<string, { label: string }>)[level]?.label.toLowerCase() ?? level;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function regionalPriced(m: RegionalMedian, radius: number, today: Date): PricedLevel {
  const mix = m.price_type == null ? ' (cash prices and billed charges mixed)' : '';
  const left = m.other_units_count > 0 ? `; ${plural(m.other_units_count, 'price')} in other units left out` : '';
  return {
    price: {
      level: m.level as PricedLevel['price']['level'], amount: m.amount, unit: m.unit,
      price_type: m.price_type ?? undefined, includes_room_and_board: m.includes_room_and_board,
      source: 'regional median', as_of: m.oldest_as_of,
    },
    price_source: {
      kind: 'regional_median',
      description: `Median of ${plural(m.prices_count, `per-${m.unit} price`)}${mix} published by ${plural(m.centers_count, 'active center')} within ${radius} miles (the farthest ${m.farthest_miles} miles away), dated ${m.oldest_as_of} to ${m.newest_as_of}${left}.`,
      as_of: m.oldest_as_of,
      age_days: ageDays(m.oldest_as_of, today),
      centers_count: m.centers_count,
      radius_miles: radius,
    },
  };
}

/** Regional median, else national reference; null only for hospital care nobody nearby prices. */
function fallbackPriced(kind: OptionKind, regional: RegionalPrices, level: InpatientLevel, radius: number, today: Date) {
  const median = regional[kind];
  if (median) return { priced: regionalPriced(median, radius, today), note: `the median of ${plural(median.prices_count, 'price')} from ${plural(median.centers_count, 'center')} within ${radius} miles` };
  if (kind === 'inpatient' && level === 'hospital_inpatient') {
    return { priced: null, note: `nothing: no center within ${radius} miles publishes a hospital inpatient price, and there is no national reference price for hospital care` };
  }
  return { priced: nationalReferencePrice(kind), note: `national reference figures (no center within ${radius} miles publishes one)` };
}

/**
 * Finds the prices of a cost comparison (docs/cost-model.md, step 4): a center's own published
 * prices, else the median of published prices nearby, else national reference figures.
 */
export async function findPriceBasis(pool: Pool, req: BasisRequest): Promise<PriceBasis> {
  const today = req.today ?? new Date();
  const level: InpatientLevel = req.inpatient_level ?? 'residential';
  const radius = req.radius_miles;
  const notes: Record<OptionKind, string[]> = { iop: [], inpatient: [] };
  const priced: Record<OptionKind, PricedLevel | null> = { iop: null, inpatient: null };

  if (req.center) {
    const center = req.center;
    const missing: OptionKind[] = [];
    for (const kind of KINDS) {
      const own = pickCenterPrice(center, kind, req.payer, today, req.inpatient_level);
      if (own) { priced[kind] = own.priced; notes[kind].push(...own.notes); } else missing.push(kind);
    }
    const missingLevels = missing.map((k) => levelsFor(k, req.inpatient_level).map(label).join(' or '));
    if (missing.length > 0 && !req.fallback) {
      throw invalid('center', `center ${center.id} publishes no ${missingLevels.join(' and no ')} price; leave out fallback=false to use the regional median or national reference figures instead`);
    }
    let inpatientLevel: InpatientLevel = (priced.inpatient?.price.level as InpatientLevel | undefined) ?? level;
    if (missing.length > 0) {
      const regional = req.centerRegional ?? await findRegionalPrices(pool, center.location, radius, level, req.cache);
      missing.forEach((kind, i) => {
        const offered = levelsFor(kind, req.inpatient_level).some((l) => (center.levels_of_care as string[]).includes(l));
        const why = `${center.name} ${offered ? 'publishes no' : 'does not offer and publishes no'} ${missingLevels[i]} price`;
        const found = fallbackPriced(kind, regional, level, radius, today);
        priced[kind] = found.priced && {
          ...found.priced,
          price_source: { ...found.priced.price_source, description: `${why}. ${found.priced.price_source.description}` },
        };
        notes[kind].unshift(`${why}: used ${found.note} instead.`);
      });
      if (missing.includes('inpatient')) inpatientLevel = level;
    }
    const filled = missing.length ? `; for ${missing.map((k) => (k === 'iop' ? 'IOP' : 'inpatient care')).join(' and ')}, which it does not price, see price_source` : '';
    return {
      basis: {
        kind: 'center', description: `Prices published by ${center.name}${filled}.`,
        center_id: center.id, center_name: center.name, ...(missing.length ? { radius_miles: radius } : {}),
      },
      ...priced, notes, inpatient_level: inpatientLevel,
    };
  }

  if (req.near) {
    const regional = await findRegionalPrices(pool, req.near, radius, level, req.cache);
    for (const kind of KINDS) {
      const found = fallbackPriced(kind, regional, level, radius, today);
      priced[kind] = found.priced;
      notes[kind].push(`Price: ${found.note}.`);
    }
    const any = regional.iop || regional.inpatient;
    const where = req.near.zip ? `ZIP ${req.near.zip}` : `${req.near.lat},${req.near.lng}`;
    return {
      basis: {
        kind: any ? 'regional_median' : 'national_reference',
        description: any
          ? `Median published prices of ${plural(regional.centers_count, 'active center')} within ${radius} miles of ${where}; see each option's price_source.`
          : `No active center within ${radius} miles of ${where} publishes a price for these levels: national reference figures.`,
        near: req.near, radius_miles: radius, centers_count: regional.centers_count, farthest_miles: regional.farthest_miles,
        prices_as_of: regional.oldest_as_of && regional.newest_as_of
          ? { oldest: regional.oldest_as_of, newest: regional.newest_as_of, oldest_age_days: ageDays(regional.oldest_as_of, today) }
          : null,
      },
      ...priced, notes, inpatient_level: level,
    };
  }

  for (const kind of KINDS) {
    priced[kind] = kind === 'inpatient' && level === 'hospital_inpatient' ? null : nationalReferencePrice(kind);
  }
  if (!priced.inpatient) notes.inpatient.push('There is no national reference price for hospital inpatient care; give `center` or `near` to use published prices.');
  return {
    basis: { kind: 'national_reference', description: 'National reference figures (no `center` or `near` given); see each option\'s price_source for the sources.' },
    ...priced, notes, inpatient_level: level,
  };
}
