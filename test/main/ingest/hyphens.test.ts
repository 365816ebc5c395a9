// Issue 11: line-end hyphens of PDFs. Tagalog keeps the hyphen after a prefix before a vowel or a loanword, in
// repetitions and fixed compounds; the document's own spelling decides first; other languages close up.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../main/ingest/index';
import { LINE_HYPHEN, resolveLineHyphens, tagalogKeepsHyphen } from '../../../main/ingest/hyphens';
import { makePdf } from '../../helpers/make-documents';

const seam = (left: string, right: string) => `${left}-${LINE_HYPHEN}${right}`;
const one = (text: string, lang: string, others: string[] = []) => resolveLineHyphens([text, ...others], lang)[0];

describe('line-end hyphens', () => {
  it.each([
    // [left, right, joined text expected] — Tagalog without evidence from the document.
    ['humigit', 'kumulang', 'humigit-kumulang'],
    ['naka', 'iskedyul', 'naka-iskedyul'],
    ['pang', 'internasyonal', 'pang-internasyonal'],
    ['mag', 'aral', 'mag-aral'],
    ['pag', 'asa', 'pag-asa'],
    ['nag', 'computer', 'nag-computer'],
    ['araw', 'araw', 'araw-araw'],
    ['sari', 'sari', 'sari-sari'],
    ['kani', 'kanila', 'kani-kanila'],
    ['pangu', 'lo', 'pangulo'],
    ['bu', 'moto', 'bumoto'],
    ['ha', 'lalan', 'halalan'],
    ['naka', 'upo', 'nakaupo'],
    ['mag', 'bayad', 'magbayad'],
    ['kandi', 'dato', 'kandidato'],
  ])('Tagalog %s-/%s → %s', (left, right, expected) => {
    expect(one(`Ayon sa ulat, ${seam(left, right)} ang nakita.`, 'tl')).toBe(`Ayon sa ulat, ${expected} ang nakita.`);
  });

  it.each([
    ['en', seam('elec', 'tion'), 'election'],
    ['en', seam('pre', 'sident'), 'president'],
    ['ru', seam('выбо', 'ры'), 'выборы'],
    ['ru', seam('Карабах', 'ского'), 'Карабахского'],
    ['hy', seam('ընտրու', 'թյուն'), 'ընտրություն'],
    // The Tagalog rules apply to Tagalog only: the same seam in an English text closes up.
    ['en', seam('mag', 'aral'), 'magaral'],
  ])('%s closes ordinary hyphenation: %s → %s', (lang, text, expected) => {
    expect(one(text, lang)).toBe(expected);
  });

  it('follows the spelling the document uses elsewhere, in any language', () => {
    expect(one(seam('well', 'known'), 'en', ['A well-known fact.'])).toBe('well-known');
    expect(one(seam('co', 'operation'), 'en', ['The cooperation went on.'])).toBe('cooperation');
    // Evidence beats the Tagalog rules both ways.
    expect(one(seam('pang', 'ulo'), 'tl', ['Ang pangulo ay nagsalita.'])).toBe('pangulo');
    expect(one(seam('bagong', 'taon'), 'tl', ['Sa bagong-taon at bagong-taon.'])).toBe('bagong-taon');
    // A seam is no evidence for itself.
    expect(resolveLineHyphens([seam('bagong', 'taon'), seam('bagong', 'taon')], 'tl')).toEqual([
      'bagongtaon',
      'bagongtaon',
    ]);
  });

  it('knows Tagalog prefixes, repetitions and loanwords without a seam', () => {
    expect(tagalogKeepsHyphen('Pang', 'Internasyonal')).toBe(true);
    expect(tagalogKeepsHyphen('ma', 'mahal')).toBe(false);
    expect(tagalogKeepsHyphen('na', 'iwan')).toBe(false);
  });

  it('keeps the Tagalog hyphens of a real PDF and joins its ordinary breaks', async () => {
    const lines = [
      'Ayon sa komisyon, humigit-',
      'kumulang 47 libo ang bumoto sa halalan na naka-',
      'iskedyul noong Hulyo. Dumalo ang mga tagamasid na pang-',
      'internasyonal at sinabi ng pangu-',
      'lo na mapayapa ang lahat ng presinto sa buong bansa.',
    ];
    const bytes = makePdf({ pages: [lines.map((text, i) => ({ text, x: 72, y: 700 - i * 14 }))] });
    const doc = await parseDocument({ name: 'ulat.pdf', bytes });
    expect(doc.lang).toBe('tl');
    expect(doc.passages.map((p) => p.text).join('\n')).toBe(
      'Ayon sa komisyon, humigit-kumulang 47 libo ang bumoto sa halalan na naka-iskedyul noong Hulyo. Dumalo ang ' +
        'mga tagamasid na pang-internasyonal at sinabi ng pangulo na mapayapa ang lahat ng presinto sa buong bansa.',
    );
  });

  it('joins the line-end hyphens of an English PDF', async () => {
    const lines = [
      'The commission said that the elec-',
      'tion was held in July and that the obser-',
      'vers found the polling stations calm.',
    ];
    const bytes = makePdf({ pages: [lines.map((text, i) => ({ text, x: 72, y: 700 - i * 14 }))] });
    const doc = await parseDocument({ name: 'report.pdf', bytes });
    expect(doc.passages.map((p) => p.text)).toEqual([
      'The commission said that the election was held in July and that the observers found the polling stations calm.',
    ]);
  });
});
