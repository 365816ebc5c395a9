// "+ Translation" in the reader's toolbar: import a file as a translation of this document, link a document
// already in the archive, or start a new translation typed segment by segment.
import { useEffect, useRef, useState } from 'react';
import type { TranslationLink } from '../../../../shared/translations';
import type { DocumentSummary } from '../../../../shared/types';
import { useApi } from '../../api/context';
import type { PushToast } from '../../hooks/useToasts';
import { errorMessage } from '../../lib/errors';
import { languageLabel } from '../../lib/languages';
import { documentChoiceLabel } from '../../lib/library-table';
import type { Route } from '../../lib/routes';
import { Dialog } from '../Dialog';
import './parallel.css';
import './segments.css';

/** Common target languages offered first when starting a typed translation (any other code can be typed). */
const COMMON_LANGS = ['en', 'fr', 'de', 'es', 'ru', 'uk', 'ar', 'zh', 'ja', 'tl', 'hy', 'tr', 'fa', 'pt', 'it'];

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
