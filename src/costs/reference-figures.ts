import type { Cents } from './money';

/** A published figure the cost model relies on, kept with where it comes from. */
export interface MoneyFigure { cents: Cents; per: string; year: number | null; source: string }
export interface RateFigure { fraction: number; year: number; source: string }

const CMS_2026 = 'CMS, "2026 Medicare Parts A & B Premiums and Deductibles" fact sheet (14 Nov 2025)';
const CFR_447_52 = '42 CFR 447.52 (Medicaid cost sharing, incomes at or under 100% of the federal poverty line)';

/**
 * The 2026 figures of docs/cost-model.md ("Every figure the model uses"). Update them here once a year; every estimate and
 * every assumption sentence reads them from this table.
 */
export const REFERENCE_FIGURES = {
  medicare_part_a_deductible: { cents: 173_600, per: 'benefit period', year: 2026, source: CMS_2026 },
  /** Days 1–60 of a benefit period cost $0 after the deductible. */
  medicare_part_a_day_coinsurance: { cents: 43_400, per: 'day, days 61–90 of a benefit period', year: 2026, source: CMS_2026 },
  /**
   * After day 90 Part A draws on 60 lifetime reserve days. Kept for reference only: how many
   * a person has left is unknown, so stays beyond 90 days are not estimated.
   */
  medicare_lifetime_reserve_day_coinsurance: { cents: 86_800, per: 'lifetime reserve day', year: 2026, source: CMS_2026 },
  medicare_part_b_deductible: { cents: 28_300, per: 'year', year: 2026, source: CMS_2026 },
  medicare_part_b_coinsurance: { fraction: 0.2, year: 2026, source: `${CMS_2026}; Original Medicare has no out-of-pocket cap` },
  aca_oop_max_single: { cents: 1_060_000, per: 'plan year', year: 2026, source: 'HHS Notice of Benefit and Payment Parameters, 2026 maximum annual limitation on cost sharing' },
  aca_oop_max_family: { cents: 2_120_000, per: 'plan year', year: 2026, source: 'HHS Notice of Benefit and Payment Parameters, 2026 maximum annual limitation on cost sharing' },
  employer_single_deductible: { cents: 178_700, per: 'plan year', year: 2024, source: 'KFF Employer Health Benefits Survey 2024, average single-coverage deductible' },
  typical_coinsurance: { fraction: 0.2, year: 2026, source: 'Typical commercial coinsurance (docs/cost-model.md)' },
  medicaid_max_outpatient_service: { cents: 400, per: 'outpatient service', year: 2026, source: CFR_447_52 },
  medicaid_max_inpatient_stay: { cents: 7_500, per: 'inpatient stay', year: 2026, source: CFR_447_52 },
  iop_day_reference: { cents: 17_000, per: 'day', year: 2024, source: 'NC Medicaid fee schedule, H0015 intensive outpatient per diem, 2024' },
  iop_week_reference: { cents: 46_200, per: 'week', year: null, source: 'DATCAP, Drug Abuse Treatment Cost Analysis Program, historical' },
  residential_day_low: { cents: 35_700, per: 'day', year: 2021, source: 'Beetham et al., Health Affairs 2021, cash prices of residential programs' },
  residential_day_high: { cents: 75_800, per: 'day', year: 2021, source: 'Beetham et al., Health Affairs 2021, cash prices of residential programs' },
} as const satisfies Record<string, MoneyFigure | RateFigure>;
