import type { PricedLevel } from './cost-types';
import { formatUsd, toDollars } from './money';
import { REFERENCE_FIGURES as R } from './reference-figures';

const IOP_DAY = R.iop_day_reference.cents;
const IOP_WEEK = R.iop_week_reference.cents;
const RES_LOW = R.residential_day_low.cents;
const RES_HIGH = R.residential_day_high.cents;
/** One figure is needed for arithmetic; the middle of the published range, said as such. */
const RES_MID = Math.round((RES_LOW + RES_HIGH) / 2);

/**
 * The last resort of docs/cost-model.md step 4, when neither the center nor any center nearby
 * publishes a price: national reference figures, with their sources in the description.
 */
export function nationalReferencePrice(kind: 'iop' | 'inpatient'): PricedLevel {
  if (kind === 'iop') {
    return {
      price: { level: 'iop', amount: toDollars(IOP_DAY), unit: 'day', source: R.iop_day_reference.source },
      price_source: {
        kind: 'national_reference',
        description: `National reference: about ${formatUsd(IOP_DAY)} a day (${R.iop_day_reference.source}); other sources give up to ${formatUsd(IOP_WEEK)} a week (${R.iop_week_reference.source}).`,
        as_of: null,
        age_days: null,
      },
    };
  }
  return {
    price: { level: 'residential', amount: toDollars(RES_MID), unit: 'day', price_type: 'cash', source: R.residential_day_low.source },
    price_source: {
      kind: 'national_reference',
      description: `National reference: ${formatUsd(RES_MID)} a day, the midpoint of residential cash prices of ${formatUsd(RES_LOW)}–${formatUsd(RES_HIGH)} a day (${R.residential_day_low.source}).`,
      as_of: null,
      age_days: null,
    },
  };
}
