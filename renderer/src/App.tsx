// The app frame: top bar with the search box, banners, the sidebar, the search results column and the view of
// the current route (views.tsx). Server state comes from the query cache (api/queries.ts); writes invalidate it.
import { useEffect, useRef, useState } from 'react';
import { useArchiveChanged } from './api/queries';
import { HealthBanner, useArchiveHealth } from './components/backups/HealthBanner';
import { CommandPalette } from './components/commands/CommandPalette';
import { ShortcutsDialog } from './components/commands/ShortcutsDialog';
import { DropOverlay } from './components/DropOverlay';
import { ErrorBanner } from './components/ErrorBanner';
import { ErrorBoundary } from './components/ErrorBoundary';
import { useConflictCount } from './components/facts/FactsNav';
import { FolderInput } from './components/FolderInput';
import { ImportPanel } from './components/ImportPanel';
import { SearchBar } from './components/SearchBar';
import { hitElementId, SearchResults } from './components/SearchResults';
import { Sidebar } from './components/Sidebar';
import { SkipLinks } from './components/SkipLinks';
import { Toasts } from './components/Toasts';
import { useAppActions } from './hooks/useAppActions';
import { useAppInfo } from './hooks/useAppInfo';
import { useAppCommands } from './hooks/useAppCommands';
import { useBanners } from './hooks/useBanners';
import { useCommands } from './hooks/useCommands';
import { useDocuments } from './hooks/useDocuments';
import { useFileDrop } from './hooks/useFileDrop';
import { useHashRoute } from './hooks/useHashRoute';
import { ACCEPTED_EXTENSIONS, useImport } from './hooks/useImport';
import { useIndexStatus } from './hooks/useIndexStatus';
import { useNeedsReview } from './hooks/useNeedsReview';
import { useSearchController } from './hooks/useSearchController';
import { useSidePanel } from './hooks/useSidePanel';
import { useSlashFocus } from './hooks/useSlashFocus';
import { useToasts } from './hooks/useToasts';
import { RouteView, type ViewContext } from './views';

