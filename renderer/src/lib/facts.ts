// Reading facts aloud: "Bako Sahakyan — votes received — 47,000 — 19 Jul 2012". Numbers and dates come from the
// one formatting module (lib/format.ts, the user's locale); intervals read as people write them (17th century,
// 1990s), value qualifiers as words ("more than 100"); plus the grouping and sorting of the facts table.
import type { Fact, FactObject, FactStatus, Mention, ValueQualifier } from '../../../shared/facts';
import { formatDate, formatNumber } from './format';

export { formatNumber };

function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix =
    mod100 >= 11 && mod100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** One ISO date or partial date, as every date in the app: 2012-07-19 → the locale's date, 2012-07 → "July 2012". */
function formatPoint(d: string): string {
  return formatDate(d);
}

/**
 * A fact date: "19 Jul 2012" (en-GB), "July 2012", "2012", an interval that is a whole century ("1601/1700" → "17th
 * century") or decade ("1990/1999" → "1990s"), else "1601 – 1650".
 */
export function formatFactDate(date: string): string {
  const [from, to] = date.split('/');
  if (to === undefined) return formatPoint(from);
  const y1 = /^\d{4}$/.test(from) ? Number(from) : NaN;
  const y2 = /^\d{4}$/.test(to) ? Number(to) : NaN;
  if (Number.isInteger(y1) && Number.isInteger(y2)) {
    if (y1 % 100 === 1 && y2 === y1 + 99) return `${ordinal(Math.ceil(y2 / 100))} century`;
    if (y1 % 100 === 0 && y2 === y1 + 99) return `${ordinal(y1 / 100 + 1)} century`;
    if (y1 % 10 === 0 && y2 === y1 + 9) return `${y1}s`;
  }
  return `${formatPoint(from)} – ${formatPoint(to)}`;
}

const QUALIFIER_WORDS: Record<ValueQualifier, string> = {
  exact: '',
  approx: 'about ',
  gt: 'more than ',
  lt: 'less than ',
};
/** The same qualifiers before a date. */
const DATE_QUALIFIER_WORDS: Record<ValueQualifier, string> = {
  exact: '',
  approx: 'about ',
  gt: 'after ',
  lt: 'before ',
};
export const QUALIFIER_LABELS: Record<ValueQualifier, string> = {
  exact: 'exactly',
  approx: 'about',
  gt: 'more than',
  lt: 'less than',
};

const CURRENCY = /^[A-Z]{3}$/;

/**
 * A number with its unit: "47,000 votes", "12.5%", "1,500,000 USD". The unit is left out when the predicate already
 * says it.
 */
export function formatQuantity(n: number, unit: string | null, predicate = ''): string {
  const num = formatNumber(n);
  if (!unit) return num;
  if (unit === '%') return `${num}%`;
  if (CURRENCY.test(unit)) return `${num} ${unit}`;
  const u = unit.toLowerCase();
  if (
    predicate
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .includes(u)
  )
    return num;
  return `${num} ${unit}`;
}

/** The object of a fact as words: "more than 100", "47,000", "2012-09-07", "Stepanakert". */
export function formatFactValue(object: FactObject, qualifier: ValueQualifier = 'exact', predicate = ''): string {
  const q = QUALIFIER_WORDS[qualifier] ?? '';
  switch (object.kind) {
    case 'number':
      return `${q}${formatQuantity(object.number, object.unit, predicate)}`;
    case 'date':
      return `${DATE_QUALIFIER_WORDS[qualifier] ?? ''}${formatFactDate(object.date)}`;
    case 'entity':
      return object.name;
    case 'text':
      return object.text;
  }
}

export interface SentencePart {
  role: 'subject' | 'predicate' | 'value' | 'date' | 'place';
  text: string;
}

/** The parts of a fact's sentence, in order: subject — predicate — value — date[, place]. */
export function factParts(
  fact: Pick<Fact, 'subject' | 'predicate' | 'object' | 'valueQualifier' | 'qualifiers'>,
): SentencePart[] {
  const parts: SentencePart[] = [
    { role: 'subject', text: fact.subject.name },
    { role: 'predicate', text: fact.predicate },
    { role: 'value', text: formatFactValue(fact.object, fact.valueQualifier, fact.predicate) },
  ];
  if (fact.qualifiers.date) parts.push({ role: 'date', text: formatFactDate(fact.qualifiers.date) });
  if (fact.qualifiers.place) parts.push({ role: 'place', text: fact.qualifiers.place.name });
  return parts;
}

