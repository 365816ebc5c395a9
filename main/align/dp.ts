// Monotone alignment by dynamic programming over beads (1-1, 1-0, 0-1, 2-1, ...), in a band around the
// diagonal that widens when the best path touches its edge. A forward and a backward pass give, for every
// bead, the cost of the best complete alignment that uses it; a chosen bead's confidence compares that with
// the best alignment that does not use it (any such alignment covers the bead's first unit with another bead).

export interface BeadShape {
  /** Source units covered. */
  di: number;
  /** Target units covered. */
  dj: number;
}

export interface DpProblem {
  n: number;
  m: number;
  shapes: readonly BeadShape[];
  /** Cost (in nats, lower is better) of the bead of shape `s` covering source [i, i+di) and target [j, j+dj). */
  cost(i: number, j: number, s: number): number;
  /** Initial half-width of the band; the search is exhaustive when the grid is small. */
  band?: number;
  /**
   * A previous alignment (its path cells, (i, j) in order) to search around instead of the diagonal:
   * a later pass rarely moves far from the first.
   */
  guide?: ReadonlyArray<readonly [number, number]>;
  /** Grids up to this many cells are searched in full. */
  fullSearchCells?: number;
}

export interface DpBead {
  i: number;
  j: number;
  di: number;
  dj: number;
  cost: number;
  confidence: number;
}

export interface DpSolution {
  beads: DpBead[];
  total: number;
  /** Half-width of the band that was used (0: full search). */
  band: number;
}

/** Probability-like confidence from a cost margin in nats: the best versus the best alternative. */
export function marginToConfidence(margin: number): number {
  if (!Number.isFinite(margin)) return 1;
  return 1 / (1 + Math.exp(-margin));
}

export function solve(problem: DpProblem): DpSolution {
  const { n, m } = problem;
  if (n === 0 || m === 0) {
    // Nothing to choose: every unit is an insertion or a deletion.
    const beads: DpBead[] = [];
    const one = problem.shapes.findIndex((s) => (n === 0 ? s.di === 0 && s.dj === 1 : s.di === 1 && s.dj === 0));
    let total = 0;
    for (let k = 0; k < Math.max(n, m); k++) {
      const i = n === 0 ? 0 : k;
      const j = n === 0 ? k : 0;
      const c = one >= 0 ? problem.cost(i, j, one) : 0;
      total += c;
      beads.push({ i, j, di: n === 0 ? 0 : 1, dj: n === 0 ? 1 : 0, cost: c, confidence: 1 });
    }
    return { beads, total, band: 0 };
  }
  const full = (n + 1) * (m + 1) <= (problem.fullSearchCells ?? 2_500);
  let band = full ? 0 : Math.max(problem.band ?? (problem.guide ? 3 : 6), 2);
  for (;;) {
    const result = solveBanded(problem, band);
    if (band === 0 || !result.touchesEdge) return { beads: result.beads, total: result.total, band };
    band *= 2;
    if (band >= Math.max(n, m)) band = 0;
  }
}

interface BandedResult {
  beads: DpBead[];
  total: number;
  touchesEdge: boolean;
}

