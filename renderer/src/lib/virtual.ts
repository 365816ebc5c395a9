// Windowed rendering for long documents: only the passages near the viewport are in the DOM. Heights
// start as estimates from the text length and are replaced by measurements as passages render; the
// estimates of the others are scaled by how far off the measured ones were, so the scrollbar settles
// quickly and jumps stay small.

export interface VirtualWindow {
  /** First rendered index (inclusive) and last (exclusive). */
  start: number;
  end: number;
  /** Space above and below the rendered items, in pixels. */
  before: number;
  after: number;
  total: number;
}

export class HeightModel {
  private readonly measured: Float64Array;
  private readonly offsets: Float64Array;
  private dirty = true;
  private scale = 1;

  constructor(private readonly estimates: readonly number[]) {
    this.measured = new Float64Array(estimates.length).fill(-1);
    this.offsets = new Float64Array(estimates.length + 1);
  }

  get count(): number {
    return this.estimates.length;
  }

  /** Records a measured height; true when it changed the layout. */
  measure(index: number, height: number): boolean {
    if (!(height > 0) || index < 0 || index >= this.count) return false;
    if (Math.abs(this.measured[index] - height) < 0.5) return false;
    this.measured[index] = height;
    this.dirty = true;
    return true;
  }

  isMeasured(index: number): boolean {
    return this.measured[index] > 0;
  }

  height(index: number): number {
    this.update();
    const m = this.measured[index];
    return m > 0 ? m : this.estimates[index] * this.scale;
  }

  /** Top of item `index` (index === count gives the total height). */
  offsetOf(index: number): number {
    this.update();
    return this.offsets[Math.max(0, Math.min(this.count, index))];
  }

  get total(): number {
    return this.offsetOf(this.count);
  }

  /** The item covering vertical position y (clamped to the list). */
  indexAt(y: number): number {
    this.update();
    let lo = 0;
    let hi = this.count - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private update(): void {
    if (!this.dirty) return;
    let measuredSum = 0;
    let estimatedSum = 0;
    for (let i = 0; i < this.count; i++) {
      if (this.measured[i] > 0) {
        measuredSum += this.measured[i];
        estimatedSum += this.estimates[i];
      }
    }
    this.scale = estimatedSum > 0 ? Math.min(3, Math.max(0.33, measuredSum / estimatedSum)) : 1;
    let y = 0;
    for (let i = 0; i < this.count; i++) {
      this.offsets[i] = y;
      const m = this.measured[i];
      y += m > 0 ? m : this.estimates[i] * this.scale;
    }
    this.offsets[this.count] = y;
    this.dirty = false;
  }
}

/**
 * Which items to render for a viewport showing [viewTop, viewTop + viewHeight) of the list, with
 * `overscan` pixels of extra items on both sides. `pin` keeps one index rendered (the passage being
 * edited, or a deep-link target being scrolled to).
 */
export function computeWindow(
  model: HeightModel,
  viewTop: number,
  viewHeight: number,
  overscan: number,
  pin = -1,
): VirtualWindow {
  const total = model.total;
  if (model.count === 0) return { start: 0, end: 0, before: 0, after: 0, total };
  const top = Math.max(0, viewTop - overscan);
  const bottom = Math.max(top, viewTop + viewHeight + overscan);
  let start = model.indexAt(top);
  let end = Math.min(model.count, model.indexAt(Math.max(top, bottom - 1)) + 1);
  if (pin >= 0 && pin < model.count) {
    // Only pin when near: a far pin would render everything in between.
    if (pin < start && start - pin <= 50) start = pin;
    if (pin >= end && pin - end < 50) end = pin + 1;
  }
  return { start, end, before: model.offsetOf(start), after: total - model.offsetOf(end), total };
}

/** A first guess of a passage's rendered height from its length and the column width. */
export function estimateHeight(kind: 'heading' | 'paragraph', length: number, width: number): number {
  const w = Math.max(200, width);
  if (kind === 'heading') {
    const lines = Math.max(1, Math.ceil((length * 11.5) / w));
    return lines * 28.6 + 48; // 22px × 1.3, plus margins
  }
  const lines = Math.max(1, Math.ceil((length * 8.6) / w));
  return lines * 30.6 + 18; // 18px × 1.7, plus 1em below
}
