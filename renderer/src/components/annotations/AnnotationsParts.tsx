// Parts of the annotations panel: the filter (text, and which kind: all, the user's notes, facts' evidence) and
// the footer that exports the document's annotations or imports a W3C Web Annotation file.
import { useRef } from 'react';
import type { ExportFormat } from '../../../../shared/contract';

export const EXPORT_LABELS: Record<ExportFormat, string> = { md: 'Markdown', csv: 'CSV', w3c: 'JSON-LD' };

export type AnnotationKind = 'all' | 'notes' | 'facts';

interface FilterProps {
  filter: string;
  onFilter(text: string): void;
  kind: AnnotationKind;
  onKind(kind: AnnotationKind): void;
}

export function AnnotationsFilter({ filter, onFilter, kind, onKind }: FilterProps) {
  return (
    <div className="notes__filter">
      <input
        type="search"
        className="field__input"
        placeholder="Filter notes, tags, quotes"
        aria-label="Filter annotations"
        value={filter}
        onChange={(e) => onFilter(e.target.value)}
        data-testid="annotation-filter"
      />
      <div className="notes__kinds" role="group" aria-label="Show">
        {(['all', 'notes', 'facts'] as const).map((k) => (
          <button
            key={k}
            type="button"
            className={`button button--small${kind === k ? ' button--primary' : ' button--quiet'}`}
            aria-pressed={kind === k}
            onClick={() => onKind(k)}
            data-testid={`annotation-kind-${k}`}
          >
            {k === 'all' ? 'All' : k === 'notes' ? 'Notes' : 'Facts’ evidence'}
          </button>
        ))}
      </div>
    </div>
  );
}

interface ExchangeProps {
  /** No annotation to export. */
  empty: boolean;
  onExport(format: ExportFormat): void;
  onImport(file: File): void;
}

export function AnnotationsExchange({ empty, onExport, onImport }: ExchangeProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <footer className="notes__footer">
      <div className="notes__footer-row">
        <span className="notes__footer-label">Export</span>
        {(Object.keys(EXPORT_LABELS) as ExportFormat[]).map((f) => (
          <button
            key={f}
            type="button"
            className="button button--small button--quiet"
            disabled={empty}
            onClick={() => onExport(f)}
            data-testid={`export-${f}`}
          >
            {EXPORT_LABELS[f]}
          </button>
        ))}
      </div>
      <div className="notes__footer-row">
        <span className="notes__footer-label">Import</span>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => fileRef.current?.click()}
          title="Import annotations from a W3C Web Annotation JSON-LD file"
          data-testid="import-annotations"
        >
          W3C JSON-LD file…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,.jsonld,application/ld+json,application/json"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) onImport(file);
          }}
          data-testid="annotation-file-input"
        />
      </div>
    </footer>
  );
}
