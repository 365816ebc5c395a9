// @vitest-environment happy-dom
// The reader component: highlights from annotations, direction for right-to-left languages, windowed
// rendering of long documents, find-in-document, corrections and metadata editing.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Reader } from '../../renderer/src/components/Reader';
import type { Annotation, DocumentDetail, Passage } from '../../shared/types';
import { byTestId, flush, render, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

function makeDoc(texts: string[], extra: Partial<DocumentDetail> = {}): DocumentDetail {
  let offset = 0;
  const passages: Passage[] = texts.map((text, i) => {
    if (i > 0) offset += 2;
    const p: Passage = {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      ordinal: i,
      kind: 'paragraph',
      text,
      start: offset,
      end: offset + text.length,
      sentences: [],
    };
    offset += text.length;
    return p;
  });
  return {
    id: '11111111-2222-4333-8444-555555555555',
    title: 'Halalan sa NKR',
    lang: 'tl',
    source: null,
    author: null,
    publishedAt: null,
    fileCreatedAt: null,
    originalName: 'nkr.txt',
    mediaType: 'text/plain',
    contentHash: 'x',
    importedAt: '2026-11-27T19:00:00.000Z',
    tags: ['halalan'],
    version: 1,
    text: texts.join('\n\n'),
    passages,
    ...extra,
  };
}

function annotation(doc: DocumentDetail, id: string, quote: string, extra: Partial<Annotation> = {}): Annotation {
  const start = doc.text.indexOf(quote);
  return {
    id,
    docId: doc.id,
    exact: quote,
    prefix: '',
    suffix: '',
    start,
    end: start + quote.length,
    color: 'yellow',
    note: '',
    tags: [],
    status: 'anchored',
    createdAt: '2026-11-27T19:00:00.000Z',
    updatedAt: '2026-11-27T19:00:00.000Z',
    ...extra,
  };
}

describe('Reader', () => {
  it('draws placed annotations at their offsets and never draws orphans', async () => {
    const doc = makeDoc(['Unang talata.', 'Nanalo si Bako Sahakyan sa halalan.']);
    const placed = annotation(doc, 'a1', 'Bako Sahakyan', { color: 'blue' });
    const orphan = annotation(doc, 'a2', 'Unang', { status: 'orphaned' });
    const stale = { ...annotation(doc, 'a3', 'halalan'), exact: 'something else' }; // offsets no longer match the text
    view = await render(
      <Reader document={doc} annotations={[placed, orphan, stale]} terms={[]} onClose={() => undefined} />,
    );
    const marks = byTestId(view.container, 'highlight');
    expect(marks.map((m) => [m.textContent, m.dataset.annotationIds])).toEqual([['Bako Sahakyan', 'a1']]);
    expect(marks[0].className).toContain('hl--blue');
    expect(view.container.querySelector(`#p-${doc.passages[1].id}`)?.textContent).toBe(doc.passages[1].text);
    expect(byTestId(view.container, 'document-tags')[0].textContent).toBe('halalan');
  });

  it('draws fact evidence as its own layer: an underline never hiding the user’s highlight there', async () => {
    const doc = makeDoc(['Nanalo si Bako Sahakyan sa halalan.']);
    const mine = annotation(doc, 'mine', 'Bako Sahakyan', { color: 'yellow' });
    const evidence = annotation(doc, 'ev', 'Bako Sahakyan sa halalan', { color: 'green', tags: ['fact'] });
    view = await render(<Reader document={doc} annotations={[mine, evidence]} terms={[]} onClose={() => undefined} />);
    const both = byTestId(view.container, 'highlight');
    expect(
      both.map((m) => [m.textContent, m.className.includes('hl--yellow'), m.className.includes('evidence')]),
    ).toEqual([['Bako Sahakyan', true, true]]);
    expect(both[0].className).not.toContain('hl--green');
    const underlineOnly = byTestId(view.container, 'evidence');
    expect(underlineOnly.map((m) => [m.textContent, m.className.includes('hl')])).toEqual([[' sa halalan', false]]);
    expect(underlineOnly[0].dataset.annotationIds).toBe('ev');
  });

  it('sets the language and right-to-left direction for Arabic, Hebrew, Persian, Urdu…', async () => {
    for (const lang of ['ar', 'he', 'fa', 'ur']) {
      view = await render(<Reader document={makeDoc(['نص عربي'], { lang })} terms={[]} onClose={() => undefined} />);
      const article = byTestId(view.container, 'reader')[0];
      expect([article.getAttribute('lang'), article.getAttribute('dir')]).toEqual([lang, 'rtl']);
      // The app's own chrome stays LTR.
      expect(article.querySelector('.reader__toolbar')?.getAttribute('dir')).toBe('ltr');
      await view.unmount();
      view = undefined;
    }
    view = await render(<Reader document={makeDoc(['?'], { lang: 'und' })} terms={[]} onClose={() => undefined} />);
    expect(byTestId(view.container, 'reader')[0].hasAttribute('lang')).toBe(false);
    expect(byTestId(view.container, 'reader')[0].getAttribute('dir')).toBe('auto');
  });

  it('renders only a window of a 5,000-passage document', async () => {
    const doc = makeDoc(
      Array.from({ length: 5000 }, (_, i) => `Talata ${i}: ang mga botante ay bumoto sa halalan ng republika.`),
    );
    const t0 = performance.now();
    view = await render(<Reader document={doc} terms={[]} onClose={() => undefined} />);
    const elapsed = performance.now() - t0;
    const rendered = view.container.querySelectorAll('[data-passage-start]').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    expect(byTestId(view.container, 'virtual-list')[0].dataset.total).toBe('5000');
    expect(elapsed).toBeLessThan(2000);
  });

  it('finds in the document with Ctrl+F, counting matches across every passage', async () => {
    const doc = makeDoc(
      Array.from({ length: 3000 }, (_, i) => (i % 1000 === 7 ? `Dito si SÁHAKYAN, talata ${i}.` : `Talata ${i}.`)),
    );
    view = await render(<Reader document={doc} terms={[]} onClose={() => undefined} />);
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, bubbles: true }));
    });
    const input = byTestId(view.container, 'find-input')[0] as HTMLInputElement;
    expect(input).toBeDefined();
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, 'sahakyan');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await flush();
    expect(byTestId(view.container, 'find-count')[0].textContent).toBe('1 of 3');
    await act(async () => {
      (byTestId(view!.container, 'find-prev')[0] as HTMLButtonElement).click();
    });
    expect(byTestId(view.container, 'find-count')[0].textContent).toBe('3 of 3');
  });

  it('corrects a passage in place and saves the details', async () => {
    const doc = makeDoc(['Unang talata na may mali.', 'Ikalawa.']);
    const onEditPassage = vi.fn(async () => true);
    const onSaveMeta = vi.fn(async () => undefined);
    view = await render(
      <Reader
        document={doc}
        terms={[]}
        onClose={() => undefined}
        onEditPassage={onEditPassage}
        onSaveMeta={onSaveMeta}
      />,
    );
    await act(async () => (byTestId(view!.container, 'passage-edit')[0] as HTMLButtonElement).click());
    const area = byTestId(view.container, 'passage-input')[0] as HTMLTextAreaElement;
    expect(area.value).toBe('Unang talata na may mali.');
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(area, 'Unang talata na tama.');
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => (byTestId(view!.container, 'passage-save')[0] as HTMLButtonElement).click());
    await flush();
    expect(onEditPassage).toHaveBeenCalledWith(doc.passages[0].id, 'Unang talata na tama.');
    expect(byTestId(view.container, 'passage-editor')).toHaveLength(0);

    await act(async () => (byTestId(view!.container, 'edit-meta')[0] as HTMLButtonElement).click());
    const author = byTestId(view.container, 'meta-author-input')[0] as HTMLInputElement;
    const published = byTestId(view.container, 'meta-published-input')[0] as HTMLInputElement;
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(author, 'CEC ng NKR');
      author.dispatchEvent(new Event('input', { bubbles: true }));
      setter.call(published, '19 July');
      published.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => (byTestId(view!.container, 'meta-save')[0] as HTMLButtonElement).click());
    expect(onSaveMeta).not.toHaveBeenCalled();
    expect(view.container.querySelector('.form-error')?.textContent).toMatch(/2012-07-19/);
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(published, '2012-07-19');
      published.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => (byTestId(view!.container, 'meta-save')[0] as HTMLButtonElement).click());
    await flush();
    expect(onSaveMeta).toHaveBeenCalledWith({
      title: 'Halalan sa NKR',
      source: null,
      author: 'CEC ng NKR',
      publishedAt: '2012-07-19',
      lang: 'tl',
      tags: ['halalan'],
    });
  });
});
