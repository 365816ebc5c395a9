import { useState } from 'react';
import type { DocumentSummary } from '../../../shared/types';
import { formatDate, formatNumber, plural } from '../lib/format';
import { languageLabel } from '../lib/languages';
import { useRovingFocus } from '../lib/roving';
import './library.css';

interface Props {
  documents: DocumentSummary[];
  loading: boolean;
  selectedId: string | null;
  onOpen(id: string): void;
  /** Rejects with an error the caller reports. */
  onDelete(doc: DocumentSummary): Promise<void>;
  onImport(): void;
  /** "Import folder…" (a whole folder, read recursively). */
  onImportFolder?(): void;
}

export function Library({ documents, loading, selectedId, onOpen, onDelete, onImport, onImportFolder }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  // One Tab stop for the list: Up/Down between documents, Right/Left between open and delete.
  const listRef = useRovingFocus({ items: 'li.doc-item' });

  const remove = async (doc: DocumentSummary) => {
    setDeleting(doc.id);
    try {
      await onDelete(doc);
    } finally {
      setDeleting(null);
      setConfirming(null);
    }
  };

  return (
    <section className="library" aria-labelledby="library-heading" data-testid="library">
      <header className="library__header">
        <h2 id="library-heading" className="library__title">
          Library
          {documents.length > 0 && (
            <span className="count" data-testid="library-count">
              {documents.length}
            </span>
          )}
        </h2>
        <div className="library__actions">
          {onImportFolder && (
            <button
              type="button"
              className="icon-button library__folder"
              onClick={onImportFolder}
              aria-label="Import folder…"
              title="Import folder…"
              data-testid="import-folder-button"
            >
              <FolderIcon />
            </button>
          )}
          <button
            type="button"
            className="button button--primary"
            onClick={onImport}
            title="Import files…"
            data-testid="import-button"
          >
            Import…
          </button>
        </div>
      </header>

      {documents.length === 0 ? (
        loading ? (
          <p className="library__empty muted">Loading…</p>
        ) : (
          <div className="library__empty" data-testid="library-empty">
            <p>No documents yet — import .txt, .md, .html, .pdf, .docx or .epub files.</p>
            <p className="muted">Use the Import button or drop files and folders anywhere on this window.</p>
          </div>
        )
      ) : (
        <ul className="doc-list" ref={listRef} data-testid="document-list">
          {recent(documents).map((doc) => {
            const selected = doc.id === selectedId;
            const isConfirming = confirming === doc.id;
            return (
              <li
                key={doc.id}
                className={`doc-item${selected ? ' doc-item--selected' : ''}`}
                data-testid="document-item"
                data-doc-id={doc.id}
              >
                {isConfirming ? (
                  <div className="doc-item__confirm" role="group" aria-label={`Delete ${doc.title}?`}>
                    <p>
                      Delete <strong>{doc.title}</strong> and its passages? This cannot be undone.
                    </p>
                    <div className="doc-item__confirm-actions">
                      <button
                        type="button"
                        className="button button--danger button--small"
                        disabled={deleting === doc.id}
                        onClick={() => void remove(doc)}
                        data-testid="confirm-delete"
                      >
                        {deleting === doc.id ? 'Deleting…' : 'Delete'}
                      </button>
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        onClick={() => setConfirming(null)}
                        autoFocus
                      >
                        Cancel
                      </button>
                    </div>
                  </div>
                ) : (
                  <>
                    <button
                      type="button"
                      className="doc-item__open"
                      aria-current={selected ? 'true' : undefined}
                      onClick={() => onOpen(doc.id)}
                      data-testid="document-open"
                    >
                      <span className="doc-item__title" dir="auto" lang={doc.lang === 'und' ? undefined : doc.lang}>
                        {doc.title}
                      </span>
                      <span className="doc-item__meta">
                        <span className="lang-tag" data-testid="document-lang">
                          {languageLabel(doc.lang)}
                        </span>
                        {doc.publishedAt && <span>{formatDate(doc.publishedAt)}</span>}
                        <span>{plural(doc.passages, 'passage')}</span>
                      </span>
                    </button>
                    <button
                      type="button"
                      className="icon-button doc-item__delete"
                      aria-label={`Delete ${doc.title}`}
                      title="Delete"
                      onClick={() => setConfirming(doc.id)}
                      data-testid="delete-button"
                    >
                      <TrashIcon />
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {documents.length > SIDEBAR_MAX && (
        <a href="#/" className="library__all link-button" data-testid="library-all">
          All {formatNumber(documents.length)} documents in the library table
        </a>
      )}
    </section>
  );
}

/** The sidebar lists the most recent imports only; the library table (home page) holds all of them. */
const SIDEBAR_MAX = 50;

function recent(documents: DocumentSummary[]): DocumentSummary[] {
  return documents.length > SIDEBAR_MAX ? documents.slice(-SIDEBAR_MAX) : documents;
}

function TrashIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M6 2h4m-7 2h10m-8.5 0 .6 9a1 1 0 0 0 1 .9h3.8a1 1 0 0 0 1-.9l.6-9M6.8 6.5v5M9.2 6.5v5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function FolderIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M2 4.2a.9.9 0 0 1 .9-.9h3.2l1.4 1.5h5.6a.9.9 0 0 1 .9.9v6.4a.9.9 0 0 1-.9.9H2.9a.9.9 0 0 1-.9-.9z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinejoin="round"
      />
    </svg>
  );
}
