// Monotone alignment by dynamic programming over beads (1-1, 1-0, 0-1, 2-1, ...), in a band around the
// diagonal that widens when the best path touches its edge (around a guide path: only near where it touches).
// A forward and a backward pass give, for every bead, the cost of the best complete alignment that uses it; a
// chosen bead's confidence compares that with the best alignment that does not use it (any such alignment
// covers the bead's first unit with another bead).

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
  /**
   * The same cost written to out[at] (when given, the grid uses it: a cost returned from a call that is not inlined
   * is a number allocated on the heap, millions of them on a long document).
   */
  costTo?(i: number, j: number, s: number, out: Float64Array, at: number): void;
  /** Initial half-width of the band; the search is exhaustive when the grid is small. */
  band?: number;
  /**
   * A previous alignment (its path cells, (i, j) in order) to search around instead of the diagonal:
   * a later pass rarely moves far from the first. The band then widens only in the rows near where the best path
   * touches its edge (without `maxBand`).
   */
  guide?: ReadonlyArray<readonly [number, number]>;
  /** Grids up to this many cells are searched in full. */
  fullSearchCells?: number;
  /**
   * The band does not widen past this half-width: when the best path still runs along its edge, the solution
   * says so (`touched`) and has no beads.
   */
  maxBand?: number;
  /**
   * Bead costs an earlier solve of the same grid with the same cost function computed (its solution's `costs`):
   * read from there instead of computed again.
   */
  known?: DpCosts;
  /** Only the best path is wanted: its beads come without confidences (0), and no backward pass is made. */
  pathOnly?: boolean;
}

/**
 * Bead costs computed by a solve: per row i, the columns lo[i]..hi[i] (none when lo > hi), `S` shapes each; NaN for a
 * bead that ended outside the solve's band (not computed).
 */
export interface DpCosts {
  lo: Int32Array;
  hi: Int32Array;
  rows: Float64Array[];
  S: number;
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
  /** The best path ran along the band's edge at `maxBand` (a wider band could find a better one). */
  touched?: boolean;
  /** The bead costs computed (for `known` of a later solve). */
  costs: DpCosts;
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
    return { beads, total, band: 0, costs: { lo: new Int32Array(0), hi: new Int32Array(0), rows: [], S: 0 } };
  }
  const full = (n + 1) * (m + 1) <= (problem.fullSearchCells ?? 2_500);
  let band = full ? 0 : Math.max(problem.band ?? (problem.guide ? 3 : 6), 2);
  const grid = new Grid(problem);
  grid.setBand(band);
  // Around a guide, the band widens only near where the best path ran along its edge (LOCAL_ROWS rows either side
  // of each touch): a guide holds the path nearly everywhere. Around the diagonal it doubles everywhere. Either
  // way the costs of the cells already searched are kept, so a wider band costs its new cells only.
  const local = !!problem.guide && problem.maxBand === undefined;
  for (;;) {
    const result = grid.search();
    if (band === 0 && !Number.isFinite(result.total)) throw new Error('alignment grid has no path');
    if (band === 0 || result.touches.length === 0)
      return {
        beads: problem.pathOnly ? grid.pathBeads(result.path) : grid.confidences(result.path),
        total: result.total,
        band: local ? grid.widest() : band,
        costs: grid.known(),
      };
    if (problem.maxBand !== undefined && band >= problem.maxBand && Number.isFinite(result.total))
      return { beads: [], total: result.total, band, touched: true, costs: grid.known() };
    if (local && Number.isFinite(result.total) && grid.widenNear(result.touches, LOCAL_ROWS)) continue;
    band *= 2;
    if (band >= Math.max(n, m)) band = 0;
    grid.setBand(band);
  }
}

/** Rows either side of a touch of the band's edge that a band around a guide widens (doubling their half-width). */
const LOCAL_ROWS = 16;

/** Where the best path met the band's edge: a row, and whether at its left (-1) or right (+1) edge. */
interface Touch {
  i: number;
  side: -1 | 1;
}

/**
 * The search grid: row i holds the columns lo[i]..hi[i]. Bead costs are computed once per (cell, shape) and kept
 * by row while the band widens (the raw cost, whatever the band; Infinity where the bead leaves the grid).
 */
class Grid {
  readonly n: number;
  readonly m: number;
  readonly S: number;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** Columns whose costs are known in each row, and the costs ((j - costLo[i]) * S + s). */
  private readonly costLo: Int32Array;
  private readonly costHi: Int32Array;
  private readonly costs: Float64Array[];
  private rowStart = new Int32Array(0);
  private forward = new Float64Array(0);
  private back = new Int8Array(0);