/** "Bako Sahakyan — votes received — 47,000 — 2012-07-19". */
export function factSentence(
  fact: Pick<Fact, 'subject' | 'predicate' | 'object' | 'valueQualifier' | 'qualifiers'>,
): string {
  return factParts(fact)
    .map((p) => p.text)
    .join(' — ');
}

// ---- the facts table

export type FactColumn = 'subject' | 'predicate' | 'value' | 'date' | 'status' | 'source' | 'updated';
export type FactGrouping = 'none' | 'entity' | 'predicate';

/** The date a fact is about (its date value, else its date qualifier): the start of its range, for sorting. */
export function factDateKey(fact: Fact): string {
  const d = fact.object.kind === 'date' ? fact.object.date : fact.qualifiers.date;
  return d ? d.split('/')[0] : '';
}

/** The first document a fact was read from (evidence, else the proposal's source). */
export function factSourceTitle(fact: Fact): string {
  return fact.evidence[0]?.docTitle ?? fact.candidate?.docTitle ?? '';
}

const STATUS_ORDER: Record<FactStatus, number> = { proposed: 0, confirmed: 1, rejected: 2 };
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function valueKey(fact: Fact): number | string {
  const o = fact.object;
  if (o.kind === 'number') return o.number;
  if (o.kind === 'date') return o.date;
  if (o.kind === 'entity') return o.name;
  return o.text;
}

function compareValues(a: Fact, b: Fact): number {
  const x = valueKey(a);
  const y = valueKey(b);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'number') return -1;
  if (typeof y === 'number') return 1;
  return collator.compare(x, y);
}

/** Compares two facts on one column; ties fall back to subject, predicate, then creation. Undated facts sort last. */
export function compareFacts(a: Fact, b: Fact, column: FactColumn): number {
  let c = 0;
  switch (column) {
    case 'subject':
      c = collator.compare(a.subject.name, b.subject.name);
      break;
    case 'predicate':
      c = collator.compare(a.predicate, b.predicate);
      break;
    case 'value':
      c = compareValues(a, b);
      break;
    case 'date': {
      const x = factDateKey(a);
      const y = factDateKey(b);
      c = x === y ? 0 : !x ? 1 : !y ? -1 : x < y ? -1 : 1;
      break;
    }
    case 'status':
      c = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
      break;
    case 'source':
      c = collator.compare(factSourceTitle(a), factSourceTitle(b));
      break;
    case 'updated':
      c = a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0;
      break;
  }
  return (
    c ||
    collator.compare(a.subject.name, b.subject.name) ||
    collator.compare(a.predicate, b.predicate) ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)
  );
}

export function sortFacts(facts: readonly Fact[], column: FactColumn, descending = false): Fact[] {
  const undatedLast = column === 'date';
  return [...facts].sort((a, b) => {
    if (undatedLast) {
      const ua = !factDateKey(a);
      const ub = !factDateKey(b);
      if (ua !== ub) return ua ? 1 : -1;
    }
    const c = compareFacts(a, b, column);
    return descending ? -c : c;
  });
}

export interface FactGroup {
  key: string;
  label: string;
  /** For entity groups: the entity's id (its page). */
  entityId?: string;
  facts: Fact[];
}

/**
 * Groups facts (already sorted: the order inside each group is kept) by subject entity or by predicate; groups in name
 * order.
 */
export function groupFacts(facts: readonly Fact[], by: FactGrouping): FactGroup[] {
  if (by === 'none') return [{ key: '', label: '', facts: [...facts] }];
  const groups = new Map<string, FactGroup>();
  for (const f of facts) {
    const key = by === 'entity' ? f.subject.entityId : f.predicate.trim().toLowerCase();
    let g = groups.get(key);
    if (!g) {
      g =
        by === 'entity'
          ? { key, label: f.subject.name, entityId: f.subject.entityId, facts: [] }
          : { key, label: f.predicate, facts: [] };
      groups.set(key, g);
    }
    g.facts.push(f);
  }
  return [...groups.values()].sort((a, b) => collator.compare(a.label, b.label));
}

