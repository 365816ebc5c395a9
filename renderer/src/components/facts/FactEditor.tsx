// Editing a fact before accepting it (or recording a new one from a selection): subject with the archive's
// entities as suggestions, predicate with earlier predicates, a typed value (number with unit and qualifier,
// date, text or another entity), a date and a place qualifier, a note.
import { useId, useState, type FormEvent } from 'react';
import type { EntitySummary, EntityType, PredicateSuggestion } from '../../../../shared/facts';
import { ENTITY_TYPES } from '../../../../shared/facts';
import type { FactDraft } from '../../lib/facts';
import { changesFromDraft, draftProblem, newFactFromDraft } from '../../lib/fact-drafts';
import { FactValueField } from './FactValueField';

export { changesFromDraft, draftProblem, newFactFromDraft };

interface Props {
  initial: FactDraft;
  /** The quote this fact rests on (shown above the form). */
  quote?: string;
  quoteLang?: string;
  entities: readonly EntitySummary[];
  predicates: readonly PredicateSuggestion[];
  submitLabel: string;
  busy?: boolean;
  onSubmit(draft: FactDraft): void;
  onCancel(): void;
}

export function FactEditor({
  initial,
  quote,
  quoteLang,
  entities,
  predicates,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: Props) {
  const [d, setD] = useState<FactDraft>(initial);
  const [tried, setTried] = useState(false);
  const ids = useId();
  const set = <K extends keyof FactDraft>(key: K, value: FactDraft[K]) => setD((x) => ({ ...x, [key]: value }));
  const problem = draftProblem(d);
  const known = entities.find((e) => e.name === d.subject.trim());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!problem) onSubmit(d);
  };

  return (
    // Escape anywhere in the form cancels it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      className="fact-editor"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}
      data-testid="fact-editor"
    >
      {quote && (
        <q className="fact-editor__quote" lang={quoteLang} dir="auto" data-testid="fact-editor-quote">
          {quote.length > 240 ? `${quote.slice(0, 239)}…` : quote}
        </q>
      )}
      <label className="fact-field">
        <span className="fact-field__label">Subject</span>
        <span className="fact-field__row">
          <input
            className="field__input"
            list={`${ids}-entities`}
            value={d.subject}
            onChange={(e) => set('subject', e.target.value)}
            placeholder="Bako Sahakyan"
            dir="auto"
            autoFocus
            data-testid="fact-subject-input"
          />
          {!known && (
            <select
              className="field__input fact-field__type"
              aria-label="Type of a new entity"
              value={d.subjectType}
              onChange={(e) => set('subjectType', e.target.value as EntityType)}
              data-testid="fact-subject-type"
            >
              {ENTITY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          )}
        </span>
        <datalist id={`${ids}-entities`}>
          {entities.map((e) => (
            <option key={e.id} value={e.name}>
              {e.type}
              {e.aliases.length > 1
                ? ` · also ${e.aliases
                    .filter((a) => a.alias !== e.name)
                    .slice(0, 3)
                    .map((a) => a.alias)
                    .join(', ')}`
                : ''}
            </option>
          ))}
        </datalist>
        {d.subject.trim() && (
          <span className="fact-field__hint muted">
            {known
              ? `Existing ${known.type} · ${known.facts} fact${known.facts === 1 ? '' : 's'}`
              : 'New entity (or matched by alias when saved)'}
          </span>
        )}
      </label>
      <label className="fact-field">
        <span className="fact-field__label">Predicate</span>
        <input
          className="field__input"
          list={`${ids}-predicates`}
          value={d.predicate}
          onChange={(e) => set('predicate', e.target.value)}
          placeholder="votes received"
          data-testid="fact-predicate-input"
        />
        <datalist id={`${ids}-predicates`}>
          {predicates.map((p) => (
            <option key={p.predicate} value={p.predicate}>
              {`${p.facts} fact${p.facts === 1 ? '' : 's'}`}
            </option>
          ))}
        </datalist>
      </label>
      <FactValueField d={d} set={set} entitiesList={`${ids}-entities`} />
      <span className="fact-field__row">
        <label className="fact-field">
          <span className="fact-field__label">When</span>
          <input
            className="field__input"
            value={d.dateQualifier}
            onChange={(e) => set('dateQualifier', e.target.value)}
            placeholder="2012-07-19"
            data-testid="fact-date-qualifier"
          />
        </label>
        <label className="fact-field">
          <span className="fact-field__label">Where</span>
          <input
            className="field__input"
            value={d.place}
            onChange={(e) => set('place', e.target.value)}
            placeholder="place"
            dir="auto"
            data-testid="fact-place-input"
          />
        </label>
      </span>
      <label className="fact-field">
        <span className="fact-field__label">Note</span>
        <input
          className="field__input"
          value={d.note}
          onChange={(e) => set('note', e.target.value)}
          dir="auto"
          data-testid="fact-note-input"
        />
      </label>
      {tried && problem && (
        <p className="fact-editor__problem" role="alert" data-testid="fact-editor-problem">
          {problem}
        </p>
      )}
      <span className="fact-editor__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy} data-testid="fact-save">
          {submitLabel}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onCancel}>
          Cancel
        </button>
      </span>
    </form>
  );
}
