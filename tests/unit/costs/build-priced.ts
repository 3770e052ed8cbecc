import type { PricedLevel, PriceInput } from '../../../src/costs/cost-types';

/** A center price with its source; overrides replace fields of the price. */
export function buildPriced(overrides: Partial<PriceInput> = {}): PricedLevel {
  return {
    price: {
      level: 'iop', amount: 250, unit: 'day', price_type: 'cash', includes_room_and_board: null,
      source: 'center website', as_of: '2026-01-15', ...overrides,
    },
    price_source: { kind: 'center', description: 'Published by the center', as_of: '2026-01-15', age_days: 30 },
  };
}

/** The worked check of docs/cost-model.md: IOP $250/day, residential $600/day. */
export const WORKED = {
  iop: buildPriced({ level: 'iop', amount: 250, unit: 'day' }),
  inpatient: buildPriced({ level: 'residential', amount: 600, unit: 'day', includes_room_and_board: true }),
};
