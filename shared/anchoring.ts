// Anchoring of annotations to document text, after the W3C Web Annotation selectors
// (TextQuoteSelector + TextPositionSelector). Pure functions: used by the main process to re-anchor
// after an edit, and by the renderer to describe a selection.
import { editDistance } from './text/edit-distance';

export interface TextSelector {
  exact: string;
  prefix: string;
  suffix: string;
  /** Offsets (UTF-16 code units) into the document text. */
  start: number;
  end: number;
}

export type AnchorStatus = 'anchored' | 'moved' | 'orphaned';

export interface Anchor {
  start: number;
  end: number;
  /** How well the found text matches the stored quote, 0..1. */
  quoteSimilarity: number;
}

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

// Candidate scoring weights: the quote dominates, then its context, position breaks ties
// (the same proportions Hypothesis uses for fuzzy re-anchoring).
const WEIGHT_QUOTE = 50;
const WEIGHT_PREFIX = 20;
const WEIGHT_SUFFIX = 20;
const WEIGHT_POSITION = 2;
/** Below this similarity a fuzzy match is not trusted and the annotation is orphaned. */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** Quotes longer than this are fuzzily matched by their ends only (the DP is O(quote × text)). */
const MAX_FUZZY_QUOTE = 400;
const MAX_EXACT_CANDIDATES = 2000;

export function describeRange(text: string, start: number, end: number): TextSelector {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length)) {
    throw new RangeError(`Invalid text range ${start}..${end} for a text of ${text.length} characters`);
  }
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  };
}

/** Where a single changed region between two versions of a text begins and ends. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The smallest single region that differs (common prefix and suffix trimmed). */
export function diffRegion(oldText: string, newText: string): TextChange {
  let start = 0;
  const max = Math.min(oldText.length, newText.length);
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/** Maps an offset of the old text to the new text; offsets inside the changed region map to its start. */
export function mapOffset(offset: number, change: TextChange): number {
  if (offset <= change.start) return offset;
  if (offset >= change.oldEnd) return offset + (change.newEnd - change.oldEnd);
  return change.start;
}

/**
 * Finds the selector's quote in `text`: first at the expected position, then among exact occurrences
 * (scored by context and distance), then by approximate matching. Returns null when nothing is
 * trustworthy — the caller marks the annotation orphaned; it is never dropped.
 */
export function anchor(text: string, selector: TextSelector, expectedStart = selector.start): Anchor | null {
  const { exact } = selector;
  if (exact.length === 0) return null;
  for (const at of [expectedStart, selector.start]) {
    if (at >= 0 && text.startsWith(exact, at)) return { start: at, end: at + exact.length, quoteSimilarity: 1 };
  }
  const exactHit = bestExactOccurrence(text, selector, expectedStart);
  if (exactHit) return exactHit;
  return exact.length > MAX_FUZZY_QUOTE
    ? anchorLongQuoteByEnds(text, selector, expectedStart)
    : bestFuzzyMatch(text, selector, expectedStart);
}

function bestExactOccurrence(text: string, selector: TextSelector, expectedStart: number): Anchor | null {
  let best: { score: number; start: number } | null = null;
  let at = text.indexOf(selector.exact);
  for (let n = 0; at !== -1 && n < MAX_EXACT_CANDIDATES; n++) {
    const score = scoreCandidate(text, selector, at, at + selector.exact.length, 1, expectedStart);
    if (!best || score > best.score) best = { score, start: at };
    at = text.indexOf(selector.exact, at + 1);
  }
  return best && { start: best.start, end: best.start + selector.exact.length, quoteSimilarity: 1 };
}

function scoreCandidate(
  text: string,
  sel: TextSelector,
  start: number,
  end: number,
  quoteSimilarity: number,
  expectedStart: number,
): number {
  const prefixSimilarity = sel.prefix
    ? similarity(sel.prefix, text.slice(Math.max(0, start - sel.prefix.length), start))
    : 1;
  const suffixSimilarity = sel.suffix ? similarity(sel.suffix, text.slice(end, end + sel.suffix.length)) : 1;
  const positionScore = 1 - Math.min(1, Math.abs(start - expectedStart) / Math.max(1, text.length));
  return (
    WEIGHT_QUOTE * quoteSimilarity +
    WEIGHT_PREFIX * prefixSimilarity +
    WEIGHT_SUFFIX * suffixSimilarity +
    WEIGHT_POSITION * positionScore
  );
}

/** Approximate substring search (Sellers' algorithm), near the expected position first, then everywhere. */
function bestFuzzyMatch(text: string, sel: TextSelector, expectedStart: number): Anchor | null {
  const maxErrors = Math.floor(sel.exact.length * (1 - MIN_QUOTE_SIMILARITY));
  const margin = sel.exact.length * 4 + 1000;
  const windowStart = Math.max(0, expectedStart - margin);
  const windowEnd = Math.min(text.length, expectedStart + sel.exact.length + margin);
  const near = fuzzyCandidates(text, sel.exact, maxErrors, windowStart, windowEnd);
  const candidates =
    near.length > 0 || (windowStart === 0 && windowEnd === text.length)
      ? near
      : fuzzyCandidates(text, sel.exact, maxErrors, 0, text.length);
  let best: { score: number; anchor: Anchor } | null = null;
  for (const c of candidates) {
    const quoteSimilarity = 1 - c.errors / sel.exact.length;
    const score = scoreCandidate(text, sel, c.start, c.end, quoteSimilarity, expectedStart);
    if (!best || score > best.score) best = { score, anchor: { start: c.start, end: c.end, quoteSimilarity } };
  }
  return best && best.anchor.quoteSimilarity >= MIN_QUOTE_SIMILARITY ? best.anchor : null;
}

interface FuzzyCandidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * Every end position in text[from, to) where `pattern` matches with at most `maxErrors` edits, with the
 * start of its best alignment. Keeps one DP column and the start column carried along the best path.
 */
function fuzzyCandidates(text: string, pattern: string, maxErrors: number, from: number, to: number): FuzzyCandidate[] {
  const m = pattern.length;
  let cost = new Int32Array(m + 1);
  let origin = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextOrigin = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) cost[i] = i;
  origin.fill(from);
  const found: FuzzyCandidate[] = [];
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    nextCost[0] = 0;
    nextOrigin[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      const substitution = cost[i - 1] + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      const deletion = cost[i] + 1; // text char not in pattern
      const insertion = nextCost[i - 1] + 1; // pattern char missing from text
      if (substitution <= deletion && substitution <= insertion) {
        nextCost[i] = substitution;
        nextOrigin[i] = origin[i - 1];
      } else if (deletion <= insertion) {
        nextCost[i] = deletion;
        nextOrigin[i] = origin[i];
      } else {
        nextCost[i] = insertion;
        nextOrigin[i] = nextOrigin[i - 1];
      }
    }
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
    if (cost[m] <= maxErrors) {
      const candidate = { start: origin[m], end: j + 1, errors: cost[m] };
      const last = found[found.length - 1];
      // Overlapping endpoints describe the same match: keep the better one.
      if (last && candidate.start < last.end) {
        if (candidate.errors < last.errors) found[found.length - 1] = candidate;
      } else found.push(candidate);
    }
  }
  return found;
}

