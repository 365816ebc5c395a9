import { describe, expect, it } from 'vitest';
import { nextSelection, wordsOf } from '../../renderer/src/components/reader/keyboard-selection';

const TEXT = 'Ayon sa CEC, 47 libo ang bumoto.';
const words = wordsOf(TEXT, 'tl');
const text = (r: { start: number; end: number } | null) => (r ? TEXT.slice(r.start, r.end) : null);

describe('keyboard selection in the reader', () => {
  it('finds the words of a passage, punctuation left out', () => {
    expect(words.map((w) => TEXT.slice(w.start, w.end))).toEqual(['Ayon', 'sa', 'CEC', '47', 'libo', 'ang', 'bumoto']);
    expect(wordsOf('Բակո Սահակյան', 'hy').length).toBe(2);
    expect(wordsOf('Бако Саакян избран', 'ru').map((w) => w.end - w.start)).toEqual([4, 6, 6]);
  });

  it('Shift+Right starts at the first word and extends a word at a time; Shift+Left gives one back', () => {
    let sel = nextSelection(words, null, 'ArrowRight', true);
    expect(text(sel)).toBe('Ayon');
    sel = nextSelection(words, sel, 'ArrowRight', true);
    sel = nextSelection(words, sel, 'ArrowRight', true);
    expect(text(sel)).toBe('Ayon sa CEC');
    sel = nextSelection(words, sel, 'ArrowLeft', true);
    expect(text(sel)).toBe('Ayon sa');
    sel = nextSelection(words, sel, 'ArrowLeft', true);
    sel = nextSelection(words, sel, 'ArrowLeft', true);
    expect(text(sel)).toBe('Ayon'); // never less than one word
    expect(text(nextSelection(words, sel, 'End', true))).toBe('Ayon sa CEC, 47 libo ang bumoto');
  });

  it('Ctrl+Right / Ctrl+Left select the next / previous word alone', () => {
    let sel = nextSelection(words, null, 'ArrowRight', false);
    expect(text(sel)).toBe('Ayon');
    for (let i = 0; i < 3; i++) sel = nextSelection(words, sel, 'ArrowRight', false);
    expect(text(sel)).toBe('47');
    sel = nextSelection(words, sel, 'ArrowRight', true);
    expect(text(sel)).toBe('47 libo');
    expect(text(nextSelection(words, sel, 'ArrowLeft', false))).toBe('CEC');
    const lastWord = { start: TEXT.indexOf('bumoto'), end: TEXT.indexOf('bumoto') + 6 };
    expect(text(nextSelection(words, lastWord, 'ArrowRight', false))).toBe('bumoto'); // stays at the end
  });
});
