import type { Center, Price } from '../centers/center-schema';
import { hoursPerWeek } from '../search/schedule-tags';
import type { CostPayer, PricedLevel } from './cost-types';

export type InpatientLevel = 'residential' | 'hospital_inpatient';
export type OptionKind = 'iop' | 'inpatient';

/** The price an option uses and what the caller should know about the choice. */
export interface CenterPrice { priced: PricedLevel; notes: string[] }

const UNIT_ORDER = ['day', 'week', 'session', 'hour', 'episode'];
const UNUSABLE_INPATIENT = new Set(['hour', 'session']);

/** Levels that can price an option: an explicit inpatient level, else residential before hospital. */
export function levelsFor(kind: OptionKind, inpatientLevel?: InpatientLevel): string[] {
  if (kind === 'iop') return ['iop'];
  return inpatientLevel ? [inpatientLevel] : ['residential', 'hospital_inpatient'];
}

/** Whole days from an ISO date to today (UTC), never negative. */
export function ageDays(asOf: string, today: Date): number {
  const days = Math.floor((Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, days);
}

const usd = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: n % 1 ? 2 : 0, maximumFractionDigits: 2 })}`;
const describe = (p: Price) => `${usd(p.amount)} per ${p.unit} (${p.price_type === 'cash' ? 'cash price' : 'billed charge'}, as of ${p.as_of})`;

/**
 * The center's price for one option when it publishes several: the level asked for first,
 * then a price type that suits the payer (cash for self-pay, the charge billed to insurers
 * otherwise), a unit the model can use, per-day before other units, the newest.
 */
export function pickCenterPrice(center: Center, kind: OptionKind, payer: CostPayer, today: Date, inpatientLevel?: InpatientLevel): CenterPrice | null {
  const levels = levelsFor(kind, inpatientLevel);
  const wantedType = payer === 'self_pay' || payer === 'sliding_scale' ? 'cash' : 'billed_charge';
  const candidates = center.prices.filter((p) => levels.includes(p.level));
  if (candidates.length === 0) return null;
  const score = (p: Price) => [
    levels.indexOf(p.level),
    kind === 'inpatient' && UNUSABLE_INPATIENT.has(p.unit) ? 1 : 0,
    p.price_type === wantedType ? 0 : 1,
    UNIT_ORDER.indexOf(p.unit),
    -Date.parse(p.as_of),
  ];
  const ranked = [...candidates].sort((a, b) => {
    const sa = score(a); const sb = score(b);
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sa[i] - sb[i];
    return 0;
  });
  let price: Price = ranked[0];
  const notes: string[] = [];
  if (ranked.length > 1) {
    notes.push(`The center publishes ${ranked.length} prices for this option; used ${price.level} at ${describe(price)}. Others: ${ranked.slice(1).map((p) => `${p.level} ${describe(p)}`).join('; ')}.`);
  }
  if (kind === 'inpatient' && !inpatientLevel && price.level === 'hospital_inpatient') {
    notes.push('The center publishes no residential price; its hospital inpatient price is used.');
  }
  if (price.unit === 'hour' && price.hours_per_week == null) {
    const hours = hoursPerWeek(center.schedules, price.level);
    if (hours > 0) {
      price = { ...price, hours_per_week: Math.round(hours * 100) / 100 };
      notes.push(`Hours per week taken from the center's ${price.level} schedule (${price.hours_per_week} hours).`);
    }
  }
  return {
    priced: {
      price,
      price_source: {
        kind: 'center',
        description: `Published by ${center.name} (source: ${price.source}).`,
        as_of: price.as_of,
        age_days: ageDays(price.as_of, today),
        center_id: center.id,
      },
    },
    notes,
  };
}
