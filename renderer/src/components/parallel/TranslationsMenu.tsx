// "Side by side" in the reader's toolbar: opens the parallel reader with the document's translation (or the
// original it translates); with several, a short list to choose from. Nothing shows for a document
// without translations.
import { useEffect, useRef, useState } from 'react';
import type { DocumentRef, TranslationLink } from '../../../../shared/translations';
import { useApi } from '../../api/context';
import { languageLabel, languageName } from '../../lib/languages';
import type { Route } from '../../lib/routes';
import './parallel.css';

/** The other document of each link (a translation of docId, or the original docId translates). */
export function counterpartDocs(docId: string, links: readonly TranslationLink[]): Array<DocumentRef & { relation: 'translation' | 'original' }> {
  return links.map((l) => (l.source.id === docId ? { ...l.translation, relation: 'translation' as const } : { ...l.source, relation: 'original' as const }));
}

export function useTranslationLinks(docId: string, version?: number): TranslationLink[] {
  const api = useApi();
  const [links, setLinks] = useState<TranslationLink[]>([]);
  useEffect(() => {
    let live = true;
    api['translations.list']({ docId }).then(
      (list) => live && setLinks(list),
      () => live && setLinks([]),
    );
    return () => {
      live = false;
    };
  }, [api, docId, version]);
  return links;
}

export function TranslationsMenu({ docId, links, onNavigate }: { docId: string; links: readonly TranslationLink[]; onNavigate(route: Route): void }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);
  const others = counterpartDocs(docId, links);
  if (others.length === 0) return null;
  const go = (otherDocId: string) => onNavigate({ name: 'parallel', docId, otherDocId });
  if (others.length === 1) {
    const o = others[0];
    return (
      <button
        type="button"
        className="tool-button"
        onClick={() => go(o.id)}
        title={`Read beside the ${o.relation === 'translation' ? `${languageName(o.lang)} translation` : `${languageName(o.lang)} original`}: “${o.title}”`}
        data-testid="side-by-side"
      >
        <SideBySideIcon /> Side by side
      </button>
    );
  }
  return (
    <span className="translations-menu" ref={ref}>
      <button type="button" className="tool-button" aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen((o) => !o)} title="Read beside a translation" data-testid="side-by-side">
        <SideBySideIcon /> Side by side
      </button>
      {open && (
        <ul className="translations-menu__list" role="menu" data-testid="side-by-side-menu">
          {others.map((o) => (
            <li key={o.id} role="none">
              <button type="button" role="menuitem" className="translations-menu__item" onClick={() => go(o.id)} title={languageLabel(o.lang)} data-testid="side-by-side-item" data-doc-id={o.id}>
                <span className="translations-menu__lang">{o.lang}</span>
                <span dir="auto">{o.title}</span>
                {o.relation === 'original' && <span className="muted">original</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}

const SideBySideIcon = () => (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.4">
    <rect x="1.5" y="2.5" width="5.5" height="11" rx="1" />
    <rect x="9" y="2.5" width="5.5" height="11" rx="1" />
  </svg>
);
