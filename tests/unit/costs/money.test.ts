import { formatPercent, formatUsd, scaleCents, toCents, toDollars } from '../../../src/costs/money';

describe('money', () => {
  test('toCents rounds through the decimal text, half a cent up', () => {
    expect(toCents(1.005)).toBe(101);
    expect(toCents(0.1 + 0.2)).toBe(30);
    expect(toCents(1787)).toBe(178_700);
    expect(toCents(557.5)).toBe(55_750);
    expect(toCents(0.004)).toBe(0);
    expect(toCents(1e-7)).toBe(0);
  });

  test('toCents never returns a negative or NaN amount', () => {
    expect(toCents(-5)).toBe(0);
    expect(toCents(Number.NaN)).toBe(0);
    expect(toCents(Number.POSITIVE_INFINITY)).toBe(0);
  });

  test('toDollars gives a number with cents', () => {
    expect(toDollars(262_960)).toBe(2629.6);
    expect(toDollars(1)).toBe(0.01);
  });

  test('scaleCents rounds a fractional cent half up', () => {
    expect(scaleCents(5, 0.5)).toBe(3); // 2.5 cents
    expect(scaleCents(1, 0.5)).toBe(1); // 0.5 cent
    expect(scaleCents(1, 0.4)).toBe(0); // 0.4 cent
    expect(scaleCents(1010, 0.15)).toBe(152); // 151.5 cents
    expect(scaleCents(1_621_300, 0.2)).toBe(324_260); // 20% of $16,213
  });

  test('scaleCents keeps a fraction exact when given as multiplier and divisor', () => {
    expect(scaleCents(420_000, 30, 7)).toBe(1_800_000); // $4,200/week for 30 days
    expect(scaleCents(400_000, 30, 7)).toBe(1_714_286); // $17,142.857… → $17,142.86
    expect(scaleCents(502_960, 7, 30)).toBe(117_357); // $5,029.60 over 30/7 weeks
  });

  test('scaleCents returns 0 rather than NaN or a negative amount', () => {
    expect(scaleCents(100, 0)).toBe(0);
    expect(scaleCents(100, 1, 0)).toBe(0);
    expect(scaleCents(-100, 0.2)).toBe(0);
    expect(scaleCents(100, Number.NaN)).toBe(0);
  });

  test('formatUsd and formatPercent for assumption sentences', () => {
    expect(formatUsd(178_700)).toBe('$1,787');
    expect(formatUsd(262_960)).toBe('$2,629.60');
    expect(formatPercent(0.2)).toBe('20%');
    expect(formatPercent(0.125)).toBe('12.5%');
  });
});