/** Long quotes: anchor their first and last 64 characters and accept a span of plausible length. */
function anchorLongQuoteByEnds(text: string, sel: TextSelector, expectedStart: number): Anchor | null {
  const edge = 64;
  const head = anchor(text, { ...sel, exact: sel.exact.slice(0, edge), suffix: '' }, expectedStart);
  if (!head) return null;
  const tailSelector = { ...sel, exact: sel.exact.slice(-edge), prefix: '' };
  const tail = anchor(text, tailSelector, head.start + sel.exact.length - edge);
  if (!tail || tail.end <= head.start) return null;
  const length = tail.end - head.start;
  if (Math.abs(length - sel.exact.length) > sel.exact.length * (1 - MIN_QUOTE_SIMILARITY)) return null;
  return { start: head.start, end: tail.end, quoteSimilarity: Math.min(head.quoteSimilarity, tail.quoteSimilarity) };
}

/** 1 − normalised Levenshtein distance; for short context strings. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - editDistance(a, b) / longest;
}

export interface Reanchored {
  status: AnchorStatus;
  /** The selector in the new text; unchanged when orphaned (so the quote is never lost). */
  selector: TextSelector;
}

/** Re-anchors a selector made on `oldText` in `newText` (an edit, or a new version of the source). */
export function reanchor(oldText: string, newText: string, selector: TextSelector): Reanchored {
  const expected = mapOffset(selector.start, diffRegion(oldText, newText));
  const found = anchor(newText, selector, expected);
  if (!found) return { status: 'orphaned', selector };
  const next = describeRange(newText, found.start, found.end);
  const unchanged = next.start === selector.start && next.end === selector.end && next.exact === selector.exact;
  return { status: unchanged ? 'anchored' : 'moved', selector: next };
}
