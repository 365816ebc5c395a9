// @vitest-environment happy-dom
// Selection → document offsets over the rendered reader: highlights split the text into many nodes, and
// the mapping must still be exact.
import { afterEach, describe, expect, it } from 'vitest';
import { PassageText } from '../../renderer/src/components/reader/PassageText';
import {
  offsetsToRange,
  rangeToOffsets,
  selectionOffsets,
  textOffsetWithin,
  trimRange,
} from '../../renderer/src/lib/selection';
import type { Passage } from '../../shared/types';
import { render, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
  document.getSelection()?.removeAllRanges();
});

const texts = [
  'Halalan sa NKR',
  'Ayon sa CEC, 47 libo sa kanila ang bumoto para kay Bako Sahakyan.',
  'Ընտրությունները 𝔸 անցան խաղաղ։',
];
const passages: Passage[] = texts.map((text, i) => {
  const start = texts.slice(0, i).reduce((n, t) => n + t.length + 2, 0);
  return {
    id: `p${i}`,
    ordinal: i,
    kind: i === 0 ? 'heading' : 'paragraph',
    text,
    start,
    end: start + text.length,
    sentences: [],
  };
});
const docText = texts.join('\n\n');

async function renderPassages() {
  const ann = (id: string, quote: string, color: 'yellow' | 'pink' = 'yellow') => {
    const start = docText.indexOf(quote);
    return { id, color, start, end: start + quote.length };
  };
  // Overlapping highlights so the text is split into several text nodes inside nested-looking runs.
  const annotations = [ann('a', '47 libo sa kanila'), ann('b', 'sa kanila ang bumoto', 'pink'), ann('c', 'Bako')];
  view = await render(
    <div data-testid="root">
      <div className="decoration">¶</div>
      {passages.map((p) => (
        <PassageText
          key={p.id}
          passage={p}
          annotations={annotations.filter((a) => a.start < p.end && a.end > p.start)}
          terms={['sahakyan']}
        />
      ))}
    </div>,
  );
  return view.container.querySelector<HTMLElement>('[data-testid="root"]')!;
}

/** A DOM range over `quote` (the n-th occurrence in the rendered text), built by walking text nodes. */
function rangeOver(root: HTMLElement, quote: string): Range {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (n.parentElement?.closest('[data-passage-start]')) nodes.push(n as Text);
  const all = nodes.map((n) => n.data).join('');
  const at = all.indexOf(quote);
  if (at < 0) throw new Error(`${quote} not rendered`);
  const range = document.createRange();
  let acc = 0;
  let startSet = false;
  for (const n of nodes) {
    if (!startSet && at < acc + n.length) {
      range.setStart(n, at - acc);
      startSet = true;
    }
    if (at + quote.length <= acc + n.length) {
      range.setEnd(n, at + quote.length - acc);
      break;
    }
    acc += n.length;
  }
  return range;
}

describe('selection → offsets', () => {
  it('renders highlights as marks over exactly the passage text', async () => {
    const root = await renderPassages();
    const p1 = root.querySelector<HTMLElement>('#p-p1')!;
    expect(p1.textContent).toBe(texts[1]);
    expect(p1.getAttribute('data-passage-start')).toBe(String(passages[1].start));
    expect(p1.querySelectorAll('mark').length).toBeGreaterThanOrEqual(5);
    expect(Array.from(p1.querySelectorAll('[data-annotation-ids~="b"]'), (m) => m.textContent).join('')).toBe(
      'sa kanila ang bumoto',
    );
    expect(p1.querySelector('.hl--overlap')?.textContent).toBe('sa kanila');
    expect(p1.querySelector('mark.term')?.textContent).toBe('Sahakyan');
  });

  it('maps ranges that cross highlight boundaries to exact document offsets', async () => {
    const root = await renderPassages();
    for (const quote of [
      '47 libo',
      'libo sa kanila ang',
      'kanila ang bumoto para kay Bako Sah',
      'Ayon sa CEC, 47 libo sa kanila ang bumoto para kay Bako Sahakyan.',
      'անցան',
      '𝔸 անցան',
    ]) {
      const offsets = rangeToOffsets(rangeOver(root, quote), root);
      expect(offsets, quote).not.toBeNull();
      expect(docText.slice(offsets!.start, offsets!.end)).toBe(quote);
    }
  });

  it('maps a range across passages, including the blank line between them', async () => {
    const root = await renderPassages();
    const offsets = rangeToOffsets(rangeOver(root, 'Sahakyan.Ընտրությունները'), root)!;
    expect(docText.slice(offsets.start, offsets.end)).toBe('Sahakyan.\n\nԸնտրությունները');
  });

  it('handles element boundaries and boundaries outside any passage', async () => {
    const root = await renderPassages();
    const p1 = root.querySelector('#p-p1')!;
    const firstMark = p1.querySelector('mark')!;
    expect(textOffsetWithin(p1, firstMark, 0)).toBe(texts[1].indexOf('47'));
    expect(textOffsetWithin(p1, p1, p1.childNodes.length)).toBe(texts[1].length);
    expect(textOffsetWithin(p1, p1, 0)).toBe(0);

    // From the decoration before the first passage to the middle of the second: snaps to the first passage's start.
    const range = document.createRange();
    range.setStart(root.querySelector('.decoration')!.firstChild!, 0);
    const end = rangeOver(root, 'Ayon sa');
    range.setEnd(end.endContainer, end.endOffset);
    const offsets = rangeToOffsets(range, root)!;
    expect(offsets.start).toBe(0);
    expect(docText.slice(offsets.start, offsets.end)).toBe('Halalan sa NKR\n\nAyon sa');

    // Whole passage selected by element boundaries.
    const whole = document.createRange();
    whole.selectNodeContents(root.querySelector('#p-p2')!);
    const w = rangeToOffsets(whole, root)!;
    expect(docText.slice(w.start, w.end)).toBe(texts[2]);

    // Nothing of a passage: null.
    const none = document.createRange();
    none.selectNodeContents(root.querySelector('.decoration')!);
    expect(rangeToOffsets(none, root)).toBeNull();
  });

  it('reads the window selection, trimming white space, and maps offsets back to a DOM range', async () => {
    const root = await renderPassages();
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(rangeOver(root, ' 47 libo sa '));
    const offsets = selectionOffsets(root, docText)!;
    expect(docText.slice(offsets.start, offsets.end)).toBe('47 libo sa');
    expect(trimRange(docText, { start: 14, end: 16 })).toBeNull(); // only the blank line between passages

    const back = offsetsToRange(root, offsets.start, offsets.end)!;
    expect(back.toString()).toBe('47 libo sa');
    expect(rangeToOffsets(back, root)).toEqual(offsets);
  });
});
