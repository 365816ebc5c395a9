import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Annotation, DocumentSummary, SearchHit } from '../../shared/types';
import { useApi } from './api/context';
import { BackupsPage } from './components/backups/BackupsPage';
import { HealthBanner, useArchiveHealth } from './components/backups/HealthBanner';
import { DocumentView } from './components/DocumentView';
import { DropOverlay } from './components/DropOverlay';
import { ErrorBanner, type BannerMessage } from './components/ErrorBanner';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ConflictsPage } from './components/facts/ConflictsPage';
import { EntityPage } from './components/facts/EntityPage';
import { FactsNav, useConflictCount } from './components/facts/FactsNav';
import { FactsTable } from './components/facts/FactsTable';
import { TimelinePage } from './components/facts/TimelinePage';
import { FolderInput } from './components/FolderInput';
import { ImportPanel } from './components/ImportPanel';
import { ParallelView } from './components/parallel/ParallelView';
import { SegmentEditor } from './components/parallel/SegmentEditor';
import { IndexStatus } from './components/IndexStatus';
import { Library } from './components/Library';
import { truncate } from './components/Reader';
import { ReviewPage } from './components/ReviewPage';
import { SearchBar } from './components/SearchBar';
import { groupHits, hitElementId, hitKey, SearchResults } from './components/SearchResults';
import { Toasts } from './components/Toasts';
import { useAppInfo } from './hooks/useAppInfo';
import { useDocuments } from './hooks/useDocuments';
import { useFileDrop } from './hooks/useFileDrop';
import { useHashRoute } from './hooks/useHashRoute';
import { ACCEPTED_EXTENSIONS, useImport } from './hooks/useImport';
import { useIndexStatus } from './hooks/useIndexStatus';
import { useNeedsReview } from './hooks/useNeedsReview';
import { useSearch } from './hooks/useSearch';
import { useToasts } from './hooks/useToasts';
import { errorMessage } from './lib/errors';
import { plural } from './lib/format';
import { annotationRoute, parseLink, passageRoute } from './lib/routes';

const NO_TERMS: string[] = [];

function useBanners() {
  const [messages, setMessages] = useState<BannerMessage[]>([]);
  const nextId = useRef(1);
  const push = useCallback((text: string) => {
    setMessages((list) => (list.some((m) => m.text === text) ? list : [...list.slice(-3), { id: nextId.current++, text }]));
  }, []);
  const dismiss = useCallback((id: number) => setMessages((list) => list.filter((m) => m.id !== id)), []);
  return { messages, push, dismiss };
}

