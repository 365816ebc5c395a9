// The rule-based, offline, multilingual mention extractor: pure TypeScript (no Node imports), so the
// same code can run in the main process, a worker or the renderer.
//
//   text ─► sentences ─► tokens ─┬─► dates (+ years inferred for "Setyembre 7")
//                                ├─► quantities (numbers, money, percentages)     overlaps resolved:
//                                └─► names (person / organisation / place)        dates > quantities > names
//                                          │
//                                          └─► proposals (pattern table per language) ─► `about` links
import type { Mention } from '../../../shared/facts';
import gazetteerData from '../data/gazetteer.json';
import { findDates, inferYears } from './dates';
import { Gazetteer, type GazetteerData } from './gazetteer';
import { findNames } from './names';
import { findQuantities } from './numbers';
import { proposeFacts, type CandidateFact } from './propose';
import { pickNonOverlapping, SpanSet, splitSentences, tokenize, type Span } from './text';

export type { CandidateFact } from './propose';
export { Gazetteer } from './gazetteer';

export interface ExtractOptions {
  /** ISO 639 code of the text ("tl", "en", "ru"); decides decimal commas and sentence rules. */
  lang: string;
  /** Sentence spans, when the caller has them (a document's passages); else ICU sentence rules. */
  sentences?: Span[];
  /** Publication date (ISO): the year for "Setyembre 7" when no earlier date gives one. */
  referenceDate?: string | null;
  gazetteer?: Gazetteer;
}

export interface Analysis {
  mentions: Mention[];
  /** Candidate facts read from the mentions of each sentence. */
  candidates: CandidateFact[];
  sentences: Span[];
}

let defaultGazetteer: Gazetteer | undefined;

export function getGazetteer(): Gazetteer {
  defaultGazetteer ??= new Gazetteer(gazetteerData as GazetteerData);
  return defaultGazetteer;
}

const TYPE_RANK: Record<Mention['type'], number> = { date: 3, quantity: 2, person: 1, organisation: 1, place: 1 };

/**
 * A bare year ("2012", confidence 0.5) gives way to a quantity that is clearly a count (47,000; 2 000 тысяч; 1500
 * votes…).
 */
function isWeakYear(m: Mention): boolean {
  return m.type === 'date' && m.date?.precision === 'year' && m.confidence <= 0.5;
}

function isClearQuantity(m: Mention): boolean {
  const q = m.quantity;
  return (
    !!q &&
    (q.kind !== 'number' || q.qualifier !== 'exact' || /[,.\s\u00a0]/u.test(m.text.trim()) || /\p{L}/u.test(m.text))
  );
}

export function analyse(text: string, options: ExtractOptions): Analysis {
  const lang = options.lang.toLowerCase().split('-')[0];
  const sentences = options.sentences ?? splitSentences(text, lang);
  const tokens = tokenize(text, sentences);
  const gazetteer = options.gazetteer ?? getGazetteer();

  const quantities = findQuantities(text, lang, tokens);
  const dates = findDates(text, lang).filter(
    (d) => !(isWeakYear(d) && quantities.some((q) => isClearQuantity(q) && q.start < d.end && d.start < q.end)),
  );
  // Dates before quantities; among dates the longest reading ("июле 2012 года" over "2012 года").
  const timeAndNumbers = pickNonOverlapping(
    [...dates, ...quantities],
    (m) => TYPE_RANK[m.type] * 1e6 + (m.end - m.start) * 10 + m.confidence,
  );
  const chosenDates = timeAndNumbers.filter((m) => m.type === 'date');
  const referenceYear =
    options.referenceDate && /^\d{4}/.test(options.referenceDate)
      ? Number(options.referenceDate.slice(0, 4))
      : undefined;
  inferYears(chosenDates, referenceYear);

  const taken = new SpanSet(timeAndNumbers.map((m): Span => [m.start, m.end]));
  const names = findNames({ text, tokens, gazetteer, taken: (s, e) => taken.overlaps(s, e) });
  const mentions = [...timeAndNumbers, ...names].sort((a, b) => a.start - b.start || b.end - a.end);

  const candidates = proposeFacts(text, sentences, mentions, options.referenceDate);
  for (const c of candidates) {
    const target = c.objectMention;
    if (target && !target.about)
      target.about = { name: c.subject.name, predicate: c.predicate, start: c.subject.start, end: c.subject.end };
  }
  return { mentions, candidates, sentences };
}

/** Mentions of persons, organisations, places, dates and quantities, in text order. */
export function extractMentions(text: string, options: ExtractOptions): Mention[] {
  return analyse(text, options).mentions;
}