  constructor(private readonly problem: DpProblem) {
    this.n = problem.n;
    this.m = problem.m;
    this.S = problem.shapes.length;
    this.lo = new Int32Array(this.n + 1);
    this.hi = new Int32Array(this.n + 1);
    this.costLo = new Int32Array(this.n + 1).fill(1);
    this.costHi = new Int32Array(this.n + 1);
    this.costs = new Array<Float64Array>(this.n + 1);
    this.deferred = new Uint8Array(this.n + 1);
  }

  /** Per row, the half-width of the band around the guide (setBand, widenNear). */
  private rowBand = new Int32Array(0);
  private guideLo = new Int32Array(0);
  private guideHi = new Int32Array(0);

  /**
   * Doubles the half-width of the band around the guide in the rows within `rows` of each touch (false when every
   * such row already spans the grid, or a touch is in a row the guide does not reach: then nothing is widened).
   */
  widenNear(touches: Touch[], rows: number): boolean {
    const { n, m, lo, hi, rowBand, guideLo, guideHi } = this;
    if (rowBand.length !== n + 1 || guideLo.length !== n + 1) return false;
    const next = Int32Array.from(rowBand);
    let changed = false;
    for (const t of touches) {
      // A row the guide does not reach (its band is around the diagonal): the caller widens everywhere.
      if (guideLo[t.i] > guideHi[t.i]) return false;
      const width = Math.max(2, rowBand[t.i] * 2);
      for (let i = Math.max(0, t.i - rows); i <= Math.min(n, t.i + rows); i++) {
        if ((lo[i] === 0 && hi[i] === m) || guideLo[i] > guideHi[i]) continue;
        if (next[i] < width) {
          next[i] = width;
          changed = true;
        }
      }
    }
    if (!changed) return false;
    this.rowBand = next;
    for (let i = 0; i <= n; i++) {
      if (guideLo[i] > guideHi[i]) continue;
      lo[i] = Math.max(0, guideLo[i] - next[i]);
      hi[i] = Math.min(m, guideHi[i] + next[i]);
    }
    return true;
  }

  /** The widest half-width of the band around the guide. */
  widest(): number {
    let w = 0;
    for (const b of this.rowBand) if (b > w) w = b;
    return w;
  }

  /**
   * A band of half-width `band` around the guide path (the columns it visits in each row), else the diagonal; 0:
   * every cell.
   */
  setBand(band: number): void {
    const { n, m, lo, hi, problem } = this;
    this.rowBand = new Int32Array(n + 1).fill(band);
    if (band === 0) {
      lo.fill(0);
      hi.fill(m);
      return;
    }
    const guideLo = new Int32Array(n + 1).fill(m);
    const guideHi = new Int32Array(n + 1).fill(-1);
    if (problem.guide) {
      for (const [i, j] of problem.guide) {
        if (i < 0 || i > n) continue;
        if (j < guideLo[i]) guideLo[i] = j;
        if (j > guideHi[i]) guideHi[i] = j;
      }
    }
    this.guideLo = guideLo;
    this.guideHi = guideHi;
    for (let i = 0; i <= n; i++) {
      if (problem.guide && guideLo[i] <= guideHi[i]) {
        lo[i] = Math.max(0, guideLo[i] - band);
        hi[i] = Math.min(m, guideHi[i] + band);
      } else {
        const center = (i * m) / n;
        lo[i] = Math.max(0, Math.floor(center) - band);
        hi[i] = Math.min(m, Math.ceil(center) + band);
      }
    }
  }

  known(): DpCosts {
    return { lo: this.costLo, hi: this.costHi, rows: this.costs, S: this.S };
  }

  /**
   * Makes sure the costs of every cell of row i inside the band are known, for the beads that end inside the band
   * (no path uses another): a bead that ends outside it is NaN until a wider band takes its end in.
   */
  private fillRow(i: number): void {
    const { S, problem } = this;
    const lo = this.lo[i];
    const hi = this.hi[i];
    const oldLo = this.costLo[i];
    const oldHi = this.costHi[i];
    if (oldLo <= oldHi && oldLo <= lo && hi <= oldHi) {
      if (this.deferred[i]) this.fillDeferred(i);
      return;
    }
    const newLo = oldLo <= oldHi ? Math.min(lo, oldLo) : lo;
    const newHi = oldLo <= oldHi ? Math.max(hi, oldHi) : hi;
    const row = this.slab.float64((newHi - newLo + 1) * S);
    if (oldLo <= oldHi) row.set(this.costs[i], (oldLo - newLo) * S);
    this.costs[i] = row;
    this.costLo[i] = newLo;
    this.costHi[i] = newHi;
    // Beads of the columns known before that a narrower band left out.
    if (this.deferred[i]) this.fillDeferred(i);
    const known = problem.known;
    const knownLo = known && known.S === S ? known.lo[i] : 1;
    const knownHi = known && known.S === S ? known.hi[i] : 0;
    for (let j = newLo; j <= newHi; j++) {
      if (oldLo <= oldHi && j >= oldLo && j <= oldHi) continue;
      const at = (j - newLo) * S;
      if (j >= knownLo && j <= knownHi) {
        const from = (j - knownLo) * S;
        const costs = known!.rows[i];
        for (let s = 0; s < S; s++) {
          const c = costs[from + s];
          if (c === c) row[at + s] = c;
          else this.beadCostTo(i, j, s, row, at + s);
        }
        continue;
      }
      for (let s = 0; s < S; s++) this.beadCostTo(i, j, s, row, at + s);
    }
  }

