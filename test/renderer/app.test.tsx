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
    expect(byTestId(view.container, 'library-empty')[0].textContent).toContain('No documents yet — import .txt, .md or .html files');
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
    expect(byTestId(view.container, 'error-message')[0].textContent).toBe('Could not load the library: The archive file is locked by another program.');
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
