// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Highlighted } from '../../renderer/src/components/Highlighted';
import { Reader } from '../../renderer/src/components/Reader';
import { queryTerms, splitHighlights } from '../../renderer/src/lib/highlight';
import { languageLabel } from '../../renderer/src/lib/languages';
import type { DocumentDetail } from '../../shared/types';
import { byTestId, render, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

describe('snippet highlighting', () => {
  it('renders untrusted text as text, marking the query terms', async () => {
    const snippet = 'Si <img src=x onerror="alert(1)"> Bako Sahakyan ay nanalo; <b>SAHAKYAN</b>';
    view = await render(
      <p data-testid="snippet">
        <Highlighted text={snippet} terms={queryTerms('sahakyan')} />
      </p>,
    );
    const p = byTestId(view.container, 'snippet')[0];
    expect(p.querySelector('img')).toBeNull();
    expect(p.querySelector('b')).toBeNull();
    expect(p.textContent).toBe(snippet);
    expect(Array.from(p.querySelectorAll('mark'), (m) => m.textContent)).toEqual(['Sahakyan', 'SAHAKYAN']);
  });

  it('matches at word starts only, in any script', () => {
    expect(
      splitHighlights('Ang pangulo ang nanalo', queryTerms('ang'))
        .filter((s) => s.match)
        .map((s) => s.text),
    ).toEqual(['Ang', 'ang']);
    expect(splitHighlights('Выборы в НКР: выборы прошли', queryTerms('выборы')).filter((s) => s.match)).toHaveLength(2);
    expect(queryTerms('"Bako Sahakyan" AND halalan*')).toEqual(['sahakyan', 'halalan', 'bako']);
  });

  it('labels languages with their name and code', () => {
    expect(languageLabel('tl')).toBe('Tagalog (tl)');
    expect(languageLabel('hy')).toBe('Armenian (hy)');
    expect(languageLabel('ka')).toBe('Georgian (ka)');
    expect(languageLabel('zz')).toBe('zz');
    expect(languageLabel('not a code')).toBe('not a code');
  });
});

describe('reader', () => {
  // Built as the archive sends it; asserted so the fixture survives additive changes to the type.
  const doc = {
    id: '11111111-2222-4333-8444-555555555555',
    title: 'Halalan sa NKR',
    lang: 'tl',
    source: 'Example News',
    author: null,
    publishedAt: '2012-07-19',
    fileCreatedAt: null,
    originalName: 'nkr.txt',
    mediaType: 'text/plain',
    contentHash: 'x',
    importedAt: '2026-11-27T19:00:00.000Z',
    tags: [],
    version: 1,
    text: '',
    passages: [
      { id: 'h1', ordinal: 0, kind: 'heading', text: 'Halalan sa NKR', start: 0, end: 0, sentences: [] },
      {
        id: 'p1',
        ordinal: 1,
        kind: 'paragraph',
        text: 'Unang talata <script>alert(1)</script>',
        start: 0,
        end: 0,
        sentences: [],
      },
      { id: 'h2', ordinal: 2, kind: 'heading', text: 'Mga resulta', start: 0, end: 0, sentences: [] },
      { id: 'p2', ordinal: 3, kind: 'paragraph', text: 'Nanalo si Bako Sahakyan.', start: 0, end: 0, sentences: [] },
    ],
  } as DocumentDetail;

  it('renders structure, language and the marked passage as text', async () => {
    view = await render(<Reader document={doc} targetPassageId="p2" terms={['sahakyan']} onClose={() => undefined} />);
    const article = byTestId(view.container, 'reader')[0];
    expect(article.getAttribute('lang')).toBe('tl');
    expect(article.getAttribute('dir')).toBe('ltr');
    expect(article.querySelector('#p-p1')?.getAttribute('dir')).toBe('auto');
    expect(article.querySelector('h1')?.id).toBe('p-h1');
    expect(Array.from(article.querySelectorAll('h2.passage'), (h) => h.textContent)).toEqual(['Mga resulta']);
    expect(article.querySelector('script')).toBeNull();
    expect(article.querySelector('#p-p1')?.textContent).toBe('Unang talata <script>alert(1)</script>');
    const target = byTestId(view.container, 'target-passage')[0];
    expect(target.id).toBe('p-p2');
    expect(target.dataset.target).toBe('true');
    expect(target.querySelector('mark')?.textContent).toBe('Sahakyan');
    expect(byTestId(view.container, 'reader-meta')[0].textContent).toContain('Tagalog (tl)');
    expect(byTestId(view.container, 'reader-meta')[0].textContent).toContain('19 Jul 2012');
  });
});
