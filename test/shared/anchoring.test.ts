import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchor, describeRange, diffRegion, mapOffset, reanchor, similarity } from '../../shared/anchoring';
import { SAMPLES_DIR } from '../helpers/temp';

const sample = readFileSync(join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt'), 'utf8').split('\n').join('\n\n');
const QUOTE = '47 libo sa kanila ang bumoto para sa nanunungkulang pinuno ng republika na Bako Sahakyan';

function selectQuote(text: string, quote: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at === -1) throw new Error('quote not in text');
  return describeRange(text, at, at + quote.length);
}

function textAt(text: string, selector: { start: number; end: number }) {
  return text.slice(selector.start, selector.end);
}

describe('describeRange', () => {
  it('captures the quote with up to 32 characters of context each side', () => {
    const sel = selectQuote(sample, QUOTE);
    expect(sel.exact).toBe(QUOTE);
    expect(sel.prefix).toHaveLength(32);
    expect(sample.slice(sel.start - 32, sel.start)).toBe(sel.prefix);
    expect(sel.suffix).toBe(sample.slice(sel.end, sel.end + 32));
  });

  it('rejects empty, reversed and out-of-bounds ranges', () => {
    expect(() => describeRange('abc', 1, 1)).toThrow(RangeError);
    expect(() => describeRange('abc', 2, 1)).toThrow(RangeError);
    expect(() => describeRange('abc', 0, 4)).toThrow(RangeError);
    expect(() => describeRange('abc', -1, 2)).toThrow(RangeError);
  });
});

describe('diffRegion / mapOffset', () => {
  it('finds the single changed region and maps offsets around it', () => {
    const change = diffRegion('abcdef', 'abXYZdef');
    expect(change).toEqual({ start: 2, oldEnd: 3, newEnd: 5 });
    expect(mapOffset(1, change)).toBe(1);
    expect(mapOffset(4, change)).toBe(6);
    expect(mapOffset(2, change)).toBe(2);
  });
});

describe('reanchor after edits', () => {
  const sel = selectQuote(sample, QUOTE);

  it('keeps an untouched text anchored in place', () => {
    expect(reanchor(sample, sample, sel)).toEqual({ status: 'anchored', selector: sel });
  });

  it('follows an insertion before the quote', () => {
    const edited = `PAUNAWA: isang bagong talata sa simula.\n\n${sample}`;
    const result = reanchor(sample, edited, sel);
    expect(result.status).toBe('moved');
    expect(textAt(edited, result.selector)).toBe(QUOTE);
    expect(result.selector.start).toBe(sel.start + 41);
  });

  it('stays put after an insertion after the quote', () => {
    const edited = `${sample}\n\nIsang huling talata.`;
    expect(reanchor(sample, edited, sel)).toEqual({ status: 'anchored', selector: sel });
  });

  it('re-anchors fuzzily after a small correction inside the quote', () => {
    const edited = sample.replace('nanunungkulang pinuno', 'nanunungkulan na pinuno');
    const result = reanchor(sample, edited, sel);
    expect(result.status).toBe('moved');
    expect(textAt(edited, result.selector)).toBe(
      '47 libo sa kanila ang bumoto para sa nanunungkulan na pinuno ng republika na Bako Sahakyan',
    );
  });

  it('orphans a quote whose passage was deleted, keeping the original selector', () => {
    const paragraphs = sample.split('\n\n');
    const edited = paragraphs.filter((p) => !p.includes('47 libo')).join('\n\n');
    expect(reanchor(sample, edited, sel)).toEqual({ status: 'orphaned', selector: sel });
  });

  it('keeps the right one of repeated identical quotes, by context', () => {
    const text = 'Unang bahagi: Bako Sahakyan nanalo. Ikalawang bahagi: Bako Sahakyan nanumpa. Ikatlo: Bako Sahakyan.';
    const second = selectQuote(text, 'Bako Sahakyan', 1);
    const edited = `Bagong simula. ${text.replace('Unang bahagi:', 'Una:')}`;
    const result = reanchor(text, edited, second);
    expect(result.status).toBe('moved');
    expect(edited.slice(result.selector.start - 20, result.selector.start)).toContain('Ikalawang bahagi');
  });

  it('picks the right repeated quote even when the position hint is far off', () => {
    const text = 'Alpha Sahakyan beta. Gamma Sahakyan delta. Epsilon Sahakyan zeta.';
    const third = selectQuote(text, 'Sahakyan', 2);
    const found = anchor(text, { ...third, start: 0, end: 8 }, 0);
    expect(found?.start).toBe(third.start);
  });

  it('works on non-Latin scripts and combining characters', () => {
    const ru = 'Виталий Баласанян не поздравил новоизбранного президента. Се\u0301ссия закончилась.';
    const armenian = 'Բակո Սահակյանը վերընտրվեց։ ';
    const text = armenian + ru;
    const sel1 = selectQuote(text, 'Се\u0301ссия');
    const sel2 = selectQuote(text, 'Սահակյանը');
    const edited = `Նոր նախադասություն։ ${text.replace('Виталий', 'В.')}`;
    for (const s of [sel1, sel2]) {
      const r = reanchor(text, edited, s);
      expect(r.status).toBe('moved');
      expect(textAt(edited, r.selector)).toBe(s.exact);
    }
  });

  it('re-anchors a long quote whose middle was edited', () => {
    const s = describeRange(sample, 100, 700);
    const edited = sample.replace(sample.slice(380, 390), 'XXXXXXXXXXXX');
    const result = reanchor(sample, edited, s);
    expect(result.status).toBe('moved');
    expect(result.selector.start).toBe(100);
  });

  it('rejects a weak fuzzy match instead of guessing', () => {
    const s = selectQuote(sample, QUOTE);
    const unrelated = 'Ang lahat ng ito ay ganap na ibang teksto tungkol sa panahon at pagsasaka sa probinsya.';
    expect(reanchor(sample, unrelated, s).status).toBe('orphaned');
  });
});

describe('similarity', () => {
  it('is 1 for equal strings and falls with edits', () => {
    expect(similarity('Sahakyan', 'Sahakyan')).toBe(1);
    expect(similarity('Sahakyan', 'Saakyan')).toBeCloseTo(7 / 8);
    expect(similarity('', '')).toBe(1);
  });
});
