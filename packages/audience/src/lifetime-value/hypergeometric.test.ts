import { describe, expect, it } from 'vitest';
import { hyp2f1 } from './hypergeometric.js';

function expectRelativelyClose(actual: number, expected: number): void {
  expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThan(1e-12);
}

describe('hyp2f1', () => {
  it.each([0, 0.3, 0.9, 0.99])('equals its closed forms at z = %s', (z) => {
    expectRelativelyClose(hyp2f1(1, 1, 2, z), z === 0 ? 1 : -Math.log(1 - z) / z);
    expectRelativelyClose(hyp2f1(0.7, 2.5, 2.5, z), (1 - z) ** -0.7);
  });

  it('stops where the series terminates (a non-positive integer a)', () => {
    const [b, c, z] = [3.5, 1.5, 0.8];
    expect(hyp2f1(-2, b, c, z)).toBeCloseTo(1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 12);
  });

  // Reference values from mpmath at 40 digits.
  it('does not stop early on a tiny term that later terms outgrow', () => {
    // The first term is 5e-19; the next ones grow about 25-fold each for a while.
    expectRelativelyClose(hyp2f1(1e-20, 100, 1, 0.5), 129379922.33755133);
  });

  it('sums series whose terms change sign or grow for a long while', () => {
    expectRelativelyClose(hyp2f1(-0.5, 3, 1.2, 0.95), -7.375978304661668);
    expectRelativelyClose(hyp2f1(12.5, 3, 1.2, 0.95), 1.7033370611300732e+20);
  });

  it('refuses z outside [0, 1), and throws rather than return a partial sum', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, 0.99999)).toThrow('did not converge');
  });
});
