// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../renderer/src/api/context';
import { App } from '../../renderer/src/App';
import { ErrorBoundary } from '../../renderer/src/components/ErrorBoundary';
import { CHANNELS, type TalaApi } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { byTestId, flush, render, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '#/');
});

/** Every channel answers "not implemented" unless given; the app must only call what it uses. */
function fakeApi(overrides: Partial<TalaApi> = {}): TalaApi {
  const unimplemented = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async () => {
        throw new AppError('INTERNAL', `fake API: ${channel} not implemented`);
      },
    ]),
  );
  return {
    ...unimplemented,
    'app.info': async () => ({ version: '0.1.0', archivePath: '/tmp/archive.sqlite', schemaVersion: 1 }),
    'documents.list': async () => [],
    'documents.get': async () => {
      throw new AppError('NOT_FOUND', 'No such document.');
    },
    'documents.import': async () => {
      throw new AppError('IMPORT_REJECTED', 'not used');
    },
    'documents.delete': async () => ({ deleted: true }),
    'search.query': async () => ({ total: 0, hits: [] }),
    'annotations.needsReview': async () => [],
    ...overrides,
  } as TalaApi;
}

describe('App', () => {
  it('shows the empty state for a new archive', async () => {
    view = await render(
      <ApiProvider api={fakeApi()}>
        <App />
      </ApiProvider>,
    );
    await flush();
    expect(byTestId(view.container, 'library-empty')[0].textContent).toContain(
      'No documents yet — import .txt, .md, .html, .pdf, .docx or .epub files',
    );
    expect(byTestId(view.container, 'error-banner')).toHaveLength(0);
  });

  it('shows archive errors in the banner with their message', async () => {
    const api = fakeApi({
      'documents.list': async () => {
        throw new AppError('ARCHIVE_ERROR', 'The archive file is locked by another program.');
      },
    });
    view = await render(
      <ApiProvider api={api}>
        <App />
      </ApiProvider>,
    );
    await flush();
    expect(byTestId(view.container, 'error-message')[0].textContent).toBe(
      'Could not load the library: The archive file is locked by another program.',
    );
  });
});

describe('deep links', () => {
  const DOC = '11111111-2222-4333-8444-555555555555';
  const P2 = '00000000-0000-4000-8000-000000000002';
  const doc = {
    id: DOC,
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
    text: 'Una.\n\nNanalo si Bako Sahakyan.',
    passages: [
      {
        id: '00000000-0000-4000-8000-000000000001',
        ordinal: 0,
        kind: 'paragraph' as const,
        text: 'Una.',
        start: 0,
        end: 4,
        sentences: [],
      },
      {
        id: P2,
        ordinal: 1,
        kind: 'paragraph' as const,
        text: 'Nanalo si Bako Sahakyan.',
        start: 6,
        end: 30,
        sentences: [],
      },
    ],
  };
  const orphan = {
    id: '99999999-2222-4333-8444-555555555555',
    docId: DOC,
    exact: 'Bako',
    prefix: '',
    suffix: '',
    start: 16,
    end: 20,
    color: 'yellow' as const,
    note: 'tala',
    tags: [],
    status: 'orphaned' as const,
    createdAt: '2026-11-27T19:00:00.000Z',
    updatedAt: '2026-11-27T19:00:00.000Z',
  };

  it('opens the passage of a #/doc/…/p/… link marked, and lists orphans under "Needs review"', async () => {
    window.history.replaceState(null, '', `#/doc/${DOC}/p/${P2}`);
    const api = fakeApi({
      'documents.list': async () => [{ ...doc, passages: 2 }],
      'documents.get': async () => doc,
      'annotations.list': async () => [orphan],
      'annotations.needsReview': async () => [orphan],
    });
    view = await render(
      <ApiProvider api={api}>
        <App />
      </ApiProvider>,
    );
    await flush(6);
    const target = byTestId(view.container, 'target-passage')[0];
    expect(target.id).toBe(`p-${P2}`);
    expect(byTestId(view.container, 'review-count')[0].textContent).toBe('1');
    const card = byTestId(view.container, 'needs-review')[0];
    expect(card.textContent).toContain('Bako');
    expect(card.textContent).toContain('tala');
    expect(view.container.querySelectorAll('[data-annotation-ids]')).toHaveLength(0);
  });
});

describe('ErrorBoundary', () => {
  it('shows a message instead of a blank screen when rendering fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Broken(): never {
      throw new Error('passage offsets out of range');
    }
    view = await render(
      <ErrorBoundary area="the reader">
        <Broken />
      </ErrorBoundary>,
    );
    const crash = byTestId(view.container, 'crash')[0];
    expect(crash.textContent).toContain('Something went wrong in the reader.');
    expect(crash.textContent).toContain('passage offsets out of range');
  });
});
