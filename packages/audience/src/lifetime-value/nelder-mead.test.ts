import { describe, expect, it } from 'vitest';
import { minimize } from './nelder-mead.js';

describe('minimize', () => {
  it("finds the minimum of Rosenbrock's curved valley", () => {
    const rosenbrock = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const minimum = minimize(rosenbrock, [-1.2, 1]);
    expect(minimum.converged).toBe(true);
    expect(minimum.x[0]).toBeCloseTo(1, 6);
    expect(minimum.x[1]).toBeCloseTo(1, 6);
  });

  // fmin 0.0.4's shrink step assigned an undeclared variable and threw here.
  it('survives shrink steps on a kinked function', () => {
    const kinked = (x: Float64Array) => Math.abs(x[0]!) + 10 * Math.abs(x[1]!) + (Math.abs(x[0]!) < 0.3 ? Math.sin(50 * x[0]!) : 0);
    expect(() => minimize(kinked, [1, 1])).not.toThrow();
  });

  it('steers away from points where the function is not a finite number', () => {
    // log is NaN below 0: the minimum of (x − 0.5)² − log x lies at x = 1.
    const minimum = minimize((x) => (x[0]! - 0.5) ** 2 - Math.log(x[0]!), [0.1], { step: 2 });
    expect(minimum.x[0]).toBeCloseTo(1, 6);
  });

  it('reports when it runs out of evaluations', () => {
    const minimum = minimize((x) => x[0]! ** 2 + x[1]! ** 2, [100, 100], { maxEvaluations: 10 });
    expect(minimum.converged).toBe(false);
    expect(minimum.evaluations).toBeLessThanOrEqual(12);
  });
});
