// Beside a passage opened from a search hit (or a passage link) in a document that has translations: the
// aligned passage of the original ("Source") or of each translation (align.counterpart), with a way into
// the parallel reader. Kept at the bottom of the reader pane while reading the hit.
import { useEffect, useState } from 'react';
import type { Counterpart, TranslationLink } from '../../../../shared/translations';
import { useApi } from '../../api/context';
import { isRtlLanguage, languageName } from '../../lib/languages';
import type { Route } from '../../lib/routes';
import { counterpartDocs } from './TranslationsMenu';
import './parallel.css';

interface Found {
  docId: string;
  lang: string;
  title: string;
  relation: 'translation' | 'original';
  counterpart: Counterpart;
}

export function CounterpartCard({
  docId,
  passageId,
  links,
  lowConfidence = 0.75,
  onNavigate,
}: {
  docId: string;
  passageId: string;
  links: readonly TranslationLink[];
  lowConfidence?: number;
  onNavigate(route: Route): void;
}) {
  const api = useApi();
  const [found, setFound] = useState<Found[]>([]);
  const [closed, setClosed] = useState(false);
  useEffect(() => setClosed(false), [passageId]);
  useEffect(() => {
    let live = true;
    // The original first: a hit in a translation is read against its source.
    const others = counterpartDocs(docId, links).sort((a, b) =>
      a.relation === b.relation ? 0 : a.relation === 'original' ? -1 : 1,
    );
    if (others.length === 0) {
      setFound([]);
      return;
    }
    void Promise.all(
      others.map((o) =>
        Promise.resolve()
          .then(() => api['align.counterpart']({ docId, passageId, otherDocId: o.id }))
          .then(
            (counterpart): Found => ({ docId: o.id, lang: o.lang, title: o.title, relation: o.relation, counterpart }),
            () => null,
          ),
      ),
    ).then((list) => live && setFound(list.filter((f): f is Found => !!f && f.counterpart.passages.length > 0)));
    return () => {
      live = false;
    };
  }, [api, docId, passageId, links]);

  if (closed || found.length === 0) return null;
  return (
    <aside
      className="counterpart-card"
      aria-label="The aligned passage in the other language"
      lang="en"
      dir="ltr"
      data-testid="counterpart-card"
    >
      {found.slice(0, 2).map((f) => (
        <section key={f.docId} className="counterpart-card__item" data-testid="counterpart" data-doc-id={f.docId}>
          <header className="counterpart-card__head">
            <span className="counterpart-card__label">
              {f.relation === 'original' ? 'Source' : 'Translation'} · {languageName(f.lang)} ¶
              {f.counterpart.passages.map((p) => p.ordinal + 1).join('–')}
            </span>
            {f.counterpart.confidence < lowConfidence && (
              <span className="prow__flag" title="The alignment is unsure of this pair">
                {Math.round(f.counterpart.confidence * 100)}%
              </span>
            )}
            <button
              type="button"
              className="link-button counterpart-card__open"
              onClick={() => onNavigate({ name: 'parallel', docId, otherDocId: f.docId })}
              data-testid="counterpart-open"
            >
              Side by side
            </button>
          </header>
          <div
            className="counterpart-card__text"
            lang={f.lang}
            dir={isRtlLanguage(f.lang) ? 'rtl' : 'ltr'}
            data-testid="counterpart-text"
          >
            {f.counterpart.passages.map((p) => (
              <p key={p.id}>{p.text}</p>
            ))}
          </div>
        </section>
      ))}
      <button
        type="button"
        className="icon-button icon-button--small counterpart-card__close"
        aria-label="Hide the aligned passage"
        title="Hide"
        onClick={() => setClosed(true)}
      >
        ×
      </button>
    </aside>
  );
}
