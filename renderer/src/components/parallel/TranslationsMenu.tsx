// "Side by side" in the reader's toolbar: opens the parallel reader with the document's translation (or the
// original it translates); with several, a short list to choose from. "+ Translation" is AddTranslation.tsx.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentRef, TranslationLink } from '../../../../shared/translations';
import { useApi } from '../../api/context';
import { languageLabel, languageName } from '../../lib/languages';
import type { Route } from '../../lib/routes';
import './parallel.css';
import './segments.css';

/** The other document of each link (a translation of docId, or the original docId translates). */
export function counterpartDocs(
  docId: string,
  links: readonly TranslationLink[],
): Array<DocumentRef & { relation: 'translation' | 'original' }> {
  return links.map((l) =>
    l.source.id === docId
      ? { ...l.translation, relation: 'translation' as const }
      : { ...l.source, relation: 'original' as const },
  );
}

export function useTranslationLinks(docId: string): { links: TranslationLink[]; refresh(): void } {
  const api = useApi();
  const [links, setLinks] = useState<TranslationLink[]>([]);
  const [seq, setSeq] = useState(0);
  useEffect(() => {
    let live = true;
    // An API without the channel (an older preload, a test double) simply has no translations.
    Promise.resolve()
      .then(() => api['translations.list']({ docId }))
      .then(
        (list) => live && setLinks(list),
        () => live && setLinks([]),
      );
    return () => {
      live = false;
    };
  }, [api, docId, seq]);
  const refresh = useCallback(() => setSeq((n) => n + 1), []);
  return { links, refresh };
}

export function TranslationsMenu({
  docId,
  links,
  onNavigate,
}: {
  docId: string;
  links: readonly TranslationLink[];
  onNavigate(route: Route): void;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    // A menu opens with its first item focused; arrows move between items (menuKeys).
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);
  const menuKeys = (e: React.KeyboardEvent<HTMLUListElement>) => {
    const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]'));
    const at = items.indexOf(document.activeElement as HTMLElement);
    const to: Record<string, number> = {
      ArrowDown: (at + 1) % items.length,
      ArrowUp: (at - 1 + items.length) % items.length,
      Home: 0,
      End: items.length - 1,
    };
    if (e.key in to) {
      e.preventDefault();
      items[to[e.key]]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      toggleRef.current?.focus();
    } else if (e.key === 'Tab') setOpen(false);
  };
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
        title={
          `Read beside the ${languageName(o.lang)} ${o.relation === 'translation' ? 'translation' : 'original'}` +
          `: “${o.title}”`
        }
        data-testid="side-by-side"
      >
        <SideBySideIcon /> <span className="pv-label">Side by side</span>
      </button>
    );
  }
  return (
    <span className="translations-menu" ref={ref}>
      <button
        type="button"
        className="tool-button"
        aria-expanded={open}
        aria-haspopup="menu"
        ref={toggleRef}
        onClick={() => setOpen((o) => !o)}
        title="Read beside a translation"
        data-testid="side-by-side"
      >
        <SideBySideIcon /> <span className="pv-label">Side by side</span>
      </button>
      {open && (
        <ul
          className="translations-menu__list"
          role="menu"
          aria-label="Read beside"
          onKeyDown={menuKeys}
          data-testid="side-by-side-menu"
        >
          {others.map((o) => (
            <li key={o.id} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="translations-menu__item"
                onClick={() => go(o.id)}
                title={languageLabel(o.lang)}
                data-testid="side-by-side-item"
                data-doc-id={o.id}
              >
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
  <svg
    width="14"
    height="14"
    viewBox="0 0 16 16"
    aria-hidden="true"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.4"
  >
    <rect x="1.5" y="2.5" width="5.5" height="11" rx="1" />
    <rect x="9" y="2.5" width="5.5" height="11" rx="1" />
  </svg>
);
