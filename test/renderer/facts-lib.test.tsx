// @vitest-environment happy-dom
// Facts read as sentences (locale grouping, partial dates, centuries, value qualifiers), the facts table's
// sorting and grouping, timeline groups, a fact draft from the mentions in a selection, and the routes.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../renderer/src/api/context';
import { ConflictsPage } from '../../renderer/src/components/facts/ConflictsPage';
import { FactSentence } from '../../renderer/src/components/facts/FactBits';
import { draftProblem } from '../../renderer/src/components/facts/FactEditor';
import {
  draftFromMentions,
  EMPTY_DRAFT,
  factSentence,
  formatFactDate,
  formatFactValue,
  formatNumber,
  groupByDate,
  groupFacts,
  parseDraftNumber,
  sortFacts,
} from '../../renderer/src/lib/facts';
import { formatRoute, parseLink, parseRoute } from '../../renderer/src/lib/routes';
import type { TalaApi } from '../../shared/contract';
import type { ConflictGroup, Fact, Mention } from '../../shared/facts';
import { byTestId, flush, render, type Rendered } from './render';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function fact(over: Partial<Fact> & { n?: number } = {}): Fact {
  const n = over.n ?? 1;
  return {
    id: ID(n),
    subject: { entityId: ID(100), name: 'Bako Sahakyan', type: 'person' },
    subjectAlias: 'Bako Sahakyan',
    predicate: 'votes received',
    object: { kind: 'number', number: 47_000, unit: 'votes' },
    valueQualifier: 'exact',
    qualifiers: { date: '2012-07-19', place: null },
    status: 'confirmed',
    confidence: 0.9,
    origin: 'extractor',
    note: '',
    preferred: false,
    preferredReason: '',
    evidence: [],
    candidate: null,
    label: '',
    createdAt: `2026-01-01T00:00:0${n % 10}.000Z`,
    updatedAt: `2026-01-01T00:00:0${n % 10}.000Z`,
    ...over,
  };
}

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

describe('a fact as a sentence', () => {
  it('reads the founding example', () => {
    expect(factSentence(fact())).toBe('Bako Sahakyan — votes received — 47,000 — 19 Jul 2012');
  });

  it('groups numbers with the locale’s separators, keeping decimals', () => {
    expect(formatNumber(47_000)).toBe('47,000');
    expect(formatNumber(1_500_000)).toBe('1,500,000');
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(100)).toBe('100');
  });

  it('says value qualifiers in words: “more than 100”, about, less than', () => {
    expect(formatFactValue({ kind: 'number', number: 100, unit: null }, 'gt')).toBe('more than 100');
    expect(formatFactValue({ kind: 'number', number: 73_000, unit: 'voters' }, 'approx')).toBe('about 73,000 voters');
    expect(formatFactValue({ kind: 'number', number: 5, unit: null }, 'lt')).toBe('less than 5');
    expect(
      factSentence(
        fact({
          predicate: 'observers',
          object: { kind: 'number', number: 100, unit: null },
          valueQualifier: 'gt',
          qualifiers: { date: null, place: null },
        }),
      ),
    ).toBe('Bako Sahakyan — observers — more than 100');
  });

  it('keeps units the predicate does not already say; money and percentages', () => {
    expect(formatFactValue({ kind: 'number', number: 47_000, unit: 'votes' }, 'exact', 'votes received')).toBe(
      '47,000',
    );
    expect(formatFactValue({ kind: 'number', number: 73_000, unit: 'voters' }, 'exact', 'turnout')).toBe(
      '73,000 voters',
    );
    expect(formatFactValue({ kind: 'number', number: 12.5, unit: '%' })).toBe('12.5%');
    expect(formatFactValue({ kind: 'number', number: 1_500_000, unit: 'USD' })).toBe('1,500,000 USD');
  });

  it('reads dates, partial dates and ranges: the 17th century, a decade, a span', () => {
    expect(formatFactDate('2012-07-19')).toBe('19 Jul 2012');
    expect(formatFactDate('2012-07')).toBe('July 2012');
    expect(formatFactDate('2012')).toBe('2012');
    expect(formatFactDate('1601/1700')).toBe('17th century');
    expect(formatFactDate('1901/2000')).toBe('20th century');
    expect(formatFactDate('2001/2100')).toBe('21st century');
    expect(formatFactDate('1990/1999')).toBe('1990s');
    expect(formatFactDate('1601/1650')).toBe('1601 – 1650');
    expect(formatFactDate('2012-07/2012-09')).toBe('July 2012 – September 2012');
    expect(formatFactValue({ kind: 'date', date: '1601/1700' })).toBe('17th century');
    expect(formatFactValue({ kind: 'date', date: '2012' }, 'gt')).toBe('after 2012');
  });

  it('names a place qualifier, and an entity or text value', () => {
    const f = fact({
      object: { kind: 'entity', entityId: ID(7), name: 'Nagorno-Karabakh', type: 'place' },
      predicate: 'candidate in election',
      qualifiers: { date: '2012-07-19', place: { entityId: ID(8), name: 'Stepanakert' } },
    });
    expect(factSentence(f)).toBe(
      'Bako Sahakyan — candidate in election — Nagorno-Karabakh — 19 Jul 2012 — Stepanakert',
    );
    expect(formatFactValue({ kind: 'text', text: 'incumbent' })).toBe('incumbent');
  });

  it('renders the sentence as text (never markup), with the subject linking to its entity page', async () => {
    view = await render(
      <FactSentence
        fact={fact({ subject: { entityId: ID(100), name: '<b>Бако</b> Саакян', type: 'person' } })}
        entityLink
      />,
    );
    const sentence = byTestId(view.container, 'fact-sentence')[0];
    expect(sentence.textContent).toBe('<b>Бако</b> Саакян — votes received — 47,000 — 19 Jul 2012');
    expect(sentence.querySelector('b')).toBeNull();
    expect(byTestId(view.container, 'fact-subject')[0].getAttribute('href')).toBe(`#/entity/${ID(100)}`);
  });
});