function solveBanded(problem: DpProblem, band: number): BandedResult {
  const { n, m, shapes } = problem;
  const S = shapes.length;
  // Row i holds columns lo[i]..hi[i]; with band 0 every row holds every column.
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const rowStart = new Int32Array(n + 2);
  // Around the guide path: the columns it visits in each row (every row is visited), else the diagonal.
  const guideLo = new Int32Array(n + 1).fill(m);
  const guideHi = new Int32Array(n + 1);
  if (problem.guide && band !== 0) {
    for (const [i, j] of problem.guide) {
      if (i < 0 || i > n) continue;
      if (j < guideLo[i]) guideLo[i] = j;
      if (j > guideHi[i]) guideHi[i] = j;
    }
  }
  for (let i = 0; i <= n; i++) {
    if (band === 0) {
      lo[i] = 0;
      hi[i] = m;
    } else if (problem.guide && guideLo[i] <= guideHi[i]) {
      lo[i] = Math.max(0, guideLo[i] - band);
      hi[i] = Math.min(m, guideHi[i] + band);
    } else {
      const center = (i * m) / n;
      lo[i] = Math.max(0, Math.floor(center) - band);
      hi[i] = Math.min(m, Math.ceil(center) + band);
    }
    rowStart[i + 1] = rowStart[i] + (hi[i] - lo[i] + 1);
  }
  const cells = rowStart[n + 1];
  const at = (i: number, j: number) => (i < 0 || i > n || j < lo[i] || j > hi[i] ? -1 : rowStart[i] + j - lo[i]);

  // Bead costs by start cell, computed once: Infinity where the bead would leave the grid or the band.
  const cost = new Float64Array(cells * S).fill(Infinity);
  for (let i = 0; i <= n; i++) {
    for (let j = lo[i]; j <= hi[i]; j++) {
      const c = rowStart[i] + j - lo[i];
      for (let s = 0; s < S; s++) {
        const { di, dj } = shapes[s];
        if (i + di > n || j + dj > m || at(i + di, j + dj) < 0) continue;
        cost[c * S + s] = problem.cost(i, j, s);
      }
    }
  }

  const forward = new Float64Array(cells).fill(Infinity);
  const back = new Int8Array(cells).fill(-1);
  forward[at(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = lo[i]; j <= hi[i]; j++) {
      const c = rowStart[i] + j - lo[i];
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let arg = -1;
      for (let s = 0; s < S; s++) {
        const p = at(i - shapes[s].di, j - shapes[s].dj);
        if (p < 0) continue;
        const v = forward[p] + cost[p * S + s];
        if (v < best) {
          best = v;
          arg = s;
        }
      }
      forward[c] = best;
      back[c] = arg;
    }
  }
  const end = at(n, m);
  if (end < 0 || !Number.isFinite(forward[end])) {
    // The band cannot reach the corner (should not happen: the diagonal is always inside); search in full.
    if (band !== 0) return { beads: [], total: Infinity, touchesEdge: true };
    throw new Error('alignment grid has no path');
  }

  const backward = new Float64Array(cells).fill(Infinity);
  backward[end] = 0;
  for (let i = n; i >= 0; i--) {
    for (let j = hi[i]; j >= lo[i]; j--) {
      const c = rowStart[i] + j - lo[i];
      if (c === end) continue;
      let best = Infinity;
      for (let s = 0; s < S; s++) {
        const k = cost[c * S + s];
        if (k === Infinity) continue;
        const v = k + backward[at(i + shapes[s].di, j + shapes[s].dj)];
        if (v < best) best = v;
      }
      backward[c] = best;
    }
  }

  // Best and second-best bead covering each source unit and each target unit (by total path cost).
  const srcBest = new Float64Array(n).fill(Infinity);
  const srcSecond = new Float64Array(n).fill(Infinity);
  const srcArg = new Int32Array(n).fill(-1);
  const tgtBest = new Float64Array(m).fill(Infinity);
  const tgtSecond = new Float64Array(m).fill(Infinity);
  const tgtArg = new Int32Array(m).fill(-1);
  const note = (best: Float64Array, second: Float64Array, arg: Int32Array, k: number, v: number, id: number) => {
    if (v < best[k]) {
      second[k] = best[k];
      best[k] = v;
      arg[k] = id;
    } else if (v < second[k]) second[k] = v;
  };
  for (let i = 0; i <= n; i++) {
    for (let j = lo[i]; j <= hi[i]; j++) {
      const c = rowStart[i] + j - lo[i];
      if (forward[c] === Infinity) continue;
      for (let s = 0; s < S; s++) {
        const k = cost[c * S + s];
        if (k === Infinity) continue;
        const { di, dj } = shapes[s];
        const v = forward[c] + k + backward[at(i + di, j + dj)];
        if (v === Infinity) continue;
        const id = c * S + s;
        // The first unit suffices: every alternative path covers it with a different bead.
        if (di > 0) note(srcBest, srcSecond, srcArg, i, v, id);
        else note(tgtBest, tgtSecond, tgtArg, j, v, id);
        if (di === 0) continue;
        if (dj > 0) note(tgtBest, tgtSecond, tgtArg, j, v, id);
      }
    }
  }

  const beads: DpBead[] = [];
  let touchesEdge = false;
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const c = at(i, j);
    const s = back[c];
    const { di, dj } = shapes[s];
    const p = at(i - di, j - dj);
    const id = p * S + s;
    const total = forward[end];
    let alternative: number;
    if (di > 0) alternative = srcArg[i - di] === id ? srcSecond[i - di] : srcBest[i - di];
    else alternative = tgtArg[j - dj] === id ? tgtSecond[j - dj] : tgtBest[j - dj];
    beads.push({ i: i - di, j: j - dj, di, dj, cost: cost[id], confidence: marginToConfidence(alternative - total) });
    if (band !== 0 && ((j === lo[i] && lo[i] > 0) || (j === hi[i] && hi[i] < m))) touchesEdge = true;
    i -= di;
    j -= dj;
  }
  beads.reverse();
  return { beads, total: forward[end], touchesEdge };
}
