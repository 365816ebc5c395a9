// Manual corrections of an alignment, turned into fixed beads: merge two neighbours, split one, shift the
// boundary between two by one unit, or link units by hand. Pure functions over the alignment the user saw.
import { AppError } from '../../shared/errors';
import type { AlignCorrection, AlignmentBead, SentenceRef } from '../../shared/translations';

/** A fixed bead, by unit: passage ordinals (paragraph level) or sentence refs (sentence level). */
export interface UnitLink<U> {
  source: U[];
  target: U[];
}

export type CorrectionLinks =
  { level: 'paragraph'; links: UnitLink<number>[] } | { level: 'sentence'; links: UnitLink<SentenceRef>[] };

const invalid = (message: string) => new AppError('INVALID_REQUEST', message);

function beadAt<T>(list: T[], index: number | undefined, what: string): T {
  if (index === undefined) throw invalid(`Say which ${what} to change (its index).`);
  const bead = list[index];
  if (!bead) throw invalid(`There is no ${what} ${index} (the alignment has ${list.length}); reload it and try again.`);
  return bead;
}

/** The fixed beads a merge, split, shift or link produces, over generic units (ordinals or sentence refs). */
function linksFor<U>(
  beads: Array<UnitLink<U>>,
  k: number | undefined,
  c: AlignCorrection,
  what: string,
  linkUnits: () => UnitLink<U>,
): UnitLink<U>[] {
  const nonEmpty = (l: UnitLink<U>) => l.source.length + l.target.length > 0;
  switch (c.op) {
    case 'merge': {
      const first = beadAt(beads, k, what);
      const second = beadAt(beads, k! + 1, what);
      return [{ source: [...first.source, ...second.source], target: [...first.target, ...second.target] }];
    }
    case 'split': {
      const bead = beadAt(beads, k, what);
      const sourceAt = c.sourceAt ?? 0;
      const targetAt = c.targetAt ?? 0;
      if (sourceAt > bead.source.length || targetAt > bead.target.length)
        throw invalid('The split point is outside the bead.');
      const parts = [
        { source: bead.source.slice(0, sourceAt), target: bead.target.slice(0, targetAt) },
        { source: bead.source.slice(sourceAt), target: bead.target.slice(targetAt) },
      ];
      if (!parts.every(nonEmpty)) throw invalid('A split must leave something on both sides of the split point.');
      return parts;
    }
    case 'shift': {
      const first = beadAt(beads, k, what);
      const second = beadAt(beads, k! + 1, what);
      const side = c.side ?? 'source';
      const by = c.by ?? 1;
      const a = { source: [...first.source], target: [...first.target] };
      const b = { source: [...second.source], target: [...second.target] };
      if (by === 1) {
        if (b[side].length === 0) throw invalid(`The next ${what} has nothing on the ${side} side to move.`);
        a[side].push(b[side].shift()!);
      } else if (by === -1) {
        if (a[side].length === 0) throw invalid(`This ${what} has nothing on the ${side} side to move.`);
        b[side].unshift(a[side].pop()!);
      } else throw invalid('A shift moves the boundary by one unit: by must be 1 or -1.');
      return [a, b].filter(nonEmpty);
    }
    case 'link': {
      const link = linkUnits();
      if (link.source.length === 0 || link.target.length === 0) throw invalid('Choose units on both sides to link.');
      return [link];
    }
    default:
      throw invalid(`Unknown correction "${c.op}".`);
  }
}

function contiguous(xs: number[]): boolean {
  return xs.every((x, k) => k === 0 || x === xs[k - 1] + 1);
}

/** The fixed beads `c` asks for, in the orientation of `beads` (the alignment the user corrected). */
export function correctionLinks(beads: readonly AlignmentBead[], c: AlignCorrection): CorrectionLinks {
  if ((c.level ?? 'paragraph') === 'paragraph') {
    const links = linksFor<number>(beads as AlignmentBead[], c.bead, c, 'bead', () => {
      const source = [...new Set(c.source ?? [])].sort((x, y) => x - y);
      const target = [...new Set(c.target ?? [])].sort((x, y) => x - y);
      if (!contiguous(source) || !contiguous(target)) throw invalid('Link neighbouring passages only (no gaps).');
      return { source, target };
    });
    return { level: 'paragraph', links };
  }
  const paragraph = beadAt([...beads], c.bead, 'bead');
  const links = linksFor<SentenceRef>(paragraph.sentences, c.sentenceBead, c, 'sentence bead', () => {
    const order = (r: SentenceRef) => r[0] * 1_000_000 + r[1];
    const unique = (refs: SentenceRef[]) =>
      [...new Map(refs.map((r) => [order(r), r])).values()].sort((x, y) => order(x) - order(y));
    return { source: unique(c.sourceSentences ?? []), target: unique(c.targetSentences ?? []) };
  });
  return { level: 'sentence', links };
}

/** The same alignment seen from the other document. */
export function flipBeads(beads: readonly AlignmentBead[]): AlignmentBead[] {
  return beads.map((b) => ({
    source: b.target,
    target: b.source,
    confidence: b.confidence,
    ...(b.fixed ? { fixed: true } : {}),
    sentences: b.sentences.map((s) => ({
      source: s.target,
      target: s.source,
      confidence: s.confidence,
      ...(s.fixed ? { fixed: true } : {}),
    })),
  }));
}
