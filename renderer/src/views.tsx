// The route table: which view each address shows, and how it is framed. Pages render inside the main pane
// (one error boundary per navigation); the reader, side by side and the segment editor lay out their own panes.
import type { ReactNode } from 'react';
import type { Annotation, AppInfo, DocumentSummary, SearchHit } from '../../shared/types';
import { LibraryView } from './components/library/LibraryView';
import { ActiveHitPreview } from './components/search/ActiveHitPreview';
import { BackupsPage } from './components/backups/BackupsPage';
import { TeamPage } from './components/team/TeamPage';
import { DocumentView } from './components/DocumentView';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ConflictsPage } from './components/facts/ConflictsPage';
import { EntityPage } from './components/facts/EntityPage';
import { FactsTable } from './components/facts/FactsTable';
import { TimelinePage } from './components/facts/TimelinePage';
import { ParallelView } from './components/parallel/ParallelView';
import { SegmentEditor } from './components/parallel/SegmentEditor';
import { ReviewPage } from './components/ReviewPage';
import { SettingsPage } from './components/settings/SettingsPage';
import { Welcome } from './components/Welcome';
import type { OpenedHit } from './hooks/useSearchController';
import type { PushToast } from './hooks/useToasts';
import { annotationRoute, type Route } from './lib/routes';

/** What the views need from the app frame. */
export interface ViewContext {
  seq: number;
  navigate(route: Route): void;
  toast: PushToast;
  documents: DocumentSummary[];
  documentsLoading: boolean;
  info: AppInfo | null;
  reviewItems: Annotation[];
  openedHit: OpenedHit | null;
  panelOpen: boolean;
  togglePanel(): void;
  /** Opens the side panel and puts it on screen (before the search results in a narrow window). */
  showPanel(): void;
  onDocumentError(message: string): void;
  onDeleteOrphan(a: Annotation): void;
  onRestored(): void;
  importFiles(): void;
  focusSearch(): void;
  /** While search results are listed on the home page: the active hit, previewed in the main pane. */
  preview: { hit: SearchHit | null; open(hit: SearchHit): void } | null;
}

type RouteOf<N extends Route['name']> = Extract<Route, { name: N }>;

interface View<N extends Route['name']> {
  /** Named in the error shown if the view crashes; absent for views that frame themselves. */
  area?: string;
  /** Rendered inside the shared main pane (false: the view lays out its own panes). */
  inPane: boolean;
  render(route: RouteOf<N>, ctx: ViewContext): ReactNode;
}

const NO_TERMS: string[] = [];

function documentView(route: RouteOf<'doc'>, ctx: ViewContext) {
  const hit = ctx.openedHit;
  const hitMatches = hit && hit.docId === route.docId && hit.passageId === route.passageId ? hit : null;
  const target =
    route.passageId || route.annotationId ? { passageId: route.passageId, annotationId: route.annotationId } : null;
  return (
    <DocumentView
      key={route.docId}
      docId={route.docId}
      target={target}
      targetSeq={ctx.seq}
      terms={NO_TERMS}
      search={route.search}
      hitMatches={hitMatches}
      panelOpen={ctx.panelOpen}
      onTogglePanel={ctx.togglePanel}
      onShowPanel={ctx.showPanel}
      onNavigate={ctx.navigate}
      onClose={() => ctx.navigate({ name: 'home' })}
      toast={ctx.toast}
      onError={ctx.onDocumentError}
    />
  );
}

export const VIEWS: { [N in Route['name']]: View<N> } = {
  home: {
    inPane: true,
    render: (_, ctx) =>
      ctx.preview ? (
        <ActiveHitPreview hit={ctx.preview.hit} onOpen={ctx.preview.open} />
      ) : ctx.documents.length > 0 ? (
        <LibraryView
          toast={ctx.toast}
          onOpen={(docId) => ctx.navigate({ name: 'doc', docId })}
          onImport={ctx.importFiles}
        />
      ) : (
        <Welcome
          count={ctx.documents.length}
          loading={ctx.documentsLoading}
          onImport={ctx.importFiles}
          onSearch={ctx.focusSearch}
        />
      ),
  },
  doc: { inPane: false, render: documentView },
  parallel: {
    inPane: false,
    area: 'the parallel reader',
    render: (r, ctx) => (
      <ParallelView
        key={`${r.docId}:${r.otherDocId}`}
        docId={r.docId}
        otherDocId={r.otherDocId}
        onNavigate={ctx.navigate}
        toast={ctx.toast}
      />
    ),
  },
  segments: {
    inPane: false,
    area: 'the segment editor',
    render: (r, ctx) => <SegmentEditor key={r.linkId} linkId={r.linkId} onNavigate={ctx.navigate} toast={ctx.toast} />,
  },
  facts: { inPane: true, render: (_, ctx) => <FactsTable documents={ctx.documents} toast={ctx.toast} /> },
  timeline: { inPane: true, render: () => <TimelinePage /> },
  conflicts: { inPane: true, render: (_, ctx) => <ConflictsPage toast={ctx.toast} /> },
  entity: { inPane: true, render: (r, ctx) => <EntityPage key={r.entityId} entityId={r.entityId} toast={ctx.toast} /> },
  backups: { inPane: true, render: (_, ctx) => <BackupsPage info={ctx.info} onRestored={ctx.onRestored} /> },
  team: { area: 'the team page', inPane: true, render: () => <TeamPage /> },
  settings: { inPane: true, render: (_, ctx) => <SettingsPage info={ctx.info} toast={ctx.toast} /> },
  review: {
    inPane: true,
    render: (_, ctx) => (
      <ReviewPage
        items={ctx.reviewItems}
        documents={ctx.documents}
        onOpen={(a) => ctx.navigate(annotationRoute(a.docId, a.id))}
        onDelete={ctx.onDeleteOrphan}
      />
    ),
  },
};

/** The view of a route, framed as the table says. */
export function RouteView({ route, ctx }: { route: Route; ctx: ViewContext }) {
  const view = VIEWS[route.name] as View<Route['name']>;
  const content = view.render(route, ctx);
  if (view.inPane) {
    return (
      <main className="reader-pane" data-testid="reader-pane">
        <ErrorBoundary area="this page" resetKey={ctx.seq}>
          {content}
        </ErrorBoundary>
      </main>
    );
  }
  if (!view.area) return content;
  return (
    <ErrorBoundary area={view.area} resetKey={formatKey(route)}>
      {content}
    </ErrorBoundary>
  );
}

function formatKey(route: Route): string {
  return Object.values(route).join(':');
}
