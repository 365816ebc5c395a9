// Name keys across scripts and spellings, and the scores behind merge suggestions.
import { describe, expect, it } from 'vitest';
import { aliasKey, blockKeys, compareNames, predicateKey, skeleton } from '../../../main/facts/keys';
import { dateBounds, formatValue, isFactDate, numberInterval, valueAgreement } from '../../../main/facts/values';

describe('name keys', () => {
  it.each([
    ['Bako Sahakyan', 'bako sahakyan'],
    ['Бако Саакян', 'bako saakyan'],
    ['Բակո Սահակյան', 'bako sahakyan'],
    ['Vitaly  Balasanyan', 'vitaly balasanyan'],
    ["Sahakyan's", 'sahakyan'],
    ['Ελλάδα', 'ellada'],
  ])('%s → %s', (name, key) => {
    expect(aliasKey(name)).toBe(key);
  });

  it('a skeleton makes Russian renderings of Armenian names meet their English spelling', () => {
    expect(skeleton('Bako Sahakyan')).toBe(skeleton('Бако Саакян'));
    expect(skeleton('Arkady Soghomonyan')).toBe(skeleton('Аркади Согомонян'));
  });

  it('predicates compare case- and space-insensitively', () => {
    expect(predicateKey('  Votes   Received ')).toBe('votes received');
  });
});

describe('comparing names', () => {
  it.each([
    ['Bako Sahakyan', 'Bako Sahakyan', 1, 'same name'],
    ['Bako Sahakyan', 'Бако Саакян', 0.95, 'same name in another spelling or script'],
    ['Vitaly Balasanyan', 'Виталий Баласанян', 0.95, 'same name in another spelling or script'],
    ['Sahakyan', 'Bako Sahakyan', 0.8, 'one of them is the surname alone'],
    ['B. Sahakyan', 'Bako Sahakyan', 0.9, 'first name agrees'],
  ])('%s ~ %s', (a, b, score, reason) => {
    const m = compareNames(a, b);
    expect(m.score).toBe(score);
    expect(m.reasons).toContain(reason);
  });

  it.each([
    ['Raffi Hovannisian', 'Раффи Ованесян'],
    ['Serzh Sargsyan', 'Սերժ Սարգսյանը'],
    ['Серж Саргсян', 'Սերժ Սարգսյանի'],
    ['Arayik Harutyunyan', 'Араик Арутюнян'],
  ])('the cross-script name key joins %s and %s', (a, b) => {
    expect(compareNames(a, b)).toMatchObject({ score: 0.95, reasons: ['same name in another spelling or script'] });
  });

  it('merge blocks meet across scripts when spellings share no first letters (Hovhannisyan / Оганесян)', () => {
    const shared = (a: string, b: string) => blockKeys(a).some((k) => blockKeys(b).includes(k));
    expect(shared('Raffi Hovhannisyan', 'Раффи Оганесян')).toBe(true);
    expect(shared('Bako Sahakyan', 'Vitaly Balasanyan')).toBe(false);
  });

  it('two people with the same surname are not the same person', () => {
    expect(compareNames('Serzh Sargsyan', 'Tigran Sargsyan').score).toBe(0);
    expect(compareNames('Bako Sahakyan', 'Vitaly Balasanyan').score).toBe(0);
  });

  it('close spellings are suggested (Saakyan ~ Sahakyan, Balasanian ~ Balasanyan, Balasanyants)', () => {
    expect(compareNames('Saakyan', 'Sahakyan').score).toBeGreaterThanOrEqual(0.8);
    expect(compareNames('Vitaly Balasanyan', 'Vitali Balasanian').score).toBeGreaterThanOrEqual(0.8);
    expect(compareNames('Vitaly Balasanyan', 'Vitaliy Balasanyants')).toMatchObject({
      score: expect.any(Number),
      reasons: expect.arrayContaining(['first name agrees']),
    });
    expect(compareNames('Vitaly Balasanyan', 'Vitaliy Balasanyants').score).toBeGreaterThanOrEqual(0.8);
  });
});

describe('fact values', () => {
  it('dates, partial dates and intervals have bounds', () => {
    expect(dateBounds('2012-07-19')).toEqual({ from: '2012-07-19', to: '2012-07-19' });
    expect(dateBounds('2012-02')).toEqual({ from: '2012-02-01', to: '2012-02-29' });
    expect(dateBounds('1601/1700')).toEqual({ from: '1601-01-01', to: '1700-12-31' });
    expect(isFactDate('19 July 2012')).toBe(false);
  });

  it('render for people', () => {
    expect(formatValue({ kind: 'number', number: 100, unit: null }, 'gt')).toBe('more than 100');
    expect(formatValue({ kind: 'number', number: 47000, unit: 'votes' })).toBe('47,000 votes');
    expect(formatValue({ kind: 'number', number: 66.7, unit: '%' }, 'approx')).toBe('about 66.7%');
  });
});

describe('approximate values are intervals', () => {
  const n = (number: number, valueQualifier: 'exact' | 'approx' | 'gt' | 'lt') => ({
    object: { kind: 'number' as const, number, unit: 'votes' },
    valueQualifier,
  });

  it.each([
    [47_000, 'approx', [44_650, 49_350]], // 5 % of the value
    [20, 'approx', [15, 25]], // at least half its rounding step (10)
    [860_000, 'gt', [860_000, Infinity]],
    [100, 'lt', [-Infinity, 100]],
    [47_000, 'exact', [47_000, 47_000]],
  ] as const)('%d %s → %j', (value, qualifier, interval) => {
    expect(numberInterval(value, qualifier)).toEqual(interval);
  });

  it.each([
    [n(47_000, 'approx'), n(47_000, 'exact'), 'approximate'],
    [n(47_000, 'approx'), n(47_900, 'exact'), 'approximate'],
    [n(47_000, 'approx'), n(52_000, 'exact'), 'different'],
    [n(860_000, 'gt'), n(862_000, 'exact'), 'approximate'],
    [n(860_000, 'gt'), n(850_000, 'exact'), 'different'],
    [n(47_000, 'exact'), n(48_000, 'exact'), 'different'],
    [n(47_000, 'exact'), n(47_000, 'exact'), 'same'],
  ] as const)('%j vs %j: %s', (a, b, expected) => {
    expect(valueAgreement(a, b)).toBe(expected);
  });
});
