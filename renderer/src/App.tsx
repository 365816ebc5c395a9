import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DocumentSummary, SearchHit } from '../../shared/types';
import { DropOverlay } from './components/DropOverlay';
import { ErrorBanner, type BannerMessage } from './components/ErrorBanner';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ImportPanel } from './components/ImportPanel';
import { Library } from './components/Library';
import { Reader } from './components/Reader';
import { SearchBar } from './components/SearchBar';
import { hitElementId, hitKey, SearchResults } from './components/SearchResults';
import { useAppInfo } from './hooks/useAppInfo';
import { useDocument } from './hooks/useDocument';
import { useDocuments } from './hooks/useDocuments';
import { useFileDrop } from './hooks/useFileDrop';
import { ACCEPTED_EXTENSIONS, useImport } from './hooks/useImport';
import { useSearch } from './hooks/useSearch';
import { errorMessage } from './lib/errors';
import { plural } from './lib/format';
import { queryTerms } from './lib/highlight';

interface OpenDocument {
  docId: string;
  passageId: string | null;
  /** Opened from a search hit: highlight the query terms. */
  fromSearch: boolean;
  /** Bumped on every open, so opening the same hit again scrolls back to it. */
  seq: number;
}

let openSeq = 0;

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
  const banners = useBanners();
  const docs = useDocuments();
  const search = useSearch();
  const info = useAppInfo();
  const [searchText, setSearchText] = useState('');
  const [activeIndex, setActiveIndex] = useState(-1);
  const [open, setOpen] = useState<OpenDocument | null>(null);
  const current = useDocument(open?.docId ?? null);
  const searchRef = useRef<HTMLInputElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);

  const rerunSearch = useRef<() => void>(() => undefined);
  rerunSearch.current = () => {
    if (search.query) void search.run(search.query);
  };
  const importer = useImport(() => {
    void docs.refresh();
    rerunSearch.current();
  });
  const dragging = useFileDrop(importer.start);

  // Errors from loading go to the banner.
  useEffect(() => void (docs.error && banners.push(`Could not load the library: ${docs.error}`)), [docs.error, banners.push]);
  useEffect(() => void (search.error && banners.push(search.error)), [search.error, banners.push]);
  useEffect(() => {
    if (current.error) {
      banners.push(`Could not open the document: ${current.error}`);
      setOpen(null);
    }
  }, [current.error, banners.push]);

  // Fresh results: the first hit is active, so Enter opens it.
  useEffect(() => setActiveIndex(search.result && search.result.hits.length > 0 ? 0 : -1), [search.result]);

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

  const hits = search.result?.hits ?? [];
  const terms = useMemo(() => queryTerms(search.query), [search.query]);

  const openHit = useCallback((hit: SearchHit) => setOpen({ docId: hit.docId, passageId: hit.passageId, fromSearch: true, seq: ++openSeq }), []);
  const openDocument = useCallback((docId: string) => setOpen({ docId, passageId: null, fromSearch: false, seq: ++openSeq }), []);

  const navigate = (e: KeyboardEvent<HTMLInputElement>): boolean => {
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

  const clearSearch = () => {
    setSearchText('');
    search.clear();
  };

  const deleteDocument = async (doc: DocumentSummary) => {
    try {
      await docs.remove(doc.id);
      if (open?.docId === doc.id) setOpen(null);
      rerunSearch.current();
    } catch (err) {
      banners.push(`Could not delete “${doc.title}”: ${errorMessage(err)}`);
    }
  };

  const showResults = search.query !== '';
  const document = current.document && current.document.id === open?.docId ? current.document : null;

  return (
    <div className={`app${showResults ? ' app--searching' : ''}`} data-testid="app">
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
          onSubmit={(q) => void search.run(q)}
          onClear={clearSearch}
          onNavigate={navigate}
          busy={search.loading}
          expanded={hits.length > 0}
          activeDescendant={activeIndex >= 0 && hits.length > 0 ? hitElementId(activeIndex) : undefined}
        />
      </header>

      <ErrorBanner messages={banners.messages} onDismiss={banners.dismiss} />

      <div className="workspace">
        <aside className="sidebar">
          <ErrorBoundary area="the library">
            <Library
              documents={docs.documents}
              loading={docs.loading}
              selectedId={open?.docId ?? null}
              onOpen={openDocument}
              onDelete={deleteDocument}
              onImport={() => fileInputRef.current?.click()}
            />
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
              query={search.query}
              result={search.result}
              loading={search.loading}
              terms={terms}
              activeIndex={activeIndex}
              openKey={open?.passageId ? `${open.docId}:${open.passageId}` : null}
              onActivate={setActiveIndex}
              onOpen={(hit) => {
                setActiveIndex(hits.findIndex((h) => hitKey(h) === hitKey(hit)));
                openHit(hit);
              }}
              onClose={clearSearch}
            />
          </ErrorBoundary>
        )}

        <main className="reader-pane" data-testid="reader-pane">
          <ErrorBoundary area="the reader" resetKey={open}>
            {document ? (
              <Reader
                document={document}
                targetPassageId={open?.passageId ?? null}
                scrollKey={open?.seq ?? 0}
                terms={open?.fromSearch ? terms : []}
                onClose={() => setOpen(null)}
              />
            ) : open && current.loading ? (
              <p className="placeholder muted">Opening…</p>
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
      <ImportPanel items={importer.items} running={importer.running} onDismiss={importer.dismiss} onOpen={openDocument} />
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
        <p>No documents yet — import .txt, .md or .html files. Tagalog, Russian, Armenian, English… each file becomes a searchable document.</p>
        <button type="button" className="button button--primary" onClick={onImport}>
          Import files…
        </button>
        <p className="muted">Tip: you can also drop files anywhere on this window.</p>
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