  /** Rows holding NaN costs (beads that ended outside the band when their cell was filled). */
  private readonly deferred: Uint8Array;

  /** Where the rows' costs are kept. */
  private readonly slab = new Slab();

  /**
   * Writes to row[at] the cost of the bead of shape s starting at (i, j): Infinity when it leaves the grid, NaN (not
   * computed) when it ends outside the band (the row is marked deferred).
   */
  private beadCostTo(i: number, j: number, s: number, row: Float64Array, at: number): void {
    const { di, dj } = this.problem.shapes[s];
    const ni = i + di;
    const nj = j + dj;
    if (ni > this.n || nj > this.m) row[at] = Infinity;
    else if (nj < this.lo[ni] || nj > this.hi[ni]) {
      this.deferred[i] = 1;
      row[at] = NaN;
    } else if (this.problem.costTo) this.problem.costTo(i, j, s, row, at);
    else row[at] = this.problem.cost(i, j, s);
  }

  /** Computes the NaN costs of row i whose beads now end inside the band (the others stay NaN). */
  private fillDeferred(i: number): void {
    const { S } = this;
    const row = this.costs[i];
    const cl = this.costLo[i];
    this.deferred[i] = 0;
    for (let j = cl; j <= this.costHi[i]; j++) {
      const at = (j - cl) * S;
      for (let s = 0; s < S; s++) if (row[at + s] !== row[at + s]) this.beadCostTo(i, j, s, row, at + s);
    }
  }

  /** Cost of the bead of shape s starting at (i, j), a cell of the band. */
  private cost(i: number, j: number, s: number): number {
    return this.costs[i][(j - this.costLo[i]) * this.S + s];
  }

  private inBand(i: number, j: number): boolean {
    return i >= 0 && i <= this.n && j >= this.lo[i] && j <= this.hi[i];
  }

  /** Forward pass and best path; the touches of the band's edge (not of the grid's). */
  search(): { path: Array<[number, number, number]>; total: number; touches: Touch[] } {
    const { n, m, S, lo, hi } = this;
    const { shapes } = this.problem;
    const rowStart = new Int32Array(n + 2);
    for (let i = 0; i <= n; i++) {
      this.fillRow(i);
      rowStart[i + 1] = rowStart[i] + (hi[i] - lo[i] + 1);
    }
    const cells = rowStart[n + 1];
    const forward = new Float64Array(cells).fill(Infinity);
    const back = new Int8Array(cells).fill(-1);
    forward[0] = 0;
    for (let i = 0; i <= n; i++) {
      const l = lo[i];
      for (let j = l; j <= hi[i]; j++) {
        if (i === 0 && j === 0) continue;
        let best = Infinity;
        let arg = -1;
        for (let s = 0; s < S; s++) {
          const pi = i - shapes[s].di;
          const pj = j - shapes[s].dj;
          if (pi < 0 || pj < lo[pi] || pj > hi[pi]) continue;
          const v = forward[rowStart[pi] + pj - lo[pi]] + this.costs[pi][(pj - this.costLo[pi]) * S + s];
          if (v < best) {
            best = v;
            arg = s;
          }
        }
        forward[rowStart[i] + j - l] = best;
        back[rowStart[i] + j - l] = arg;
      }
    }
    this.rowStart = rowStart;
    this.forward = forward;
    this.back = back;
    const end = rowStart[n] + m - lo[n];
    const total = forward[end];
    // The band cannot reach the corner (should not happen: the diagonal is always inside): the caller widens it.
    if (!Number.isFinite(total)) return { path: [], total, touches: [{ i: n, side: 1 }] };
    // The path, end to start: (i, j, shape) of each bead's start.
    const path: Array<[number, number, number]> = [];
    const touches: Touch[] = [];
    let i = n;
    let j = m;
    while (i > 0 || j > 0) {
      if (j === lo[i] && lo[i] > 0) touches.push({ i, side: -1 });
      else if (j === hi[i] && hi[i] < m) touches.push({ i, side: 1 });
      const s = back[rowStart[i] + j - lo[i]];
      i -= shapes[s].di;
      j -= shapes[s].dj;
      path.push([i, j, s]);
    }
    path.reverse();
    return { path, total, touches };
  }

