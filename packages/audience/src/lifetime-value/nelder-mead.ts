/**
 * Nelder-Mead downhill simplex minimisation, for the few-parameter likelihoods of the lifetime
 * value models. It needs no gradient, and the models' likelihoods are smooth and cheap, so a few
 * thousand evaluations are fine.
 *
 * Written here rather than taken from the `fmin` package (0.0.4): its published build is a UMD
 * file in a `"type": "module"` package, so importing it in Node yields no exports, and its shrink
 * step assigns an undeclared variable, which throws in strict mode the first time a shrink happens.
 */

export interface MinimizeOptions {
  /** The initial simplex steps this far from the start along each axis. */
  step?: number;
  /** Converged when every vertex is within this distance of the best, per coordinate... */
  xTolerance?: number;
  /** ...and the values differ by at most this, relative to 1 + |best value|. */
  fTolerance?: number;
  /** Gives up (converged: false) after this many evaluations in all, restarts included. */
  maxEvaluations?: number;
}

export interface Minimum {
  x: number[];
  value: number;
  evaluations: number;
  converged: boolean;
}

// The standard coefficients: reflect, expand, contract, shrink.
const REFLECT = 1;
const EXPAND = 2;
const CONTRACT = 0.5;
const SHRINK = 0.5;

/**
 * Minimises `f` from `start`. A value that is not a finite number (NaN, ±Infinity) counts as
 * +Infinity, so a likelihood that overflows at an extreme point pushes the simplex away instead of
 * poisoning it. After converging, the search restarts from the best point with a fresh simplex
 * until a restart no longer improves the value: a simplex can collapse early on a valley's side.
 */
export function minimize(f: (x: Float64Array) => number, start: readonly number[], options: MinimizeOptions = {}): Minimum {
  const { step = 0.5, xTolerance = 1e-8, fTolerance = 1e-12, maxEvaluations = 2000 * start.length } = options;
  const budget = { left: maxEvaluations };
  let best = search(f, Float64Array.from(start), step, xTolerance, fTolerance, budget);
  while (best.converged && budget.left > 0) {
    const next = search(f, best.x, step, xTolerance, fTolerance, budget);
    const improved = best.value - next.value > fTolerance * (1 + Math.abs(best.value));
    best = next.value <= best.value ? next : { ...best, converged: next.converged };
    if (!improved) break;
  }
  return { x: Array.from(best.x), value: best.value, evaluations: maxEvaluations - budget.left, converged: best.converged };
}

interface SearchResult {
  x: Float64Array;
  value: number;
  converged: boolean;
}

function search(
  f: (x: Float64Array) => number,
  start: Float64Array,
  step: number,
  xTolerance: number,
  fTolerance: number,
  budget: { left: number },
): SearchResult {
  const n = start.length;
  const evaluate = (x: Float64Array): number => {
    budget.left -= 1;
    const value = f(x);
    return Number.isFinite(value) ? value : Infinity;
  };
  // vertices[order[0]] is the best vertex, vertices[order[n]] the worst.
  const vertices = Array.from({ length: n + 1 }, (_, i) => {
    const vertex = Float64Array.from(start);
    if (i > 0) vertex[i - 1]! += step;
    return vertex;
  });
  const values = Float64Array.from(vertices, evaluate);
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  const trial = new Float64Array(n);

  for (;;) {
    order.sort((i, j) => values[i]! - values[j]!);
    const best = vertices[order[0]!]!;
    const bestValue = values[order[0]!]!;
    const worstIndex = order[n]!;
    const worst = vertices[worstIndex]!;
    const worstValue = values[worstIndex]!;

    if (hasConverged(vertices, order, bestValue, worstValue, xTolerance, fTolerance)) {
      return { x: Float64Array.from(best), value: bestValue, converged: true };
    }
    if (budget.left <= 0) return { x: Float64Array.from(best), value: bestValue, converged: false };

    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const vertex = vertices[order[k]!]!;
      for (let d = 0; d < n; d++) centroid[d]! += vertex[d]! / n;
    }
    moveFrom(centroid, worst, -REFLECT, reflected);
    const reflectedValue = evaluate(reflected);

    if (reflectedValue < bestValue) {
      moveFrom(centroid, worst, -EXPAND, trial);
      const expandedValue = evaluate(trial);
      if (expandedValue < reflectedValue) replace(worstIndex, trial, expandedValue);
      else replace(worstIndex, reflected, reflectedValue);
    } else if (reflectedValue < values[order[n - 1]!]!) {
      replace(worstIndex, reflected, reflectedValue);
    } else {
      // Contract towards the better of the worst vertex and its reflection.
      const outside = reflectedValue < worstValue;
      moveFrom(centroid, outside ? reflected : worst, CONTRACT, trial);
      const contractedValue = evaluate(trial);
      if (contractedValue < (outside ? reflectedValue : worstValue)) {
        replace(worstIndex, trial, contractedValue);
      } else {
        for (let k = 1; k <= n; k++) {
          const vertex = vertices[order[k]!]!;
          for (let d = 0; d < n; d++) vertex[d] = best[d]! + SHRINK * (vertex[d]! - best[d]!);
          values[order[k]!] = evaluate(vertex);
        }
      }
    }
  }

  function replace(index: number, point: Float64Array, value: number): void {
    vertices[index]!.set(point);
    values[index] = value;
  }
}

/** out = from + factor · (towards − from) */
function moveFrom(from: Float64Array, towards: Float64Array, factor: number, out: Float64Array): void {
  for (let d = 0; d < from.length; d++) out[d] = from[d]! + factor * (towards[d]! - from[d]!);
}

function hasConverged(
  vertices: Float64Array[],
  order: number[],
  bestValue: number,
  worstValue: number,
  xTolerance: number,
  fTolerance: number,
): boolean {
  if (!(worstValue - bestValue <= fTolerance * (1 + Math.abs(bestValue)))) return false;
  const best = vertices[order[0]!]!;
  for (let k = 1; k < order.length; k++) {
    const vertex = vertices[order[k]!]!;
    for (let d = 0; d < best.length; d++) if (Math.abs(vertex[d]! - best[d]!) > xTolerance) return false;
  }
  return true;
}
