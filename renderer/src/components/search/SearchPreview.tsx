// The active search hit, previewed in the main pane while results are listed (as Datashare does): the passage
// with its matches marked, a little context before and after, and a way into the reader at that passage.
import type { DocumentDetail, SearchHit } from '../../../../shared/types';
import { formatDate } from '../../lib/format';
import { languageName } from '../../lib/languages';
import { mediaTypeLabel } from '../../lib/search-query';
import { Highlighted } from '../Highlighted';
import './search-preview.css';

/** Passages shown before and after the hit's own. */
const CONTEXT = 2;

interface Props {
  hit: SearchHit | null;
  /** The hit's document once loaded (null while loading or on error). */
  document: DocumentDetail | null;
  error: string | null;
  onOpen(hit: SearchHit): void;
}

export function SearchPreview({ hit, document: doc, error, onOpen }: Props) {
  if (!hit) {
    return (
      <section className="search-preview search-preview--empty" aria-label="Preview" data-testid="search-preview">
        <p className="muted">
          Move through the results with ↑ and ↓: the passage shows here. Enter opens it in the reader.
        </p>
      </section>
    );
  }
  const lang = hit.lang === 'und' ? undefined : hit.lang;
  const at = doc ? doc.passages.findIndex((p) => p.id === hit.passageId) : -1;
  const around = doc && at >= 0 ? doc.passages.slice(Math.max(0, at - CONTEXT), at + CONTEXT + 1) : [];
  return (
    <section
      className="search-preview"
      aria-labelledby="search-preview-title"
      data-testid="search-preview"
      data-passage-id={hit.passageId}
    >
      <header className="search-preview__head">
        <h1 id="search-preview-title" className="search-preview__title" dir="auto" lang={lang}>
          <Highlighted text={hit.title} ranges={hit.titleMatches} />
        </h1>
        <p className="search-preview__meta">
          {languageName(hit.lang)} · {mediaTypeLabel(hit.mediaType)}
          {hit.publishedAt && <> · {formatDate(hit.publishedAt)}</>} · ¶ {hit.ordinal + 1}
          {doc?.passages[at]?.page ? <> · page {doc.passages[at].page}</> : null}
        </p>
        <button
          type="button"
          className="button button--primary button--small"
          onClick={() => onOpen(hit)}
          data-testid="search-preview-open"
        >
          Open in the reader <kbd>Enter</kbd>
        </button>
      </header>
      {error ? (
        <p className="search-preview__error" role="alert">
          Could not show this passage: {error}
        </p>
      ) : around.length === 0 ? (
        <p className="search-preview__passage search-preview__passage--hit" dir="auto" lang={lang}>
          <Highlighted text={hit.snippet} ranges={hit.snippetMatches} />
        </p>
      ) : (
        <div className="search-preview__text" data-testid="search-preview-text">
          {around.map((p) =>
            p.id === hit.passageId ? (
              <p
                key={p.id}
                className="search-preview__passage search-preview__passage--hit"
                dir="auto"
                lang={lang}
                data-testid="search-preview-hit"
              >
                <Highlighted text={p.text} ranges={hit.matches} />
              </p>
            ) : (
              <p
                key={p.id}
                className={`search-preview__passage${p.kind === 'heading' ? ' search-preview__passage--heading' : ''}`}
                dir="auto"
                lang={lang}
              >
                {p.text}
              </p>
            ),
          )}
        </div>
      )}
    </section>
  );
}