/** Timeline items grouped by the date they sit on (items arrive in time order). */
export function groupByDate<T extends { date: string }>(
  items: readonly T[],
): Array<{ date: string; label: string; items: T[] }> {
  const out: Array<{ date: string; label: string; items: T[] }> = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (last && last.date === item.date) last.items.push(item);
    else out.push({ date: item.date, label: formatFactDate(item.date), items: [item] });
  }
  return out;
}

// ---- a fact from a selection

export interface FactDraft {
  subject: string;
  subjectType: 'person' | 'organisation' | 'place' | 'other';
  predicate: string;
  kind: 'number' | 'date' | 'text' | 'entity';
  number: string;
  unit: string;
  date: string;
  text: string;
  valueQualifier: ValueQualifier;
  dateQualifier: string;
  place: string;
  note: string;
}

export const EMPTY_DRAFT: FactDraft = {
  subject: '',
  subjectType: 'person',
  predicate: '',
  kind: 'number',
  number: '',
  unit: '',
  date: '',
  text: '',
  valueQualifier: 'exact',
  dateQualifier: '',
  place: '',
  note: '',
};

/** A draft from a fact (to edit it). */
export function draftFromFact(fact: Fact): FactDraft {
  const o = fact.object;
  return {
    ...EMPTY_DRAFT,
    subject: fact.subject.name,
    subjectType: fact.subject.type,
    predicate: fact.predicate,
    kind: o.kind,
    number: o.kind === 'number' ? String(o.number) : '',
    unit: o.kind === 'number' ? (o.unit ?? '') : '',
    date: o.kind === 'date' ? o.date : '',
    text: o.kind === 'text' ? o.text : o.kind === 'entity' ? o.name : '',
    valueQualifier: fact.valueQualifier,
    dateQualifier: fact.qualifiers.date ?? '',
    place: fact.qualifiers.place?.name ?? '',
    note: fact.note,
  };
}

/**
 * A draft from the mentions inside a selection: the first person/organisation (else place) is the subject,
 * a quantity the value (with its qualifier and unit), a date the date qualifier — or the value when there is
 * no quantity. A quantity the extractor tied to a subject ("47 libo … Bako Sahakyan") brings its predicate.
 */
export function draftFromMentions(mentions: readonly Mention[], start: number, end: number): FactDraft {
  const inside = mentions.filter((m) => m.start >= start && m.end <= end);
  const draft: FactDraft = { ...EMPTY_DRAFT };
  const quantity = inside.find((m) => m.type === 'quantity');
  const date = inside.find((m) => m.type === 'date');
  const named =
    inside.find((m) => m.type === 'person' || m.type === 'organisation') ?? inside.find((m) => m.type === 'place');
  if (quantity?.about) {
    draft.subject = quantity.about.name;
    draft.predicate = quantity.about.predicate;
  } else if (named) {
    draft.subject = String(named.value);
  }
  if (!quantity?.about && named) draft.subjectType = named.type as FactDraft['subjectType'];
  else if (quantity?.about) {
    const same = inside.find(
      (m) => m.type !== 'quantity' && m.type !== 'date' && String(m.value) === quantity.about!.name,
    );
    draft.subjectType =
      (same?.type as FactDraft['subjectType']) ?? (named?.type as FactDraft['subjectType']) ?? 'person';
  }
  if (quantity && typeof quantity.value === 'number') {
    draft.kind = 'number';
    draft.number = String(quantity.value);
    draft.unit = quantity.quantity?.unit ?? '';
    draft.valueQualifier = quantity.quantity?.qualifier ?? 'exact';
    if (date) draft.dateQualifier = String(date.value);
  } else if (date) {
    draft.kind = 'date';
    draft.date = String(date.value);
  } else {
    draft.kind = 'text';
  }
  return draft;
}

/** The number typed in a draft ("47,000", "47 000", "1.5") or null. */
export function parseDraftNumber(text: string): number | null {
  const t = text.replace(/[\s,\u00a0\u202f]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export const FACT_DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/;
