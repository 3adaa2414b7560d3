import { describe, expect, it } from 'vitest';
import { formatAmount, formatCount, formatPredicted, formatShare } from './audience-format';

describe('audience numbers', () => {
  it('shows money with two decimals, shares as percentages, counts grouped', () => {
    expect(formatAmount(1234.5)).toBe('1,234.50');
    expect(formatAmount(null)).toBe('—');
    expect(formatShare(0.1234)).toBe('12.3%');
    expect(formatShare(1)).toBe('100%');
    expect(formatCount(541909)).toBe('541,909');
  });

  it('shows a probability as a percentage and the other predictions as amounts', () => {
    expect(formatPredicted('probabilityAlive', 0.5)).toBe('50%');
    expect(formatPredicted('expectedPurchases', 1.23456)).toBe('1.23');
    expect(formatPredicted('expectedSpend', undefined)).toBe('—');
  });
});
