import type { CostOption } from '../../../src/costs/cost-types';
import { COST_PAYERS } from '../../../src/costs/cost-types';
import { estimateCosts } from '../../../src/costs/estimate-costs';
import { estimateStepDown } from '../../../src/costs/estimate-step-down';
import { PRICE_UNITS } from '../../../src/taxonomy/codes';
import { buildPriced } from './build-priced';

const MONEY_FIELDS = ['rate', 'units', 'allowed_total', 'patient_pays', 'plan_pays', 'patient_pays_per_week', 'plan_pays_per_week'] as const;

function expectSane(o: CostOption) {
  for (const f of MONEY_FIELDS) {
    const v = o[f];
    if (v !== null) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
    }
  }
  if (o.estimated) expect(Math.round((o.patient_pays! + o.plan_pays!) * 100)).toBe(Math.round(o.allowed_total! * 100));
  for (const v of Object.values(o.breakdown ?? {})) if (typeof v === 'number') expect(v).toBeGreaterThanOrEqual(0);
}

describe('no NaN, no negative amounts, shares add up to the total', () => {
  const coverages = [
    {}, { deductible: 0, oop_max: 0 }, { coinsurance: 1, copay_per_day: 500 }, { deductible_met: 99999, oop_met: 99999 },
    { in_network: false, oon_allowed_ratio: 0 }, { in_network: false, oon_allowed_ratio: 1, oop_max: 1 },
  ];
  test.each(COST_PAYERS.flatMap((payer) => coverages.map((c) => ({ payer, ...c }))))('%o', (coverage) => {
    for (const unit of PRICE_UNITS) {
      for (const amount of [0.01, 33.33, 999_999]) {
        const input = {
          iop: buildPriced({ unit, amount }),
          inpatient: buildPriced({ level: 'hospital_inpatient', unit, amount }),
          coverage,
          program: { iop_weeks: 1, iop_days_per_week: 7, inpatient_days: 1 },
        };
        const r = estimateCosts(input);
        expectSane(r.options.iop);
        expectSane(r.options.inpatient);
        const path = estimateStepDown(input);
        expectSane(path);
      }
    }
  });
});
