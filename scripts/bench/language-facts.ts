// Facts half of `npm run bench:language`: the extractor's mentions and proposals against the hand-labelled
// passages in scripts/bench/passages/{tl,en,ru,hy}.json (news-style texts written for this set, not the
// sample article; the rules were then tuned on them) and scripts/bench/passages/heldout/ (written after the
// tuning and never tuned on: the figure for unseen texts).
//   mentions:  a found mention counts when a gold mention of the same type overlaps it and its normalised
//              value (and qualifier, when the gold gives one) is exactly the gold's; gold organisations give
//              no value (their names are kept as written), so only their span and type count.
//   proposals: a candidate fact counts when subject, predicate, value and qualifier are the gold fact's;
//              person names compare by alias key (case and diacritics folded), organisations by containment.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Mention, MentionType, ValueQualifier } from '../../shared/facts';
import { analyse, type CandidateFact } from '../../main/facts/extract/index';
import { aliasKey } from '../../main/facts/keys';

export const LANGUAGES = ['tl', 'en', 'ru', 'hy'] as const;
const TYPES: MentionType[] = ['person', 'organisation', 'place', 'date', 'quantity'];

interface GoldMention {
  type: MentionType;
  text: string;
  /** The normalised value; a list gives every accepted normalisation (a place's English gazetteer name or its
   *  nominative as written, when whether a gazetteer should know it is arguable). */
  value?: string | number | string[];
  qualifier?: ValueQualifier;
}

interface GoldFact {
  /** The subject's name; a list gives every accepted form (as for mention values). */
  subject: string | string[];
  predicate: string;
  value: string | number;
  qualifier?: ValueQualifier;
}

