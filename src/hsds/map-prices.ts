import type { Center, Price } from '../centers/center-schema';
import type { LevelOfCare } from '../taxonomy/codes';
import { centerScopedId, uniqueKeys } from './hsds-ids';
import { toFactAttributes } from './hsds-taxonomy';
import type { HsdsContext, HsdsCostOption } from './hsds-types';
import { priceUnitRef, unitText } from './listing-fact-terms';

const PRICE_TYPE_TEXT: Record<Price['price_type'], string> = {
  cash: 'Cash (self-pay) price',
  billed_charge: 'Billed charge (list price billed to insurers)',
};


const usd = (amount: number) => new Intl.NumberFormat('en-US', {
  style: 'currency', currency: 'USD', minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
}).format(amount);

function details(level: LevelOfCare, p: Price): string {
  const length = p.typical_length ? `typically ${p.typical_length.value} ${p.typical_length.unit}${p.typical_length.value === 1 ? '' : 's'}` : null;
  return [
    `per ${unitText(level, p.unit)}`,
    p.days_per_week ? `${p.days_per_week} days/week` : null,
    p.hours_per_week ? `${p.hours_per_week} hours/week` : null,
    length,
    p.includes_room_and_board === true ? 'includes room and board' : null,
    p.includes_room_and_board === false ? 'excludes room and board' : null,
    `source: ${p.source}`,
  ].filter(Boolean).join('; ');
}

/**
 * The prices of one level of care as HSDS cost_option rows, valid from their as_of date; the
 * unit of each amount is also a `price_units` attribute (listing-fact-terms.ts).
 */
export function toHsdsCostOptions(center: Center, level: LevelOfCare, serviceId: string, ctx: HsdsContext): HsdsCostOption[] {
  const prices = center.prices.filter((p) => p.level === level);
  // Keyed without the amount, so a new price for the same unit and type keeps its id.
  const keys = uniqueKeys(prices.map((p) => ['cost_option', level, p.unit, p.price_type].join('|')));
  return prices.map((p, i) => ({
    id: centerScopedId(center.id, keys[i]),
    attributes: toFactAttributes([priceUnitRef(center, level, p, centerScopedId(center.id, keys[i]))], ctx),
    service_id: serviceId,
    valid_from: p.as_of,
    option: `${PRICE_TYPE_TEXT[p.price_type]} per ${unitText(level, p.unit)}`,
    currency: 'USD',
    amount: p.amount,
    amount_description: details(level, p),
  }));
}

/** The same prices as one line of text, for the service's `fees_description`. */
export function feesDescription(center: Center, level: LevelOfCare): string | undefined {
  const prices = center.prices.filter((p) => p.level === level);
  if (prices.length === 0) return undefined;
  return prices.map((p) =>
    `${usd(p.amount)} per ${unitText(level, p.unit)} (${p.price_type === 'cash' ? 'cash price' : 'billed charge'}, as of ${p.as_of})`).join('; ');
}
