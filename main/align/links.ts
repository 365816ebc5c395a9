// Manual alignment links made consistent, on their own so that the archive can check stored corrections
// without loading the aligner itself.
import type { FixedLink } from './types';

/** Normalises manual links: contiguous, in range, non-overlapping and non-crossing (earlier entries win). */
export function consistentLinks(links: readonly FixedLink[], n: number, m: number): FixedLink[] {
  if (inOrder(links, n, m)) return links.slice();
  const kept: FixedLink[] = [];
  const contiguous = (xs: number[]) => xs.every((x, k) => k === 0 || x === xs[k - 1] + 1);
  for (const link of links) {
    const source = [...new Set(link.source)].sort((a, b) => a - b);
    const target = [...new Set(link.target)].sort((a, b) => a - b);
    if (source.length + target.length === 0) continue;
    if (!contiguous(source) || !contiguous(target)) continue;
    if (source.some((x) => x < 0 || x >= n) || target.some((x) => x < 0 || x >= m)) continue;
    const clash = kept.some((k) => {
      const overlapS = source.some((x) => k.source.includes(x));
      const overlapT = target.some((x) => k.target.includes(x));
      if (overlapS || overlapT) return true;
      // Crossing: one link is before the other on one side and after it on the other.
      const before = (a: number[], b: number[]) => a.length > 0 && b.length > 0 && a[a.length - 1] < b[0];
      const after = (a: number[], b: number[]) => a.length > 0 && b.length > 0 && a[0] > b[b.length - 1];
      return (
        (before(source, k.source) && after(target, k.target)) || (after(source, k.source) && before(target, k.target))
      );
    });
    if (!clash) kept.push({ source, target });
  }
  return kept;
}

/** Links already sorted, contiguous and in order on both sides (linear check: the common case, many links). */
function inOrder(links: readonly FixedLink[], n: number, m: number): boolean {
  let lastS = -1;
  let lastT = -1;
  for (const { source, target } of links) {
    if (source.length + target.length === 0) return false;
    for (let k = 0; k < source.length; k++) if (source[k] !== (k === 0 ? source[0] : source[k - 1] + 1)) return false;
    for (let k = 0; k < target.length; k++) if (target[k] !== (k === 0 ? target[0] : target[k - 1] + 1)) return false;
    if (source.length && (source[0] <= lastS || source[source.length - 1] >= n)) return false;
    if (target.length && (target[0] <= lastT || target[target.length - 1] >= m)) return false;
    if (source.length) lastS = source[source.length - 1];
    if (target.length) lastT = target[target.length - 1];
  }
  return true;
}