  /** The beads of the path, without confidences. */
  pathBeads(path: Array<[number, number, number]>): DpBead[] {
    const { shapes } = this.problem;
    return path.map(([i, j, s]) => ({ i, j, ...shapes[s], cost: this.cost(i, j, s), confidence: 0 }));
  }

  /** Backward pass, and each bead of the path with its confidence: the margin to the best path without it. */
  confidences(path: Array<[number, number, number]>): DpBead[] {
    const { n, m, S, lo, hi, rowStart, forward } = this;
    const { shapes } = this.problem;
    const cells = rowStart[n + 1];
    const end = rowStart[n] + m - lo[n];
    const total = forward[end];
    const backward = new Float64Array(cells).fill(Infinity);
    backward[end] = 0;
    for (let i = n; i >= 0; i--) {
      const row = this.costs[i];
      const cl = this.costLo[i];
      for (let j = hi[i]; j >= lo[i]; j--) {
        const c = rowStart[i] + j - lo[i];
        if (c === end) continue;
        let best = Infinity;
        for (let s = 0; s < S; s++) {
          const k = row[(j - cl) * S + s];
          if (k === Infinity) continue;
          const ni = i + shapes[s].di;
          const nj = j + shapes[s].dj;
          if (nj < lo[ni] || nj > hi[ni]) continue;
          const v = k + backward[rowStart[ni] + nj - lo[ni]];
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
    for (let i = 0; i <= n; i++) {
      const row = this.costs[i];
      const cl = this.costLo[i];
      for (let j = lo[i]; j <= hi[i]; j++) {
        const c = rowStart[i] + j - lo[i];
        if (forward[c] === Infinity) continue;
        for (let s = 0; s < S; s++) {
          const k = row[(j - cl) * S + s];
          if (k === Infinity) continue;
          const { di, dj } = shapes[s];
          const ni = i + di;
          const nj = j + dj;
          if (nj < lo[ni] || nj > hi[ni]) continue;
          const v = forward[c] + k + backward[rowStart[ni] + nj - lo[ni]];
          if (v === Infinity) continue;
          const id = c * S + s;
          // The first unit suffices: every alternative path covers it with a different bead. Best and second
          // best written out here (a helper taking the total as an argument allocated a number per call).
          if (di > 0) {
            if (v < srcBest[i]) {
              srcSecond[i] = srcBest[i];
              srcBest[i] = v;
              srcArg[i] = id;
            } else if (v < srcSecond[i]) srcSecond[i] = v;
          }
          if (dj > 0) {
            if (v < tgtBest[j]) {
              tgtSecond[j] = tgtBest[j];
              tgtBest[j] = v;
              tgtArg[j] = id;
            } else if (v < tgtSecond[j]) tgtSecond[j] = v;
          }
        }
      }
    }

    return path.map(([i, j, s]) => {
      const { di, dj } = shapes[s];
      const id = (rowStart[i] + j - lo[i]) * S + s;
      let alternative: number;
      if (di > 0) alternative = srcArg[i] === id ? srcSecond[i] : srcBest[i];
      else alternative = tgtArg[j] === id ? tgtSecond[j] : tgtBest[j];
      return { i, j, di, dj, cost: this.cost(i, j, s), confidence: marginToConfidence(alternative - total) };
    });
  }
}

/**
 * Rows of typed arrays cut from a few large buffers: one buffer per ~64k values instead of one per row (tens of
 * thousands of small buffers per alignment, each of which the garbage collector tracks apart). A row lives as long as
 * the slab; every row starts filled with `fill`.
 */
export class Slab {
  private f64 = new Float64Array(0);
  private f64At = 0;
  private i32 = new Int32Array(0);
  private i32At = 0;

  float64(length: number, fill = 0): Float64Array {
    if (this.f64At + length > this.f64.length) {
      this.f64 = new Float64Array(Math.max(length, 65_536));
      this.f64At = 0;
    }
    const row = this.f64.subarray(this.f64At, (this.f64At += length));
    if (fill !== 0) row.fill(fill);
    return row;
  }

  int32(length: number, fill = 0): Int32Array {
    if (this.i32At + length > this.i32.length) {
      this.i32 = new Int32Array(Math.max(length, 65_536));
      this.i32At = 0;
    }
    const row = this.i32.subarray(this.i32At, (this.i32At += length));
    if (fill !== 0) row.fill(fill);
    return row;
  }
}