describe('the facts table', () => {
  const a = fact({ n: 1 });
  const b = fact({ n: 2, object: { kind: 'number', number: 48_000, unit: 'votes' } });
  const c = fact({
    n: 3,
    subject: { entityId: ID(101), name: 'Vitaly Balasanyan', type: 'person' },
    object: { kind: 'number', number: 20_000, unit: 'votes' },
  });
  const d = fact({
    n: 4,
    predicate: 'inauguration date',
    object: { kind: 'date', date: '2012-09-07' },
    qualifiers: { date: null, place: null },
  });
  const e = fact({
    n: 5,
    subject: { entityId: ID(102), name: 'arkady Soghomonyan', type: 'person' },
    predicate: 'note',
    object: { kind: 'text', text: 'x' },
    qualifiers: { date: null, place: null },
    status: 'proposed',
  });

  it('sorts by value numerically (not as text), both ways', () => {
    expect(sortFacts([a, b, c], 'value').map((f) => f.id)).toEqual([c.id, a.id, b.id]);
    expect(sortFacts([a, b, c], 'value', true).map((f) => f.id)).toEqual([b.id, a.id, c.id]);
  });

  it('sorts by subject ignoring case, with ties broken by predicate', () => {
    expect(sortFacts([c, d, e, a], 'subject').map((f) => f.subject.name + ':' + f.predicate)).toEqual([
      'arkady Soghomonyan:note',
      'Bako Sahakyan:inauguration date',
      'Bako Sahakyan:votes received',
      'Vitaly Balasanyan:votes received',
    ]);
  });

  it('sorts by date with undated facts last in either direction', () => {
    expect(sortFacts([e, d, a], 'date').map((f) => f.id)).toEqual([a.id, d.id, e.id]);
    expect(sortFacts([e, a, d], 'date', true).map((f) => f.id)).toEqual([d.id, a.id, e.id]);
  });

  it('sorts by status: proposed, confirmed, rejected', () => {
    const r = fact({ n: 6, status: 'rejected' });
    expect(sortFacts([r, a, e], 'status').map((f) => f.status)).toEqual(['proposed', 'confirmed', 'rejected']);
  });

  it('groups by entity and by predicate, keeping the sorted order inside each group', () => {
    const sorted = sortFacts([a, b, c, d], 'value', true);
    const byEntity = groupFacts(sorted, 'entity');
    expect(byEntity.map((g) => [g.label, g.entityId, g.facts.length])).toEqual([
      ['Bako Sahakyan', ID(100), 3],
      ['Vitaly Balasanyan', ID(101), 1],
    ]);
    // Descending: the date value, then numbers high to low.
    expect(byEntity[0].facts.map((f) => f.id)).toEqual([d.id, b.id, a.id]);
    const byPredicate = groupFacts([a, fact({ n: 7, predicate: 'Votes received' }), d], 'predicate');
    expect(byPredicate.map((g) => [g.label, g.facts.length])).toEqual([
      ['inauguration date', 1],
      ['votes received', 2],
    ]);
    expect(groupFacts([a, c], 'none')).toEqual([{ key: '', label: '', facts: [a, c] }]);
  });

  it('groups timeline items by date, labelled as read', () => {
    const items = [
      { date: '1601/1700', fact: a },
      { date: '2012-07-19', fact: a },
      { date: '2012-07-19', fact: b },
      { date: '2012-09-07', fact: d },
    ];
    expect(groupByDate(items).map((g) => [g.label, g.items.length])).toEqual([
      ['17th century', 1],
      ['19 Jul 2012', 2],
      ['7 Sept 2012', 1],
    ]);
  });
});

