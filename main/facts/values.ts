// Fact values: date bounds for sorting and timelines, one-line renderings, and value comparison for conflicts.
import type { Fact, FactObject, ValueQualifier } from '../../shared/facts';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** An ISO date, partial date (2012-07, 2012) or interval (1601/1700, 2012-07-19/2012-07-21). */
export function isFactDate(value: string): boolean {
  const parts = value.split('/');
  return parts.length <= 2 && parts.every((p) => DATE.test(p));
}

/** First and last day a date covers: 2012 → 2012-01-01 … 2012-12-31; 1601/1700 → 1601-01-01 … 1700-12-31. */
export function dateBounds(value: string): { from: string; to: string } {
  const [first, last = first] = value.split('/');
  const from = DATE.exec(first);
  const to = DATE.exec(last);
  if (!from || !to) return { from: value, to: value };
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  return {
    from: `${from[1]}-${from[2] ?? '01'}-${from[3] ?? '01'}`,
    to: `${to[1]}-${to[2] ?? '12'}-${to[3] ?? String(lastDay(Number(to[1]), Number(to[2] ?? 12))).padStart(2, '0')}`,
  };
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const QUALIFIER_WORDS: Record<ValueQualifier, string> = { exact: '', approx: 'about ', gt: 'more than ', lt: 'less than ' };

export function formatValue(object: FactObject, qualifier: ValueQualifier = 'exact'): string {
  switch (object.kind) {
    case 'number': {
      const unit = object.unit === '%' ? '%' : object.unit ? ` ${object.unit}` : '';
      return `${QUALIFIER_WORDS[qualifier]}${NUMBER_FORMAT.format(object.number)}${unit}`;
    }
    case 'date':
      return `${qualifier === 'exact' ? '' : QUALIFIER_WORDS[qualifier]}${object.date}`;
    case 'entity':
      return object.name;
    case 'text':
      return object.text;
  }
}

/** "Bako Sahakyan — votes received — 47,000 votes (2012-07-19)". */
export function factLabel(fact: Pick<Fact, 'subject' | 'predicate' | 'object' | 'valueQualifier' | 'qualifiers'>): string {
  const when = [fact.qualifiers.date, fact.qualifiers.place?.name].filter(Boolean).join(', ');
  return `${fact.subject.name} — ${fact.predicate} — ${formatValue(fact.object, fact.valueQualifier)}${when ? ` (${when})` : ''}`;
}

/** Whether two facts state the same value (a missing unit agrees with any unit). */
export function sameValue(a: Pick<Fact, 'object' | 'valueQualifier'>, b: Pick<Fact, 'object' | 'valueQualifier'>): boolean {
  if (a.valueQualifier !== b.valueQualifier) return false;
  const x = a.object;
  const y = b.object;
  if (x.kind !== y.kind) return false;
  switch (x.kind) {
    case 'number': {
      const other = y as typeof x;
      return Math.abs(x.number - other.number) <= 1e-9 * Math.max(1, Math.abs(x.number)) && (x.unit === other.unit || !x.unit || !other.unit);
    }
    case 'date':
      return x.date === (y as typeof x).date;
    case 'entity':
      return x.entityId === (y as typeof x).entityId;
    case 'text':
      return x.text.trim().toLowerCase() === (y as typeof x).text.trim().toLowerCase();
  }
}