export interface Passage {
  id: string;
  topic: string;
  published?: string;
  text: string;
  mentions: GoldMention[];
  facts: GoldFact[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Misses {
  passage: string;
  missed: string[];
  spurious: string[];
}

export interface LanguageResult {
  lang: string;
  passages: number;
  mentions: Record<MentionType | 'all', Counts>;
  /** Found mentions with the right type and span but another value (counted as both fp and fn above). */
  valueErrors: number;
  proposals: Counts;
  misses: Misses[];
}

const here = dirname(fileURLToPath(import.meta.url));

/** `heldout2`: a second held-out set, written later on other subjects and names (other countries, courts,
 *  ministries, disasters, sport, budgets), before the rule changes it was then used to measure (its failures
 *  informed them, so after that work it is no longer unseen); `heldout3`: written after those changes and never
 *  tuned on (its misses then informed the entity-typing rules); `heldout4`: written after those and committed before
 *  its first run (its misses then informed the proposal rules); `heldout5`: written after those, committed before its
 *  first run; `heldout6`: written after the Armenian morphology rules of 2026-12-06, committed before its first run. */
export type PassageSet = 'tuning' | 'heldout' | 'heldout2' | 'heldout3' | 'heldout4' | 'heldout5' | 'heldout6';

export function loadPassages(lang: string, set: PassageSet = 'tuning'): Passage[] {
  const file = set === 'tuning' ? join(here, 'passages', `${lang}.json`) : join(here, 'passages', set, `${lang}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { passages: Passage[] }).passages;
}

const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function scores(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function sameNumberOrText(a: string | number, b: string | number): boolean {
  if (typeof a === 'number' || typeof b === 'number')
    return Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(b)));
  return a === b;
}

/** Offsets of each gold mention: the n-th gold mention with a given text takes that text's n-th occurrence. */
function locate(p: Passage): Array<GoldMention & { start: number; end: number }> {
  const used = new Map<string, number>();
  return p.mentions.map((g) => {
    const start = p.text.indexOf(g.text, used.get(g.text) ?? 0);
    if (start < 0) throw new Error(`${p.id}: "${g.text}" is not in the text`);
    used.set(g.text, start + g.text.length);
    return { ...g, start, end: start + g.text.length };
  });
}

function valueMatches(found: Mention, gold: GoldMention): boolean {
  const accepted = Array.isArray(gold.value) ? gold.value : gold.value === undefined ? [] : [gold.value];
  if (accepted.length > 0 && !accepted.some((v) => sameNumberOrText(found.value, v))) return false;
  return !gold.qualifier || (found.quantity?.qualifier ?? 'exact') === gold.qualifier;
}

function describe(m: { type: string; text: string; value?: string | number | string[] }): string {
  const value = Array.isArray(m.value) ? m.value.join(' | ') : m.value;
  return `${m.type} "${m.text}"${value === undefined ? '' : ` → ${value}`}`;
}

function scoreMentions(p: Passage, found: Mention[], counts: LanguageResult['mentions'], miss: Misses): number {
  const gold = locate(p);
  const matched = new Set<number>();
  let valueErrors = 0;
  for (const m of found) {
    const overlapping = gold.findIndex(
      (g, i) => !matched.has(i) && g.type === m.type && g.start < m.end && m.start < g.end && valueMatches(m, g),
    );
    if (overlapping >= 0) {
      matched.add(overlapping);
      counts[m.type].tp++;
      continue;
    }
    counts[m.type].fp++;
    if (gold.some((g) => g.type === m.type && g.start < m.end && m.start < g.end)) valueErrors++;
    miss.spurious.push(describe(m));
  }
  gold.forEach((g, i) => {
    if (matched.has(i)) return;
    counts[g.type].fn++;
    miss.missed.push(describe(g));
  });
  return valueErrors;
}

function subjectMatches(candidate: CandidateFact, gold: string | string[]): boolean {
  if (Array.isArray(gold)) return gold.some((g) => subjectMatches(candidate, g));
  const a = aliasKey(candidate.subject.name);
  const b = aliasKey(gold);
  if (a === b) return true;
  return candidate.subject.type === 'organisation' && a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
}

function factValue(c: CandidateFact): string | number {
  return c.object.kind === 'number' ? c.object.number : c.object.kind === 'date' ? c.object.date : c.object.name;
}

function scoreProposals(p: Passage, candidates: CandidateFact[], counts: Counts, miss: Misses): void {
  const matched = new Set<number>();
  for (const c of candidates) {
    const i = p.facts.findIndex(
      (g, k) =>
        !matched.has(k) &&
        g.predicate === c.predicate &&
        subjectMatches(c, g.subject) &&
        sameNumberOrText(factValue(c), g.value) &&
        (g.qualifier ?? 'exact') === c.valueQualifier,
    );
    if (i >= 0) {
      matched.add(i);
      counts.tp++;
    } else {
      counts.fp++;
      const qualifier = c.valueQualifier === 'exact' ? '' : ` (${c.valueQualifier})`;
      miss.spurious.push(`fact ${c.subject.name} — ${c.predicate} — ${factValue(c)}${qualifier}`);
    }
  }
  p.facts.forEach((g, k) => {
    if (matched.has(k)) return;
    counts.fn++;
    const subject = Array.isArray(g.subject) ? g.subject.join(' | ') : g.subject;
    miss.missed.push(`fact ${subject} — ${g.predicate} — ${g.value}${g.qualifier ? ` (${g.qualifier})` : ''}`);
  });
}

export function evaluateLanguage(lang: string, set: PassageSet = 'tuning'): LanguageResult {
  const passages = loadPassages(lang, set);
  const mentions = Object.fromEntries([...TYPES, 'all'].map((t) => [t, empty()])) as LanguageResult['mentions'];
  const proposals = empty();
  const misses: Misses[] = [];
  let valueErrors = 0;
  for (const p of passages) {
    const { mentions: found, candidates } = analyse(p.text, { lang, referenceDate: p.published ?? null });
    const miss: Misses = { passage: p.id, missed: [], spurious: [] };
    valueErrors += scoreMentions(p, found, mentions, miss);
    scoreProposals(p, candidates, proposals, miss);
    if (miss.missed.length + miss.spurious.length > 0) misses.push(miss);
  }
  for (const t of TYPES) for (const k of ['tp', 'fp', 'fn'] as const) mentions.all[k] += mentions[t][k];
  return { lang, passages: passages.length, mentions, valueErrors, proposals, misses };
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

/** Prints per language and type P/R/F1 of mentions and of proposals, for one passage set; returns the results. */
export function runFactsBench(options: { verbose?: boolean; set?: PassageSet } = {}): LanguageResult[] {
  const set = options.set ?? 'tuning';
  const results = LANGUAGES.map((lang) => evaluateLanguage(lang, set));
  console.log(`Mentions, ${set} passages (P / R / F1 %, found-vs-gold counts; a value must be exact to count)`);
  console.log(
    `${'lang'.padEnd(5)} ${'type'.padEnd(13)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}   tp  fp  fn`,
  );
  for (const r of results) {
    for (const t of [...TYPES, 'all'] as const) {
      const c = r.mentions[t];
      const s = scores(c);
      const counts = [c.tp, c.fp, c.fn].map((n) => String(n).padStart(3)).join(' ');
      console.log(`${r.lang.padEnd(5)} ${t.padEnd(13)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}  ${counts}`);
    }
    console.log(`${r.lang.padEnd(5)} value errors (right span, wrong value): ${r.valueErrors}`);
  }
  console.log(`\nProposals against gold facts, ${set} passages (P / R / F1 %)`);
  for (const r of results) {
    const s = scores(r.proposals);
    const c = r.proposals;
    const counts = `tp ${c.tp}  fp ${c.fp}  fn ${c.fn}`;
    console.log(
      `${r.lang.padEnd(5)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}   ${counts}  (${r.passages} passages)`,
    );
  }
  if (options.verbose) {
    for (const r of results) {
      for (const m of r.misses) {
        console.log(`\n${m.passage}`);
        for (const x of m.missed) console.log(`  missed   ${x}`);
        for (const x of m.spurious) console.log(`  spurious ${x}`);
      }
    }
  }
  return results;
}