export function App() {
  const api = useApi();
  const banners = useBanners();
  const toasts = useToasts();
  const docs = useDocuments();
  const search = useSearch();
  const review = useNeedsReview();
  const info = useAppInfo();
  const index = useIndexStatus();
  const { route, seq, navigate } = useHashRoute();
  const conflicts = useConflictCount(seq);
  const health = useArchiveHealth();
  const [searchText, setSearchText] = useState('');
  const [activeIndex, setActiveIndex] = useState(-1);
  const [panelOpen, setPanelOpen] = useState(true);
  /** The matches of the hit opened last: drawn in the reader at once, before the document's other matches arrive. */
  const [openedHit, setOpenedHit] = useState<{ docId: string; passageId: string; matches: Array<[number, number]> } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const folderInputRef = useRef<HTMLInputElement>(null);

  const rerunSearch = useRef<() => void>(() => undefined);
  rerunSearch.current = () => {
    search.refresh();
    index.refresh();
  };
  const importer = useImport(() => {
    void docs.refresh();
    rerunSearch.current();
  });
  const dragging = useFileDrop(importer.startDrop);

  // Errors from loading go to the banner.
  useEffect(() => void (docs.error && banners.push(`Could not load the library: ${docs.error}`)), [docs.error, banners.push]);
  // A query the archive cannot understand is explained under the box; anything else goes to the banner.
  useEffect(() => void (search.error && search.error.code !== 'BAD_QUERY' && banners.push(search.error.message)), [search.error, banners.push]);

  const hits = useMemo(() => groupHits(search.result).hits, [search.result]);
  // A search indexes the documents that changed since the last one: the status line follows.
  const refreshIndex = index.refresh;
  useEffect(() => {
    if (search.result) refreshIndex();
  }, [search.result, refreshIndex]);

  // Fresh results: the first hit is active, so Enter opens it ("Load more" keeps the active hit).
  const firstHitKey = hits.length > 0 ? hitKey(hits[0]) : '';
  useEffect(() => setActiveIndex(firstHitKey ? 0 : -1), [firstHitKey, search.effectiveQuery, search.options]);

  // An annotation link shows the annotations.
  useEffect(() => {
    if (route.name === 'doc' && route.annotationId) setPanelOpen(true);
  }, [route, seq]);

  // Ctrl/Cmd+K or "/" focuses the search box.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
      if (((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') || (e.key === '/' && !typing)) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const { effectiveQuery, options } = search;
  const openHit = useCallback(
    (hit: SearchHit) => {
      setOpenedHit({ docId: hit.docId, passageId: hit.passageId, matches: hit.matches });
      navigate(passageRoute(hit.docId, hit.passageId, { query: effectiveQuery, stems: options.stems, translit: options.translit }));
    },
    [navigate, effectiveQuery, options],
  );
  const openDocument = useCallback((docId: string) => navigate({ name: 'doc', docId }), [navigate]);

  const navigateKeys = (e: KeyboardEvent<HTMLInputElement>): boolean => {
    if (hits.length === 0) return false;
    if (e.key === 'ArrowDown') {
      setActiveIndex((i) => Math.min(hits.length - 1, i + 1));
      return true;
    }
    if (e.key === 'ArrowUp') {
      setActiveIndex((i) => Math.max(0, i - 1));
      return true;
    }
    if (e.key === 'Enter' && activeIndex >= 0 && !search.loading && searchText.trim() === search.query) {
      openHit(hits[activeIndex]);
      return true;
    }
    return false;
  };

  const submitSearch = (q: string) => {
    // A pasted Tala link opens its target instead of searching for it.
    const link = parseLink(q);
    if (link) {
      setSearchText('');
      search.clear();
      navigate(link);
      return;
    }
    void search.run(q);
  };

  const clearSearch = () => {
    setSearchText('');
    search.clear();
  };

  const runSuggestion = (q: string) => {
    setSearchText(q);
    void search.run(q);
    searchRef.current?.focus();
  };

  const reindex = () => {
    index.reindex().then(
      (report) => {
        toasts.push({ text: `Search index rebuilt: ${plural(report.passages, 'passage')} in ${plural(report.documents, 'document')} (${(report.ms / 1000).toFixed(1)} s).` }, 6000);
        search.refresh();
      },
      (err: unknown) => toasts.push({ text: `Could not rebuild the search index: ${errorMessage(err)}`, tone: 'warn' }, 10_000),
    );
  };

  const deleteDocument = async (doc: DocumentSummary) => {
    try {
      await docs.remove(doc.id);
      if (route.name === 'doc' && route.docId === doc.id) navigate({ name: 'home' });
      rerunSearch.current();
      void review.refresh();
    } catch (err) {
      banners.push(`Could not delete “${doc.title}”: ${errorMessage(err)}`);
    }
  };

  const deleteOrphan = async (a: Annotation) => {
    try {
      const deleted = await api['annotations.delete']({ id: a.id });
      void review.refresh();
      toasts.push({
        text: `Annotation deleted: “${truncate(deleted.exact, 40)}”`,
        action: { label: 'Undo', run: () => void api['annotations.restore']({ annotation: deleted }).then(() => review.refresh()) },
      });
    } catch (err) {
      toasts.push({ text: `Could not delete the annotation: ${errorMessage(err)}`, tone: 'warn' });
    }
  };

  const onDocumentError = useCallback(
    (message: string) => {
      banners.push(`Could not open the document: ${message}`);
      navigate({ name: 'home' });
    },
    [banners.push, navigate],
  );

  const showResults = search.query !== '';
  const openDocId = route.name === 'doc' ? route.docId : null;
  const routeSearch = route.name === 'doc' ? route.search : undefined;
  const hitMatches = route.name === 'doc' && openedHit && openedHit.docId === route.docId && openedHit.passageId === route.passageId ? openedHit : null;
  const problem =
    search.error?.code === 'BAD_QUERY' && searchText.trim() === search.query
      ? { message: search.error.message, query: search.error.query, position: search.error.position }
      : null;
  const target = route.name === 'doc' && (route.passageId || route.annotationId) ? { passageId: route.passageId, annotationId: route.annotationId } : null;

  return (
    <div className={`app${showResults ? ' app--searching' : ''}${openDocId && panelOpen ? ' app--notes' : ''}`} data-testid="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            T
          </span>
          <span className="brand__name">Tala</span>
        </div>
        <SearchBar
          ref={searchRef}
          value={searchText}
          onChange={setSearchText}
          onSubmit={submitSearch}
          onClear={clearSearch}
          onNavigate={navigateKeys}
          busy={search.loading}
          problem={problem}
          expanded={hits.length > 0}
          activeDescendant={activeIndex >= 0 && hits.length > 0 ? hitElementId(activeIndex) : undefined}
        />
      </header>

      <div className="app__banners">
        <HealthBanner problems={health.problems} onDismiss={health.dismiss} onRestoreNewest={() => navigate({ name: 'backups' })} />
        <ErrorBanner messages={banners.messages} onDismiss={banners.dismiss} />
      </div>

      <div className="workspace">
        <aside className="sidebar">
          <ErrorBoundary area="the library">
            <Library
              documents={docs.documents}
              loading={docs.loading}
              selectedId={openDocId}
              onOpen={openDocument}
              onDelete={deleteDocument}
              onImport={() => fileInputRef.current?.click()}
              onImportFolder={() => folderInputRef.current?.click()}
            />
          </ErrorBoundary>
          <FactsNav route={route} conflicts={conflicts.count} />
          <nav className="facts-nav" aria-label="Archive">
            <a
              href="#/backups"
              className={`facts-nav__link${route.name === 'backups' ? ' facts-nav__link--current' : ''}`}
              aria-current={route.name === 'backups' ? 'page' : undefined}
              data-testid="nav-backups"
            >
              Backups
            </a>
          </nav>
          {review.items.length > 0 && (
            <a
              href="#/review"
              className={`review-link${route.name === 'review' ? ' review-link--current' : ''}`}
              aria-current={route.name === 'review' ? 'page' : undefined}
              data-testid="review-link"
            >
              <span className="review-link__dot" aria-hidden="true" />
              Needs review
              <span className="count" data-testid="review-count">
                {review.items.length}
              </span>
            </a>
          )}
          <ErrorBoundary area="the index status">
            <IndexStatus status={index.status} reindexing={index.reindexing} onReindex={reindex} />
          </ErrorBoundary>
          <footer className="sidebar__footer muted" title={info?.archivePath}>
            {info ? (
              <>
                {/* LRM marks keep the path left-to-right inside the RTL box that puts the ellipsis at its start. */}
                <span className="sidebar__path">{`\u200E${info.archivePath}\u200E`}</span>
                <span>v{info.version}</span>
              </>
            ) : null}
          </footer>
        </aside>

        {showResults && (
          <ErrorBoundary area="the search results" resetKey={search.result}>
            <SearchResults
              search={search}
              activeIndex={activeIndex}
              openKey={route.name === 'doc' && route.passageId ? `${route.docId}:${route.passageId}` : null}
              onActivate={setActiveIndex}
              onOpen={(hit) => {
                setActiveIndex(hits.findIndex((h) => hitKey(h) === hitKey(hit)));
                openHit(hit);
              }}
              onClose={clearSearch}
              onSuggest={runSuggestion}
            />
          </ErrorBoundary>
        )}

        {openDocId ? (
          <DocumentView
            key={openDocId}
            docId={openDocId}
            target={target}
            targetSeq={seq}
            terms={NO_TERMS}
            search={routeSearch}
            hitMatches={hitMatches}
            panelOpen={panelOpen}
            onTogglePanel={() => setPanelOpen((o) => !o)}
            onNavigate={navigate}
            onClose={() => navigate({ name: 'home' })}
            toast={toasts.push}
            onError={onDocumentError}
            onAnnotationsChanged={() => void review.refresh()}
            onFactsChanged={conflicts.refresh}
            onDocumentChanged={() => {
              void docs.refresh();
              rerunSearch.current();
            }}
          />
        ) : route.name === 'parallel' ? (
          <ErrorBoundary area="the parallel reader" resetKey={`${route.docId}:${route.otherDocId}`}>
            <ParallelView key={`${route.docId}:${route.otherDocId}`} docId={route.docId} otherDocId={route.otherDocId} onNavigate={navigate} toast={toasts.push} />
          </ErrorBoundary>
        ) : route.name === 'segments' ? (
          <ErrorBoundary area="the segment editor" resetKey={route.linkId}>
            <SegmentEditor key={route.linkId} linkId={route.linkId} onNavigate={navigate} toast={toasts.push} />
          </ErrorBoundary>
        ) : (
          <main className="reader-pane" data-testid="reader-pane">
            <ErrorBoundary area="this page" resetKey={seq}>
              {route.name === 'facts' ? (
                <FactsTable documents={docs.documents} toast={toasts.push} />
              ) : route.name === 'timeline' ? (
                <TimelinePage />
              ) : route.name === 'conflicts' ? (
                <ConflictsPage toast={toasts.push} onChanged={conflicts.refresh} />
              ) : route.name === 'entity' ? (
                <EntityPage key={route.entityId} entityId={route.entityId} toast={toasts.push} onChanged={conflicts.refresh} />
              ) : route.name === 'backups' ? (
                <BackupsPage
                  info={info}
                  onRestored={() => {
                    // The archive's content changed underneath: reload everything the window shows.
                    void docs.refresh();
                    void review.refresh();
                    conflicts.refresh();
                    rerunSearch.current();
                  }}
                />
              ) : route.name === 'review' ? (
                <ReviewPage
                  items={review.items}
                  documents={docs.documents}
                  onOpen={(a) => navigate(annotationRoute(a.docId, a.id))}
                  onDelete={(a) => void deleteOrphan(a)}
                />
              ) : (
                <Welcome
                  count={docs.documents.length}
                  loading={docs.loading}
                  onImport={() => fileInputRef.current?.click()}
                  onSearch={() => searchRef.current?.focus()}
                />
              )}
            </ErrorBoundary>
          </main>
        )}
      </div>

      <input
        ref={fileInputRef}
        type="file"
        multiple
        accept={ACCEPTED_EXTENSIONS.join(',')}
        hidden
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = ''; // picking the same file again must fire change again
          importer.start(files);
        }}
        data-testid="file-input"
      />
      <FolderInput ref={folderInputRef} onFolder={importer.startFolder} onEmpty={() => toasts.push({ text: 'No files to import in that folder.', tone: 'warn' }, 6000)} />
      <ImportPanel phase={importer.phase} progress={importer.progress} summary={importer.summary} onCancel={importer.cancel} onDismiss={importer.dismiss} />
      <Toasts toasts={toasts.toasts} onDismiss={toasts.dismiss} />
      <DropOverlay visible={dragging} />
    </div>
  );
}


function Welcome({ count, loading, onImport, onSearch }: { count: number; loading: boolean; onImport(): void; onSearch(): void }) {
  if (loading && count === 0) return null;
  if (count === 0) {
    return (
      <div className="welcome" data-testid="welcome">
        <h1>Your archive is empty</h1>
        <p>No documents yet — import .txt, .md, .html, .pdf, .docx or .epub files, or a whole folder. Tagalog, Russian, Armenian, English… each file becomes a searchable document.</p>
        <button type="button" className="button button--primary" onClick={onImport}>
          Import files…
        </button>
        <p className="muted">Tip: you can also drop files and folders anywhere on this window.</p>
      </div>
    );
  }
  return (
    <div className="welcome" data-testid="welcome">
      <h1>Read and search your sources</h1>
      <p>
        {plural(count, 'document')} in the archive. Open one from the library, or{' '}
        <button type="button" className="link-button" onClick={onSearch}>
          search across all of them
        </button>{' '}
        <kbd>Ctrl</kbd> <kbd>K</kbd>.
      </p>
    </div>
  );
}
