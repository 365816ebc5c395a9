// The sidebar: the library, the archive-wide pages (facts, backups, needs review) and the index status line.
import type { ReactNode } from 'react';
import type { AppInfo, DocumentSummary } from '../../../shared/types';
import type { IndexStatusState } from '../hooks/useIndexStatus';
import type { Route } from '../lib/routes';
import { ErrorBoundary } from './ErrorBoundary';
import { FactsNav } from './facts/FactsNav';
import { IndexStatus } from './IndexStatus';
import { Library } from './Library';
import { TeamStatusLine } from './team/TeamStatusLine';

interface Props {
  route: Route;
  documents: DocumentSummary[];
  loading: boolean;
  selectedId: string | null;
  conflicts: number;
  reviewCount: number;
  index: IndexStatusState;
  info: AppInfo | null;
  onOpen(docId: string): void;
  onDelete(doc: DocumentSummary): Promise<void>;
  onImport(): void;
  onImportFolder(): void;
  onReindex(): void;
}

function NavLink({
  route,
  name,
  href,
  testId,
  className = 'facts-nav__link',
  children,
}: {
  route: Route;
  name: Route['name'];
  href: string;
  testId: string;
  className?: string;
  children: ReactNode;
}) {
  const current = route.name === name;
  return (
    <a
      href={href}
      className={`${className}${current ? ` ${className}--current` : ''}`}
      aria-current={current ? 'page' : undefined}
      data-testid={testId}
    >
      {children}
    </a>
  );
}

export function Sidebar(props: Props) {
  const { route, info } = props;
  return (
    <aside className="sidebar" id="sidebar" aria-label="Sidebar">
      <ErrorBoundary area="the library">
        <Library
          documents={props.documents}
          loading={props.loading}
          selectedId={props.selectedId}
          onOpen={props.onOpen}
          onDelete={props.onDelete}
          onImport={props.onImport}
          onImportFolder={props.onImportFolder}
        />
      </ErrorBoundary>
      <FactsNav route={route} conflicts={props.conflicts} />
      <nav className="facts-nav" aria-label="Archive">
        <NavLink route={route} name="backups" href="#/backups" testId="nav-backups">
          Backups
        </NavLink>
        <NavLink route={route} name="team" href="#/team" testId="nav-team">
          Team
        </NavLink>
        <NavLink route={route} name="settings" href="#/settings" testId="nav-settings">
          Settings
        </NavLink>
      </nav>
      {props.reviewCount > 0 && (
        <NavLink route={route} name="review" href="#/review" testId="review-link" className="review-link">
          <span className="review-link__dot" aria-hidden="true" />
          Needs review
          <span className="count" data-testid="review-count">
            {props.reviewCount}
          </span>
        </NavLink>
      )}
      <ErrorBoundary area="the index status">
        <IndexStatus status={props.index.status} reindexing={props.index.reindexing} onReindex={props.onReindex} />
      </ErrorBoundary>
      <ErrorBoundary area="the team status">
        <TeamStatusLine />
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
  );
}
