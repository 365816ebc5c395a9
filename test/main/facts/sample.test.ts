// The founding example: on the Tagalog sample article and its English translation the extractor finds the
// three candidates, the election date, the inauguration date (year from context), the vote counts with the
// people they belong to, "more than a hundred" and the 17th century; the proposals follow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../shared/facts';
import { analyse } from '../../../main/facts/extract/index';
import { SAMPLES_DIR } from '../../helpers/temp';

const SAMPLES = [
  {
    lang: 'tl',
    file: 'nkr-2012-halalan.tl.txt',
    more: 'higit sa isang daang',
    inauguration: 'Setyembre 7',
    century: 'ika-17 siglo',
    votes: ['73 libong', '47 libo', '20 libo'],
  },
  {
    lang: 'en',
    file: 'nkr-2012-halalan.en.txt',
    more: 'more than a hundred',
    inauguration: 'September 7',
    century: '17th century',
    votes: ['73 thousand', '47 thousand', '20 thousand'],
  },
] as const;

const byType = (mentions: Mention[], type: Mention['type']) => mentions.filter((m) => m.type === type);

describe.each(SAMPLES)('the $lang sample article', ({ lang, file, more, inauguration, century, votes }) => {
  const text = readFileSync(join(SAMPLES_DIR, file), 'utf8');
  const { mentions, candidates } = analyse(text, { lang });

  it('names the three candidates', () => {
    const people = new Set(byType(mentions, 'person').map((m) => m.value));
    expect(people).toEqual(
      new Set(['Bako Sahakyan', 'Vitaly Balasanyan', 'Arkady Soghomonyan', 'Frank Pallone', 'Ed Royce']),
    );
    for (const m of byType(mentions, 'person')) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('finds the election date, the inauguration date with the year from context, and the century', () => {
    const dates = byType(mentions, 'date');
    expect(dates.map((d) => d.value)).toEqual(['2012-07-19', '2012-09-07', '1601/1700']);
    expect(dates[1]).toMatchObject({ text: inauguration, date: { yearInferred: true } });
    expect(dates[2]).toMatchObject({
      text: century,
      date: { precision: 'century', from: '1601-01-01', to: '1700-12-31' },
    });
  });

  it('reads 73,000 / 47,000 / 20,000 and ties each to what the sentence says it is about', () => {
    const counts = byType(mentions, 'quantity').filter((q) => q.quantity?.qualifier === 'exact');
    expect(counts.map((q) => [q.text, q.value])).toEqual(votes.map((v, i) => [v, [73_000, 47_000, 20_000][i]]));
    expect(counts.map((q) => q.about && [q.about.name, q.about.predicate])).toEqual([
      ['Nagorno-Karabakh', 'voters (turnout)'],
      ['Bako Sahakyan', 'votes received'],
      ['Vitaly Balasanyan', 'votes received'],
    ]);
  });

  it('reads "more than a hundred" as a lower bound', () => {
    expect(byType(mentions, 'quantity').find((q) => q.text === more)).toMatchObject({
      value: 100,
      quantity: { qualifier: 'gt' },
    });
  });

  it('finds the places and organisations', () => {
    const places = new Set(byType(mentions, 'place').map((m) => m.value));
    for (const p of [
      'Nagorno-Karabakh',
      'Azerbaijan',
      'Stepanakert',
      'Baku',
      'Russia',
      'United States',
      'Czech Republic',
      'South Ossetia',
      'Transnistria',
    ])
      expect(places).toContain(p);
    const orgs = byType(mentions, 'organisation').map((m) => m.value);
    expect(orgs).toEqual(expect.arrayContaining(['National Assembly', 'Yerevan Agrarian University', 'CEC']));
  });

  it('proposes the vote counts, the inauguration date and the election date, each with its quote', () => {
    const facts = candidates.map((c) => ({
      subject: c.subject.name,
      predicate: c.predicate,
      object: c.object,
      date: c.qualifiers.date,
    }));
    expect(facts).toEqual(
      expect.arrayContaining([
        {
          subject: 'Bako Sahakyan',
          predicate: 'votes received',
          object: { kind: 'number', number: 47_000, unit: 'votes' },
          date: '2012-07-19',
        },
        {
          subject: 'Vitaly Balasanyan',
          predicate: 'votes received',
          object: { kind: 'number', number: 20_000, unit: 'votes' },
          date: '2012-07-19',
        },
        {
          subject: 'Nagorno-Karabakh',
          predicate: 'voters (turnout)',
          object: { kind: 'number', number: 73_000, unit: 'voters' },
          date: '2012-07-19',
        },
        {
          subject: 'Bako Sahakyan',
          predicate: 'inauguration date',
          object: { kind: 'date', date: '2012-09-07' },
          date: null,
        },
        {
          subject: 'Nagorno-Karabakh',
          predicate: 'election date',
          object: { kind: 'date', date: '2012-07-19' },
          date: null,
        },
      ]),
    );
    const candidacy = candidates.filter((c) => c.predicate === 'candidate in election').map((c) => c.subject.name);
    expect(candidacy).toEqual(['Bako Sahakyan', 'Vitaly Balasanyan', 'Arkady Soghomonyan']);
    const votesForSahakyan = candidates.find(
      (c) => c.predicate === 'votes received' && c.subject.name === 'Bako Sahakyan',
    )!;
    const quote = text.slice(votesForSahakyan.start, votesForSahakyan.end);
    expect(quote).toMatch(
      lang === 'tl'
        ? /^47 libo sa kanila ang bumoto para sa .* Bako Sahakyan$/
        : /^47 thousand of them voted for .* Bako Sahakyan$/,
    );
  });
});

describe('a Russian account of the same election', () => {
  const text = [
    '19 июля 2012 года в НКР состоялись очередные президентские выборы, в которых приняли участие' +
      ' действующий президент Бако Саакян, бывший заместитель министра обороны Виталий Баласанян' +
      ' и проректор Степанакертского филиала Ереванского аграрного университета Аркадий Согомонян.',
    'По данным ЦИК непризнанной республики, свою волю выразили 73 тысячи избирателей, из них 47' +
      ' тысяч проголосовали за действующего главу республики Бако Саакяна,' +
      ' 20 тысяч проголосовали за Виталия Баласаняна.',
    'Наблюдателей было более ста. Инаугурация вновь избранного президента НКР Бако Саакяна назначена на 7 сентября.',
  ].join('\n\n');
  const { mentions, candidates } = analyse(text, { lang: 'ru' });

  it('finds the same people, dates and numbers', () => {
    expect(new Set(byType(mentions, 'person').map((m) => m.value))).toEqual(
      new Set(['Бако Саакян', 'Виталий Баласанян', 'Аркадий Согомонян']),
    );
    expect(byType(mentions, 'date').map((d) => d.value)).toEqual(['2012-07-19', '2012-09-07']);
    expect(byType(mentions, 'quantity').map((q) => [q.value, q.quantity?.qualifier, q.about?.name ?? null])).toEqual([
      [73_000, 'exact', 'Nagorno-Karabakh'],
      [47_000, 'exact', 'Бако Саакян'],
      [20_000, 'exact', 'Виталий Баласанян'],
      [100, 'gt', null],
    ]);
  });

  it('proposes the vote counts and the inauguration date', () => {
    expect(
      candidates.map((c) => {
        const { object } = c;
        const value = object.kind === 'number' ? object.number : object.kind === 'date' ? object.date : object.name;
        return `${c.subject.name} | ${c.predicate} | ${value}`;
      }),
    ).toEqual(
      expect.arrayContaining([
        'Бако Саакян | votes received | 47000',
        'Виталий Баласанян | votes received | 20000',
        'Бако Саакян | inauguration date | 2012-09-07',
      ]),
    );
  });
});

describe('scale', () => {
  it('reads a 2 MB document in linear time (no quadratic step)', { timeout: 120_000 }, () => {
    const article = readFileSync(join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt'), 'utf8');
    const small = Array.from({ length: 40 }, () => article).join('\n\n');
    const big = Array.from({ length: 800 }, () => article).join('\n\n');
    const time = (text: string) => {
      const started = performance.now();
      const { mentions } = analyse(text, { lang: 'tl' });
      return { ms: performance.now() - started, mentions: mentions.length };
    };
    time(small); // warm-up
    const a = time(small);
    const b = time(big);
    expect(b.mentions).toBe(a.mentions * 20);
    // 20 times the text may take at most ~60 times as long (a quadratic step would be ~400 times).
    expect(b.ms).toBeLessThan(Math.max(a.ms, 20) * 60);
  });
});
