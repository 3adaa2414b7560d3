import type { Minimum } from './nelder-mead.js';

// Far outside any sensible fit in any sensible unit (CDNOW in milliseconds has α ≈ 2.7·10⁹).
const SMALLEST = 1e-10;
const LARGEST = 1e10;

/**
 * The fitted parameters, or an error when the fit found none. Some data have no maximum of the
 * likelihood at finite parameters (all customers alike: every spend equal, every customer with
 * one repeat purchase): the optimiser then runs towards 0 or infinity until rounding stops it,
 * and may even report convergence there. Parameters that far out are refused rather than used.
 */
export function fittedParams<Name extends string>(model: string, names: readonly Name[], minimum: Minimum): Record<Name, number> {
  if (!minimum.converged) {
    throw new Error(`${model}: the fit did not converge in ${minimum.evaluations} evaluations: the data cannot pin the model down`);
  }
  const params = Object.fromEntries(names.map((name, i) => [name, Math.exp(minimum.x[i]!)])) as Record<Name, number>;
  const extreme = names.filter((name) => !(params[name] >= SMALLEST && params[name] <= LARGEST));
  if (extreme.length > 0) {
    const values = names.map((name) => `${name} = ${params[name].toPrecision(3)}`).join(', ');
    throw new Error(`${model}: the likelihood has no maximum at finite parameters (${values}): too few customers, or all alike`);
  }
  return params;
}
