const MAX_TERMS = 100_000;

/**
 * Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, summed as its power series
 *
 *   ₂F₁(a, b; c; z) = Σₙ (a)ₙ (b)ₙ / ((c)ₙ n!) · zⁿ
 *
 * where (q)ₙ = q(q+1)…(q+n−1). Each term is the previous one times
 * (a+n)(b+n) / ((c+n)(n+1)) · z, a ratio that tends to z, so the series converges for |z| < 1,
 * geometrically but slowly as z nears 1 (about 35 / (1 − z) terms for full precision).
 *
 * The convergence guard: the sum stops only once the terms can no longer grow (past
 * `lastGrowingIndex`) and the rest of the series, bounded by a geometric tail, is below double
 * precision relative to the sum. Stopping at the first tiny term instead would be wrong when a or
 * b is close to 0: ₂F₁(10⁻²⁰, 100; 1; ½) starts 1 + 5·10⁻¹⁹ + … and is about 1.3·10⁸. A term of
 * exactly 0 means the series terminates (a or b is a non-positive integer). If it has not
 * converged within 100,000 terms (z within about 0.0004 of 1) it throws rather than return a
 * partial sum.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1: the series needs 0 ≤ z < 1, got z = ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1: c must not be a non-positive integer, got c = ${c}`);
  const shrinkingFrom = lastGrowingIndex(a, b, c, z);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (term === 0) return sum;
    if (n > shrinkingFrom) {
      const tailRatio = Math.max(ratio, z);
      if ((Math.abs(term) * tailRatio) / (1 - tailRatio) <= Number.EPSILON * Math.abs(sum)) return sum;
    }
  }
  throw new Error(`hyp2f1(${a}, ${b}; ${c}; ${z}): the series did not converge in ${MAX_TERMS} terms`);
}

/**
 * The index n past which every term ratio lies in [0, 1). Past −a, −b and −c all its factors are
 * positive, and then ratio < 1 ⇔ (1−z)n² + (c+1−z(a+b))n + (c − z·a·b) > 0, a parabola that
 * opens upwards (z < 1), so true past its larger root.
 */
function lastGrowingIndex(a: number, b: number, c: number, z: number): number {
  const [quadratic, linear, constant] = [1 - z, c + 1 - z * (a + b), c - z * a * b];
  const discriminant = linear * linear - 4 * quadratic * constant;
  const largerRoot = discriminant > 0 ? (-linear + Math.sqrt(discriminant)) / (2 * quadratic) : -Infinity;
  return Math.max(-a, -b, -c, largerRoot);
}
