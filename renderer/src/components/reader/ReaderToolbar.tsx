// The reader's toolbar: the search this document was opened from (or the file and its size), extra tools from
// the caller (translations), Find, version history, keyboard shortcuts, the annotations panel toggle and close;
// the history and shortcut popovers open under it.
import type { Dispatch, ReactNode, SetStateAction } from 'react';
import type { DocumentDetail } from '../../../../shared/types';
import { plural } from '../../lib/format';
import type { MatchRange } from '../../lib/highlight';
import { HistoryIcon, PanelIcon, SearchIcon } from '../icons';
import { SearchMatchBar } from './SearchMatchBar';
import { ShortcutHelp } from './ShortcutHelp';
import type { ReaderSearch } from './types';
import { VersionHistory } from './VersionHistory';

export type ReaderPopover = 'history' | 'help' | null;

interface Props {
  doc: DocumentDetail;
  search?: ReaderSearch | null;
  searchMatches?: ReadonlyMap<string, readonly MatchRange[]> | null;
  targetPassageId: string | null;
  tools?: ReactNode;
  findOpen: boolean;
  onToggleFind(): void;
  popover: ReaderPopover;
  setPopover: Dispatch<SetStateAction<ReaderPopover>>;
  panelOpen: boolean;
  annotationCount?: number;
  onTogglePanel?(): void;
  onClose(): void;
}

export function ReaderToolbar({ doc, popover, setPopover, ...props }: Props) {
  return (
    <div className="reader__toolbar" lang="en" dir="ltr">
      {props.search ? (
        <SearchMatchBar
          doc={doc}
          search={props.search}
          matches={props.searchMatches ?? null}
          targetPassageId={props.targetPassageId}
        />
      ) : (
        <span className="muted reader__file" title={doc.originalName ?? undefined}>
          {doc.originalName ?? doc.mediaType} · {plural(doc.passages.length, 'passage')}
        </span>
      )}
      <div className="reader__tools">
        {props.tools}
        <button
          type="button"
          className="tool-button"
          onClick={props.onToggleFind}
          aria-pressed={props.findOpen}
          title="Find in document (Ctrl+F)"
          data-testid="find-toggle"
        >
          <SearchIcon /> Find
        </button>
        <button
          type="button"
          className="tool-button"
          onClick={() => setPopover((p) => (p === 'history' ? null : 'history'))}
          aria-expanded={popover === 'history'}
          aria-haspopup="dialog"
          aria-label={`Version history: v${doc.version}`}
          title={`Version history (this text is version ${doc.version})`}
          data-testid="history-toggle"
        >
          <HistoryIcon /> v{doc.version}
        </button>
        <button
          type="button"
          className="tool-button"
          onClick={() => setPopover((p) => (p === 'help' ? null : 'help'))}
          aria-expanded={popover === 'help'}
          aria-haspopup="dialog"
          aria-label="Keyboard shortcuts (?)"
          title="Keyboard shortcuts (?)"
          data-testid="help-toggle"
        >
          ?
        </button>
        {props.onTogglePanel && (
          <button
            type="button"
            className="tool-button"
            onClick={props.onTogglePanel}
            aria-pressed={props.panelOpen}
            aria-label={`Annotations: ${props.annotationCount ?? 0}`}
            title={`Annotations panel (${props.annotationCount ?? 0} in this document)`}
            data-testid="panel-toggle"
          >
            <PanelIcon /> {props.annotationCount ?? 0}
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label="Close document"
          title="Close"
          onClick={props.onClose}
          data-testid="reader-close"
        >
          ×
        </button>
      </div>
      {popover === 'history' && (
        <VersionHistory
          docId={doc.id}
          current={doc.version}
          textLength={doc.text.length}
          onClose={() => setPopover(null)}
        />
      )}
      {popover === 'help' && <ShortcutHelp onClose={() => setPopover(null)} />}
    </div>
  );
}
