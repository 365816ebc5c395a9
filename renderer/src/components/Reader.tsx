import { useEffect, useRef } from 'react';
import type { DocumentDetail, Passage } from '../../../shared/types';
import { formatDate, formatDateTime, plural } from '../lib/format';
import { languageLabel } from '../lib/languages';
import { Highlighted } from './Highlighted';

interface Props {
  document: DocumentDetail;
  /** Passage to scroll to and mark (from a search hit). */
  targetPassageId: string | null;
  /** Search terms to highlight in the text. */
  terms: string[];
  /** Changes whenever the user opens (again) a document or hit: scroll to the target anew. */
  scrollKey?: number;
  onClose(): void;
}

export const passageElementId = (passageId: string) => `p-${passageId}`;

export function Reader({ document: doc, targetPassageId, terms, scrollKey = 0, onClose }: Props) {
  const articleRef = useRef<HTMLElement>(null);
  const lang = doc.lang && doc.lang !== 'und' ? doc.lang : undefined;

  useEffect(() => {
    const article = articleRef.current;
    if (!article) return;
    const target = targetPassageId ? article.ownerDocument.getElementById(passageElementId(targetPassageId)) : null;
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    } else {
      article.closest('.reader-pane')?.scrollTo({ top: 0 });
    }
  }, [doc.id, targetPassageId, scrollKey]);

  // A first heading that repeats the title becomes the title itself (it keeps its passage id).
  const first = doc.passages[0];
  const titlePassage = first && first.kind === 'heading' && first.text.trim() === doc.title.trim() ? first : null;
  const body = titlePassage ? doc.passages.slice(1) : doc.passages;

  const meta: Array<[string, string]> = [['Language', languageLabel(doc.lang)]];
  if (doc.source) meta.push(['Source', doc.source]);
  if (doc.author) meta.push(['Author', doc.author]);
  if (doc.publishedAt) meta.push(['Published', formatDate(doc.publishedAt)]);
  meta.push(['Imported', formatDateTime(doc.importedAt)]);

  return (
    <article className="reader" lang={lang} dir="auto" ref={articleRef} data-testid="reader" data-doc-id={doc.id}>
      <div className="reader__toolbar">
        <span className="muted reader__file" title={doc.originalName ?? undefined}>
          {doc.originalName ?? doc.mediaType} · {plural(doc.passages.length, 'passage')}
        </span>
        <button type="button" className="icon-button" aria-label="Close document" title="Close" onClick={onClose} data-testid="reader-close">
          ×
        </button>
      </div>
      <header className="reader__header">
        <h1
          className={`reader__title${titlePassage && titlePassage.id === targetPassageId ? ' passage--target' : ''}`}
          id={titlePassage ? passageElementId(titlePassage.id) : undefined}
          data-passage-id={titlePassage?.id}
          data-target={titlePassage && titlePassage.id === targetPassageId ? 'true' : undefined}
          tabIndex={titlePassage ? -1 : undefined}
          data-testid="reader-title"
        >
          {doc.title}
        </h1>
        <dl className="reader__meta" data-testid="reader-meta" lang="en" dir="ltr">
          {meta.map(([label, value]) => (
            <div key={label} className="reader__meta-item">
              <dt>{label}</dt>
              <dd dir="auto">{value}</dd>
            </div>
          ))}
        </dl>
      </header>
      <div className="reader__body">
        {body.length === 0 && !titlePassage && <p className="muted">This document has no text.</p>}
        {body.map((p) => (
          <PassageView key={p.id} passage={p} target={p.id === targetPassageId} terms={terms} />
        ))}
      </div>
    </article>
  );
}

function PassageView({ passage, target, terms }: { passage: Passage; target: boolean; terms: string[] }) {
  const props = {
    id: passageElementId(passage.id),
    className: `passage passage--${passage.kind}${target ? ' passage--target' : ''}`,
    dir: 'auto' as const,
    tabIndex: target ? -1 : undefined,
    'data-passage-id': passage.id,
    'data-ordinal': passage.ordinal,
    'data-target': target ? 'true' : undefined,
    'data-testid': target ? 'target-passage' : 'passage',
    'aria-current': target ? ('location' as const) : undefined,
  };
  const content = <Highlighted text={passage.text} terms={terms} />;
  if (passage.kind === 'heading') {
    // Passages carry no heading level: every heading is a section heading under the <h1> title.
    return <h2 {...props}>{content}</h2>;
  }
  return <p {...props}>{content}</p>;
}
