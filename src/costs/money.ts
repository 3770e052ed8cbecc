/**
 * Money is carried in integer cents so that sums and differences are exact; dollars appear
 * only where a response is built (`toDollars`). Amounts in this model are never negative.
 */
export type Cents = number;

/** Dollars (as received from a price or a query) to whole cents, half a cent rounding up. */
export function toCents(dollars: number): Cents {
  if (!Number.isFinite(dollars) || dollars <= 0) return 0;
  // Shift the decimal point in the text, not by multiplying: 1.005 * 100 is 100.49999…
  const text = String(dollars);
  const shifted = text.includes('e') ? dollars * 100 : Number(`${text}e2`);
  return Math.round(shifted);
}

/** Cents to a dollar number for a response (2629.6 for 262960 cents). */
export function toDollars(cents: Cents): number {
  return cents / 100;
}

const PPM = 1_000_000;
const toPpm = (x: number) => BigInt(Math.round(x * PPM));

/**
 * cents × multiplier ÷ divisor, rounded half up to the cent (coinsurance: 20% of $0.05 is
 * $0.01). Multipliers and divisors are taken to 6 decimal places (a coinsurance of 0.2 or an
 * allowed ratio of 0.6 is exact) and the product is computed in integers, so no binary
 * fraction can tip a half cent the wrong way. A fraction such as 30/7 weeks is passed as
 * (30, 7) to stay exact.
 */
export function scaleCents(cents: Cents, multiplier: number, divisor = 1): Cents {
  if (!Number.isFinite(cents) || !Number.isFinite(multiplier) || !Number.isFinite(divisor)) return 0;
  const m = toPpm(multiplier);
  const d = toPpm(divisor);
  if (cents <= 0 || m <= 0n || d <= 0n) return 0;
  const product = BigInt(Math.round(cents)) * m;
  return Number((2n * product + d) / (2n * d));
}

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const USD_WHOLE = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/** "$1,787" for whole dollars, "$2,629.60" otherwise: for the sentences in `assumptions`. */
export function formatUsd(cents: Cents): string {
  return (cents % 100 === 0 ? USD_WHOLE : USD).format(cents / 100);
}

/** "20%", "12.5%": for the sentences in `assumptions`. */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 10_000) / 100}%`;
}
