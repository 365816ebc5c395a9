// @vitest-environment happy-dom
// "Edited elsewhere by …" in place: a note card says who else on the team changed it last, when, and
// links to the review list when their version waits there; the user's own notes say nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { AnnotationPanel } from '../../renderer/src/components/AnnotationPanel';
import { EditedElsewhere } from '../../renderer/src/components/team/EditedElsewhere';
import type { Annotation, DocumentDetail } from '../../shared/types';
import { byTestId, render, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

const TEXT = 'Nanalo si Bako Sahakyan sa halalan.';
const doc: DocumentDetail = {
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
  tags: [],
  version: 1,
  text: TEXT,
  passages: [
    {
      id: '00000000-0000-4000-8000-000000000000',
      ordinal: 0,
      kind: 'paragraph',
      text: TEXT,
      start: 0,
      end: TEXT.length,
      sentences: [],
    },
  ],
};

function note(id: string, quote: string, text: string, extra: Partial<Annotation> = {}): Annotation {
  const start = TEXT.indexOf(quote);
  return {
    id,
    docId: doc.id,
    exact: quote,
    prefix: '',
    suffix: '',
    start,
    end: start + quote.length,
    color: 'yellow',
    note: text,
    tags: [],
    status: 'anchored',
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...extra,
  };
}

const noop = () => undefined;

describe('edited elsewhere, in place', () => {
  it('on a note card: who and when, and a link to the review list only when a version waits there', async () => {
    const annotations = [
      note('a1', 'Bako Sahakyan', 'the incumbent', {
        editedElsewhere: { by: 'alice', at: '2026-12-01T10:05:00.000Z', conflictId: 'c1' },
      }),
      note('a2', 'halalan', 'the 2012 vote', {
        editedElsewhere: { by: 'Սահակյան', at: null, conflictId: null },
      }),
      note('a3', 'Nanalo', 'my own note'),
    ];
    view = await render(
      <AnnotationPanel
        document={doc}
        annotations={annotations}
        activeId={null}
        reattachingId={null}
        onOpen={noop}
        onUpdate={async () => true}
        onDelete={noop}
        onCopyLink={noop}
        onReattach={noop}
        onExport={noop}
        onImport={noop}
        onClose={noop}
      />,
    );
    const cards = Array.from(view.container.querySelectorAll<HTMLElement>('[data-annotation-id]'));
    const cardOf = (id: string) => cards.find((c) => c.dataset.annotationId === id)!;
    const [first] = byTestId(cardOf('a1'), 'edited-elsewhere');
    expect(first.textContent).toMatch(/^Edited elsewhere by alice · 1 Dec 2026/);
    expect(first.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-01T10:05:00.000Z');
    const [review] = byTestId(cardOf('a1'), 'edited-elsewhere-review');
    expect(review.getAttribute('href')).toBe('#/team');

    const [second] = byTestId(cardOf('a2'), 'edited-elsewhere');
    expect(second.textContent).toBe('Edited elsewhere by Սահակյան');
    expect(second.querySelector('strong')?.getAttribute('dir')).toBe('auto');
    expect(byTestId(cardOf('a2'), 'edited-elsewhere-review')).toHaveLength(0);

    expect(byTestId(cardOf('a3'), 'edited-elsewhere')).toHaveLength(0);
  });

  it('says nothing without the field (outside a team)', async () => {
    view = await render(<EditedElsewhere info={undefined} compact />);
    expect(view.container.textContent).toBe('');
  });
});
