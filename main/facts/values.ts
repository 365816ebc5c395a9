// Fact values: date bounds for sorting and timelines, one-line renderings, and value comparison for conflicts.
import type { ConflictGroup, Fact, FactObject, ValueQualifier } from '../../shared/facts';

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

// Made on first use: building an Intl.NumberFormat loads ICU data (15–20 ms), which every CLI start would pay.
let numberFormat: Intl.NumberFormat | undefined;
const QUALIFIER_WORDS: Record<ValueQualifier, string> = {
  exact: '',
  approx: 'about ',
  gt: 'more than ',
  lt: 'less than ',
};

export function formatValue(object: FactObject, qualifier: ValueQualifier = 'exact'): string {
  switch (object.kind) {
    case 'number': {
      const unit = object.unit === '%' ? '%' : object.unit ? ` ${object.unit}` : '';
      numberFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
      return `${QUALIFIER_WORDS[qualifier]}${numberFormat.format(object.number)}${unit}`;
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
export function factLabel(
  fact: Pick<Fact, 'subject' | 'predicate' | 'object' | 'valueQualifier' | 'qualifiers'>,
): string {
  const when = [fact.qualifiers.date, fact.qualifiers.place?.name].filter(Boolean).join(', ');
  const value = formatValue(fact.object, fact.valueQualifier);
  return `${fact.subject.name} — ${fact.predicate} — ${value}${when ? ` (${when})` : ''}`;
}

/** Whether two facts state the same value (a missing unit agrees with any unit). */
export function sameValue(
  a: Pick<Fact, 'object' | 'valueQualifier'>,
  b: Pick<Fact, 'object' | 'valueQualifier'>,
): boolean {
  if (a.valueQualifier !== b.valueQualifier) return false;
  const x = a.object;
  const y = b.object;
  if (x.kind !== y.kind) return false;
  switch (x.kind) {
    case 'number': {
      const other = y as typeof x;
      return (
        Math.abs(x.number - other.number) <= 1e-9 * Math.max(1, Math.abs(x.number)) &&
        (x.unit === other.unit || !x.unit || !other.unit)
      );
    }
    case 'date':
      return x.date === (y as typeof x).date;
    case 'entity':
      return x.entityId === (y as typeof x).entityId;
    case 'text':
      return x.text.trim().toLowerCase() === (y as typeof x).text.trim().toLowerCase();
  }
}

/** The interval a number stands for: "about 47,000" is 47,000 give or take 5 % (at least half its rounding step). */
export function numberInterval(value: number, qualifier: ValueQualifier): [number, number] {
  switch (qualifier) {
    case 'exact':
      return [value, value];
    case 'gt':
      return [value, Infinity];
    case 'lt':
      return [-Infinity, value];
    case 'approx': {
      let step = 1;
      while (value !== 0 && Math.abs(value) % (step * 10) === 0) step *= 10;
      const tolerance = Math.max(Math.abs(value) * 0.05, step / 2);
      return [value - tolerance, value + tolerance];
    }
  }
}

/**
 * Whether two facts' values disagree: `same` (equal), `approximate` (different numbers, but one lies in the
 * other's interval: "about 47,000" and "47,210"; "more than 860,000" and "862,000"), or `different`.
 */
export function valueAgreement(
  a: Pick<Fact, 'object' | 'valueQualifier'>,
  b: Pick<Fact, 'object' | 'valueQualifier'>,
): 'same' | 'approximate' | 'different' {
  if (sameValue(a, b)) return 'same';
  const x = a.object;
  const y = b.object;
  if (x.kind !== 'number' || y.kind !== 'number' || (x.unit && y.unit && x.unit !== y.unit)) return 'different';
  if (a.valueQualifier === 'exact' && b.valueQualifier === 'exact') return 'different';
  const [lo1, hi1] = numberInterval(x.number, a.valueQualifier);
  const [lo2, hi2] = numberInterval(y.number, b.valueQualifier);
  return lo1 <= hi2 && lo2 <= hi1 ? 'approximate' : 'different';
}

/** Marks each group of differing facts: `approximate` when no two of its values contradict each other. */
export function withAgreement(groups: ConflictGroup[]): ConflictGroup[] {
  return groups.map((g) => {
    const contradiction = g.facts.some((f, i) =>
      g.facts.slice(i + 1).some((h) => valueAgreement(f, h) === 'different'),
    );
    return { ...g, agreement: contradiction ? 'conflict' : 'approximate' };
  });
}
