// "Side by side" in the reader's toolbar: opens the parallel reader with the document's translation (or the
// original it translates); with several, a short list to choose from. Beside it, "Add translation":
// import a file as a translation of this document, or link a document already in the archive.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentRef, TranslationLink } from '../../../../shared/translations';
import type { DocumentSummary } from '../../../../shared/types';
import { useApi } from '../../api/context';
import type { PushToast } from '../../hooks/useToasts';
import { errorMessage } from '../../lib/errors';
import { languageLabel, languageName } from '../../lib/languages';
import { documentChoiceLabel } from '../../lib/library-table';
import type { Route } from '../../lib/routes';
import { Dialog } from '../Dialog';
import './parallel.css';
import './segments.css';

/** Common target languages offered first when starting a typed translation (any other code can be typed). */
const COMMON_LANGS = ['en', 'fr', 'de', 'es', 'ru', 'uk', 'ar', 'zh', 'ja', 'tl', 'hy', 'tr', 'fa', 'pt', 'it'];

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

/** "+ Translation": import a file as a translation of this document, or link one already in the archive. */
export function AddTranslation({
  docId,
  compact = false,
  onLinked,
  onNavigate,
  toast,
}: {
  docId: string;
  compact?: boolean;
  onLinked(link: TranslationLink): void;
  onNavigate(route: Route): void;
  toast: PushToast;
}) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const [lang, setLang] = useState('en');
  const [unit, setUnit] = useState<'sentence' | 'passage'>('sentence');
  const fileRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!open) return;
    api['documents.list']().then(
      (list) => setDocs(list.filter((d) => d.id !== docId)),
      () => setDocs([]),
    );
  }, [open, api, docId]);

  const done = (link: TranslationLink, what: string) => {
    setOpen(false);
    onLinked(link);
    const other = link.source.id === docId ? link.translation : link.source;
    toast(
      {
        text: `${what}: “${other.title}”`,
        action: { label: 'Side by side', run: () => onNavigate({ name: 'parallel', docId, otherDocId: other.id }) },
      },
      8000,
    );
  };

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const { outcome, link } = await api['translations.importAsTranslation']({
        name: file.name,
        data: new Uint8Array(await file.arrayBuffer()),
        translationOf: docId,
      });
      done(
        link,
        outcome.status === 'imported' ? 'Imported as a translation' : 'Already in the archive, linked as a translation',
      );
    } catch (err) {
      toast({ text: `Could not import ${file.name} as a translation: ${errorMessage(err)}`, tone: 'warn' }, 10_000);
    } finally {
      setBusy(false);
    }
  };

  const link = async () => {
    if (!choice) return;
    setBusy(true);
    try {
      done(await api['translations.link']({ sourceId: docId, translationId: choice }), 'Linked as a translation');
    } catch (err) {
      toast({ text: `Could not link the translation: ${errorMessage(err)}`, tone: 'warn' }, 10_000);
    } finally {
      setBusy(false);
    }
  };

  const code = lang.trim().toLowerCase();
  const codeOk = /^[a-z]{2,3}$/.test(code);
  const start = async () => {
    if (!codeOk) return;
    setBusy(true);
    try {
      const sheet = await api['segments.start']({ docId, lang: code, unit });
      setOpen(false);
      onLinked(sheet.link);
      onNavigate({ name: 'segments', linkId: sheet.link.id });
    } catch (err) {
      toast({ text: `Could not start the translation: ${errorMessage(err)}`, tone: 'warn' }, 10_000);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="translations-menu">
      <button
        type="button"
        className="tool-button"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
        title="Add a translation of this document: import a file, or link a document of the archive"
        aria-label="Add a translation"
        data-testid="translation-add"
      >
        +{!compact && <span className="pv-label"> Translation</span>}
      </button>
      {open && (
        <Dialog
          className="translations-add"
          labelledBy="translation-add-title"
          onClose={() => setOpen(false)}
          testId="translation-add-panel"
        >
          <div className="translations-add__head">
            <h2 id="translation-add-title">Add a translation</h2>
            <button
              type="button"
              className="icon-button icon-button--small"
              aria-label="Close"
              onClick={() => setOpen(false)}
            >
              ×
            </button>
          </div>
          <button
            type="button"
            className="translations-menu__item"
            disabled={busy}
            onClick={() => fileRef.current?.click()}
            data-testid="translation-import"
          >
            Import a file as its translation…
          </button>
          <input
            ref={fileRef}
            type="file"
            hidden
            accept=".txt,.md,.markdown,.html,.htm,.pdf,.docx,.epub"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
            data-testid="translation-file"
          />
          <label className="translations-add__label" htmlFor="translation-link-select">
            Or link a document already in the archive
          </label>
          <div className="translations-add__row">
            <select
              id="translation-link-select"
              className="translations-add__select"
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
              disabled={!docs || busy}
              data-testid="translation-link-select"
            >
              <option value="">{docs ? 'Choose a document…' : 'Loading…'}</option>
              {docs?.map((d) => (
                <option key={d.id} value={d.id}>
                  {documentChoiceLabel(d)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--small button--primary"
              disabled={!choice || busy}
              onClick={() => void link()}
              data-testid="translation-link"
            >
              Link
            </button>
          </div>
          <div className="translations-add__start">
            <span className="translations-add__label">Or start a new translation, typed segment by segment</span>
            <div className="translations-add__row">
              <input
                className="translations-add__select"
                list="translation-start-langs"
                value={lang}
                size={4}
                maxLength={3}
                aria-label="Language of the translation (code)"
                aria-invalid={!codeOk}
                onChange={(e) => setLang(e.target.value)}
                data-testid="translation-start-lang"
              />
              <datalist id="translation-start-langs">
                {COMMON_LANGS.map((c) => (
                  <option key={c} value={c}>
                    {languageLabel(c)}
                  </option>
                ))}
              </datalist>
              <select
                className="translations-add__select"
                value={unit}
                onChange={(e) => setUnit(e.target.value as 'sentence' | 'passage')}
                aria-label="Segments"
                data-testid="translation-start-unit"
              >
                <option value="sentence">by sentence</option>
                <option value="passage">by paragraph</option>
              </select>
              <button
                type="button"
                className="button button--small button--primary"
                disabled={!codeOk || busy}
                onClick={() => void start()}
                data-testid="translation-start"
              >
                Start
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </span>
  );
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
