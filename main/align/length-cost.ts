// The length cost of Gale & Church (1993): translations of longer text are longer, with a spread that
// grows with the length. delta = (lt/c − ls) / sqrt(mean · s²); cost = −log P(|Δ| ≥ |delta|) for a normal Δ.

/** −log(erfc(z)) for z ≥ 0, computed in log space so long texts do not underflow (Numerical Recipes' erfcc). */
export function negLogErfc(z: number): number {
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return z * z - poly - Math.log(t);
}

/**
 * Cost in nats of pairing `ls` source characters with `lt` target characters, when the target is expected
 * to have `ratio` characters per source character with variance `variance` per character.
 */
export function lengthCost(ls: number, lt: number, ratio: number, variance: number): number {
  if (ls === 0 && lt === 0) return 0;
  const scaled = lt / ratio;
  const mean = Math.max((ls + scaled) / 2, 1);
  const delta = Math.abs(scaled - ls) / Math.sqrt(mean * variance);
  // P(|Δ| ≥ delta) = erfc(delta / √2).
  return negLogErfc(delta * Math.SQRT1_2);
}