export function App() {
  const changed = useArchiveChanged();
  const banners = useBanners();
  const toasts = useToasts();
  const docs = useDocuments();
  const review = useNeedsReview();
  const info = useAppInfo();
  const index = useIndexStatus();
  const { route, seq, navigate } = useHashRoute();
  const searchInputRef = useRef<HTMLInputElement>(null);
  const box = useSearchController(navigate, searchInputRef);
  const { search, hits } = box;
  const conflicts = useConflictCount();
  const health = useArchiveHealth();
  // The results column belongs to search: beside the library (with the active hit previewed) and the reader,
  // not on other pages (facts, timeline, backups…).
  const showResults = search.query !== '' && (route.name === 'home' || route.name === 'doc');
  const panel = useSidePanel(showResults);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const folderInputRef = useRef<HTMLInputElement>(null);

  const importer = useImport(() => changed('documents'));
  const dragging = useFileDrop(importer.startDrop);
  const pushBanner = banners.push;

  // Errors from loading go to the banner.
  useEffect(
    () => void (docs.error && pushBanner(`Could not load the library: ${docs.error}`)),
    [docs.error, pushBanner],
  );
  // A query the archive cannot understand is explained under the box; anything else goes to the banner.
  useEffect(
    () => void (search.error && search.error.code !== 'BAD_QUERY' && pushBanner(search.error.message)),
    [search.error, pushBanner],
  );

  // A search indexes the documents that changed since the last one: the status line follows.
  const refreshIndex = index.refresh;
  useEffect(() => {
    if (search.result) refreshIndex();
  }, [search.result, refreshIndex]);

  // An annotation link shows the annotations.
  const annotationLink = route.name === 'doc' && route.annotationId ? `${route.annotationId}:${seq}` : '';
  const [seenLink, setSeenLink] = useState(annotationLink);
  if (seenLink !== annotationLink) {
    setSeenLink(annotationLink);
    if (annotationLink) panel.show();
  }

  // "/" focuses the search box (hooks/useSlashFocus.ts).
  const { focusBox } = box;
  useSlashFocus(focusBox);

  // The app's commands: native menu (Electron), their accelerators (browser) and the command palette.
  const [dialog, setDialog] = useState<'palette' | 'shortcuts' | null>(null);
  const runCommand = useAppCommands({
    navigate,
    focusSearch: focusBox,
    importFiles: () => fileInputRef.current?.click(),
    importFolder: () => folderInputRef.current?.click(),
    togglePanel: panel.toggle,
    openDialog: setDialog,
    toast: toasts.push,
  });
  useCommands(runCommand);

  const actions = useAppActions({ route, navigate, docs, index, search, pushBanner, toast: toasts.push });
  const { reindex, deleteDocument, deleteOrphan, onDocumentError } = actions;

  const openDocId = route.name === 'doc' ? route.docId : null;
  const openKey = route.name === 'doc' && route.passageId ? `${route.docId}:${route.passageId}` : null;
  const ctx: ViewContext = {
    seq,
    navigate,
    toast: toasts.push,
    documents: docs.documents,
    documentsLoading: docs.loading,
    info,
    reviewItems: review.items,
    openedHit: box.openedHit,
    panelOpen: panel.shown,
    togglePanel: panel.toggle,
    showPanel: panel.show,
    onDocumentError,
    onDeleteOrphan: (a) => void deleteOrphan(a),
    // The archive's content changed underneath: reload everything the window shows.
    onRestored: () => changed('everything'),
    importFiles: () => fileInputRef.current?.click(),
    focusSearch: () => searchInputRef.current?.focus(),
    preview:
      showResults && route.name === 'home' ? { hit: hits[box.activeIndex] ?? null, open: box.openFromList } : null,
  };

  return (
    <div
      className={`app${showResults ? ' app--searching' : ''}${openDocId && panel.shown ? ' app--notes' : ''}`}
      data-testid="app"
    >
      <SkipLinks />
      <header className="topbar">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            T
          </span>
          <span className="brand__name">Tala</span>
        </div>
        <SearchBar
          ref={searchInputRef}
          value={box.text}
          onChange={box.setText}
          onSubmit={box.submit}
          onClear={box.clear}
          onNavigate={box.onBoxKey}
          onFocus={panel.resultsFirst}
          busy={search.loading}
          problem={box.problem}
          expanded={showResults && hits.length > 0}
          activeDescendant={
            showResults && box.activeIndex >= 0 && hits.length > 0 ? hitElementId(box.activeIndex) : undefined
          }
        />
      </header>

      <div className="app__banners">
        <HealthBanner
          problems={health.problems}
          onDismiss={health.dismiss}
          onRestoreNewest={() => navigate({ name: 'backups' })}
        />
        <ErrorBanner messages={banners.messages} onDismiss={banners.dismiss} />
      </div>

      <div className="workspace">
        <Sidebar
          route={route}
          documents={docs.documents}
          loading={docs.loading}
          selectedId={openDocId}
          conflicts={conflicts}
          reviewCount={review.items.length}
          index={index}
          info={info}
          onOpen={(docId) => navigate({ name: 'doc', docId })}
          onDelete={deleteDocument}
          onImport={ctx.importFiles}
          onImportFolder={() => folderInputRef.current?.click()}
          onReindex={reindex}
        />

        {showResults && (
          <ErrorBoundary area="the search results" resetKey={search.result}>
            <SearchResults
              search={search}
              activeIndex={box.activeIndex}
              openKey={openKey}
              onActivate={box.setActiveIndex}
              onOpen={box.openFromList}
              onClose={box.clear}
              onSuggest={box.runSuggestion}
            />
          </ErrorBoundary>
        )}

        <RouteView route={route} ctx={ctx} />
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
      <FolderInput
        ref={folderInputRef}
        onFolder={importer.startFolder}
        onEmpty={() => toasts.push({ text: 'No files to import in that folder.', tone: 'warn' }, 6000)}
      />
      <ImportPanel
        phase={importer.phase}
        progress={importer.progress}
        summary={importer.summary}
        onCancel={importer.cancel}
        onDismiss={importer.dismiss}
      />
      {dialog === 'palette' && <CommandPalette onRun={runCommand} onClose={() => setDialog(null)} />}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
      <Toasts toasts={toasts.toasts} onDismiss={toasts.dismiss} />
      <DropOverlay visible={dragging} />
    </div>
  );
}
