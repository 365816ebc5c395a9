// The document's details under its title: language, source, author, published date, tags — editable.
import { useState } from 'react';
import type { DocumentDetail, DocumentMetaChanges } from '../../../../shared/types';
import { formatDate, formatDateTime } from '../../lib/format';
import { COMMON_LANGUAGES, languageLabel } from '../../lib/languages';
import { formatTags, parseTags } from '../../lib/tags';
import { OriginalFileLink } from './OriginalFileLink';

interface Props {
  document: DocumentDetail;
  busy: boolean;
  editing: boolean;
  onEdit(editing: boolean): void;
  /** Resolves when saved; rejects with a message to show in the form. */
  onSave(changes: DocumentMetaChanges): Promise<void>;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const LANG = /^[a-z]{2,3}$/;

export function MetaPanel({ document: doc, busy, editing, onEdit, onSave }: Props) {
  if (editing) return <MetaForm document={doc} busy={busy} onCancel={() => onEdit(false)} onSave={onSave} />;

  const meta: Array<[string, string, string?]> = [['Language', languageLabel(doc.lang)]];
  if (doc.source) meta.push(['Source', doc.source, 'meta-source']);
  if (doc.author) meta.push(['Author', doc.author, 'meta-author']);
  if (doc.publishedAt) meta.push(['Published', formatDate(doc.publishedAt), 'meta-published']);
  meta.push(['Imported', formatDateTime(doc.importedAt)]);

  return (
    <div className="meta" lang="en" dir="ltr">
      <dl className="reader__meta" data-testid="reader-meta">
        {meta.map(([label, value, testId]) => (
          <div key={label} className="reader__meta-item">
            <dt>{label}</dt>
            <dd dir="auto" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="meta__row">
        <ul className="tag-list" aria-label="Document tags" data-testid="document-tags">
          {doc.tags.map((t) => (
            <li key={t} className="tag" dir="auto">
              {t}
            </li>
          ))}
        </ul>
        <button type="button" className="link-button meta__edit" onClick={() => onEdit(true)} data-testid="edit-meta">
          {doc.tags.length === 0 && !doc.author && !doc.source ? 'Add details and tags' : 'Edit details'}
        </button>
        <OriginalFileLink document={doc} />
      </div>
    </div>
  );
}

function MetaForm({
  document: doc,
  busy,
  onCancel,
  onSave,
}: {
  document: DocumentDetail;
  busy: boolean;
  onCancel(): void;
  onSave: Props['onSave'];
}) {
  const [title, setTitle] = useState(doc.title);
  const [source, setSource] = useState(doc.source ?? '');
  const [author, setAuthor] = useState(doc.author ?? '');
  const [published, setPublished] = useState(doc.publishedAt ?? '');
  const [lang, setLang] = useState(doc.lang);
  const [tags, setTags] = useState(formatTags(doc.tags));
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const t = title.trim();
    if (!t) return setError('A document needs a title.');
    if (published.trim() && !DATE.test(published.trim()))
      return setError('Published: use a date like 2012-07-19, 2012-07 or 2012.');
    if (!LANG.test(lang.trim())) return setError('Language: use a code such as tl, en, ru or hy.');
    setError(null);
    try {
      await onSave({
        title: t,
        source: source.trim() || null,
        author: author.trim() || null,
        publishedAt: published.trim() || null,
        lang: lang.trim(),
        tags: parseTags(tags),
      });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    // Escape anywhere in the form cancels it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      className="meta-form"
      lang="en"
      dir="ltr"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      data-testid="meta-form"
    >
      <label className="field field--wide">
        <span className="field__label">Title</span>
        <input
          className="field__input"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          dir="auto"
          maxLength={1000}
          data-testid="meta-title"
          autoFocus
        />
      </label>
      <label className="field field--wide">
        <span className="field__label">Source</span>
        <input
          className="field__input"
          value={source}
          onChange={(e) => setSource(e.target.value)}
          dir="auto"
          placeholder="URL, publication or archive reference"
          maxLength={2000}
          data-testid="meta-source-input"
        />
      </label>
      <label className="field">
        <span className="field__label">Author</span>
        <input
          className="field__input"
          value={author}
          onChange={(e) => setAuthor(e.target.value)}
          dir="auto"
          maxLength={1000}
          data-testid="meta-author-input"
        />
      </label>
      <label className="field">
        <span className="field__label">Published</span>
        <input
          className="field__input"
          value={published}
          onChange={(e) => setPublished(e.target.value)}
          placeholder="YYYY-MM-DD"
          data-testid="meta-published-input"
        />
      </label>
      <label className="field">
        <span className="field__label">Language</span>
        <input
          className="field__input"
          value={lang}
          onChange={(e) => setLang(e.target.value.toLowerCase())}
          list="tala-languages"
          maxLength={3}
          data-testid="meta-lang-input"
        />
        <datalist id="tala-languages">
          {COMMON_LANGUAGES.map((c) => (
            <option key={c} value={c}>
              {languageLabel(c)}
            </option>
          ))}
        </datalist>
      </label>
      <label className="field field--wide">
        <span className="field__label">Tags</span>
        <input
          className="field__input"
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          dir="auto"
          placeholder="comma, separated"
          data-testid="meta-tags-input"
        />
      </label>
      {error && (
        <p className="form-error field--wide" role="alert">
          {error}
        </p>
      )}
      <div className="meta-form__actions field--wide">
        <button type="submit" className="button button--primary button--small" disabled={busy} data-testid="meta-save">
          {busy ? 'Saving…' : 'Save details'}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