describe('a fact from a selection', () => {
  const mentions: Mention[] = [
    { type: 'date', text: 'Hulyo 19, 2012', value: '2012-07-19', start: 0, end: 14, confidence: 0.9 },
    {
      type: 'quantity',
      text: '47 libo',
      value: 47_000,
      start: 20,
      end: 27,
      confidence: 0.9,
      quantity: { kind: 'number', qualifier: 'exact', unit: null },
      about: { name: 'Bako Sahakyan', predicate: 'votes received', start: 80, end: 93 },
    },
    { type: 'person', text: 'Bako Sahakyan', value: 'Bako Sahakyan', start: 80, end: 93, confidence: 0.9 },
    {
      type: 'quantity',
      text: 'higit sa isang daan',
      value: 100,
      start: 200,
      end: 219,
      confidence: 0.8,
      quantity: { kind: 'number', qualifier: 'gt', unit: null },
    },
    { type: 'organisation', text: 'CEC', value: 'CEC', start: 230, end: 233, confidence: 0.8 },
  ];

  it('takes subject, predicate and value from a quantity the extractor tied to a name', () => {
    expect(draftFromMentions(mentions, 20, 93)).toMatchObject({
      subject: 'Bako Sahakyan',
      subjectType: 'person',
      predicate: 'votes received',
      kind: 'number',
      number: '47000',
      valueQualifier: 'exact',
      dateQualifier: '',
    });
  });

  it('adds a date inside the selection as the date qualifier, and keeps “more than”', () => {
    expect(draftFromMentions(mentions, 0, 93)).toMatchObject({ dateQualifier: '2012-07-19', number: '47000' });
    expect(draftFromMentions(mentions, 190, 240)).toMatchObject({
      subject: 'CEC',
      subjectType: 'organisation',
      kind: 'number',
      number: '100',
      valueQualifier: 'gt',
      predicate: '',
    });
  });

  it('makes a date the value when there is no quantity; text when there is nothing', () => {
    expect(draftFromMentions(mentions, 0, 14)).toMatchObject({ kind: 'date', date: '2012-07-19', subject: '' });
    expect(draftFromMentions(mentions, 300, 400)).toMatchObject({ kind: 'text', subject: '' });
  });

  it('checks a draft before saving and reads typed numbers', () => {
    expect(parseDraftNumber('47,000')).toBe(47_000);
    expect(parseDraftNumber('47 000')).toBe(47_000);
    expect(parseDraftNumber('1.5')).toBe(1.5);
    expect(parseDraftNumber('47k')).toBeNull();
    const ok = { ...EMPTY_DRAFT, subject: 'Bako Sahakyan', predicate: 'votes received', number: '47,000' };
    expect(draftProblem(ok)).toBeNull();
    expect(draftProblem({ ...ok, subject: ' ' })).toMatch(/subject/);
    expect(draftProblem({ ...ok, number: 'many' })).toMatch(/number/);
    expect(draftProblem({ ...ok, dateQualifier: '19.07.2012' })).toMatch(/date qualifier/);
    expect(draftProblem({ ...ok, kind: 'date', date: '1601/1700' })).toBeNull();
  });
});

describe('facts routes', () => {
  it('parses and formats the facts pages and entity pages', () => {
    for (const name of ['facts', 'timeline', 'conflicts'] as const) {
      expect(parseRoute(`#/${name}`)).toEqual({ name });
      expect(formatRoute({ name })).toBe(`#/${name}`);
    }
    expect(parseRoute(`#/entity/${ID(5).toUpperCase()}`)).toEqual({ name: 'entity', entityId: ID(5) });
    expect(formatRoute({ name: 'entity', entityId: ID(5) })).toBe(`#/entity/${ID(5)}`);
    expect(parseRoute('#/entity/not-an-id')).toEqual({ name: 'home' });
    expect(parseLink(`http://127.0.0.1:1/#/entity/${ID(5)}`)).toEqual({ name: 'entity', entityId: ID(5) });
  });
});

describe('the conflicts page', () => {
  const group = (agreement: ConflictGroup['agreement'], facts: Fact[]): ConflictGroup => ({
    subject: { entityId: facts[0].subject.entityId, name: facts[0].subject.name },
    predicate: 'votes received',
    qualifiers: { date: '2012-07-19', place: null },
    facts,
    preferredFactId: null,
    agreement,
  });

  it('says "consistent (approximate)" for about 47,000 against 47,000 and counts only real disagreements', async () => {
    const groups = [
      group('approximate', [fact({ n: 1, valueQualifier: 'approx' }), fact({ n: 2 })]),
      group('conflict', [
        fact({ n: 3, object: { kind: 'number', number: 20_000, unit: 'votes' } }),
        fact({ n: 4, object: { kind: 'number', number: 21_000, unit: 'votes' } }),
      ]),
    ];
    const api = { 'facts.conflicts': async () => groups } as unknown as TalaApi;
    view = await render(
      <ApiProvider api={api}>
        <ConflictsPage toast={() => undefined} />
      </ApiProvider>,
    );
    await flush(5);
    const sections = byTestId(view.container, 'conflict-group');
    expect(sections.map((s) => s.dataset.agreement)).toEqual(['approximate', 'conflict']);
    expect(byTestId(sections[0], 'conflict-approximate')[0].textContent).toContain('Consistent (approximate)');
    expect(byTestId(sections[1], 'conflict-approximate')).toEqual([]);
    expect(view.container.querySelector('.facts-page__header')!.textContent).toContain(
      '1 disagreement · 1 consistent (approximate)',
    );
  });
});
