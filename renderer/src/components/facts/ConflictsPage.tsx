// Facts that disagree: same subject, predicate and qualifiers, different values across sources — side by
// side with their evidence passages; the user marks the one to trust, with a reason.
import { useState } from 'react';
import type { ConflictGroup, Fact } from '../../../../shared/facts';
import { useApi } from '../../api/context';
import { useArchiveChanged, useArchiveQuery } from '../../api/queries';
import type { PushToast } from '../../hooks/useToasts';
import { errorMessage } from '../../lib/errors';
import { factSentence } from '../../lib/facts';
import { formatFactDate, formatFactValue } from '../../lib/facts';
import { plural } from '../../lib/format';
import { EvidenceQuote } from './FactBits';

export function ConflictsPage({ toast }: { toast: PushToast }) {
  const api = useApi();
  const changed = useArchiveChanged();
  const query = useArchiveQuery('facts.conflicts', {});
  const groups: ConflictGroup[] | null = query.data ?? null;
  const error = query.error ? errorMessage(query.error) : null;
  const [choosing, setChoosing] = useState<string | null>(null);
  const [reason, setReason] = useState('');

  const prefer = async (f: Fact) => {
    try {
      await api['facts.setPreferred']({ id: f.id, reason: reason.trim() || undefined });
      setChoosing(null);
      setReason('');
      changed('facts');
      toast({ text: `Preferred: ${factSentence(f)}` }, 4000);
    } catch (err) {
      toast({ text: `Could not mark the fact: ${errorMessage(err)}`, tone: 'warn' }, 8000);
    }
  };

  const clear = async (f: Fact) => {
    try {
      await api['facts.clearPreferred']({ id: f.id });
      changed('facts');
    } catch (err) {
      toast({ text: `Could not clear the mark: ${errorMessage(err)}`, tone: 'warn' }, 8000);
    }
  };

  const side = (g: ConflictGroup, f: Fact) => {
    const preferred = g.preferredFactId === f.id;
    return (
      <li
        key={f.id}
        className={`conflict__side${preferred ? ' conflict__side--preferred' : ''}`}
        data-testid="conflict-fact"
        data-fact-id={f.id}
        data-preferred={preferred}
      >
        <p className="conflict__value" data-testid="conflict-value">
          {formatFactValue(f.object, f.valueQualifier, f.predicate)}
        </p>
        {f.subjectAlias !== f.subject.name && (
          <p className="muted conflict__alias" dir="auto">
            written “{f.subjectAlias}”
          </p>
        )}
        {f.evidence.length === 0 && f.candidate && <p className="muted">{f.candidate.docTitle} (proposal)</p>}
        {f.evidence.map((e) => (
          <EvidenceQuote key={e.annotationId} evidence={e} />
        ))}
        {preferred ? (
          <div className="conflict__preferred" data-testid="conflict-preferred">
            <span className="badge fact-status fact-status--confirmed">preferred</span>
            {f.preferredReason && (
              <span className="conflict__reason" dir="auto">
                {f.preferredReason}
              </span>
            )}
            <button type="button" className="link-button" onClick={() => void clear(f)}>
              clear
            </button>
          </div>
        ) : choosing === f.id ? (
          <form
            className="conflict__choose"
            onSubmit={(e) => {
              e.preventDefault();
              void prefer(f);
            }}
          >
            <input
              className="field__input"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="Why this one? (e.g. official CEC figures)"
              autoFocus
              data-testid="conflict-reason"
            />
            <button type="submit" className="button button--primary button--small" data-testid="conflict-save">
              Mark preferred
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => setChoosing(null)}>
              Cancel
            </button>
          </form>
        ) : (
          <button
            type="button"
            className="button button--small"
            onClick={() => (setChoosing(f.id), setReason(''))}
            data-testid="conflict-prefer"
          >
            Prefer this value…
          </button>
        )}
      </li>
    );
  };

  return (
    <div className="facts-page" data-testid="conflicts-page">
      <header className="facts-page__header">
        <h1>Conflicts</h1>
        <span className="muted">{groups ? headline(groups) : 'Loading…'}</span>
      </header>
      <p className="muted facts-page__intro">
        Confirmed facts with the same subject, predicate and date or place, but different values in different sources.
      </p>
      {error && (
        <p className="facts-panel__error" role="alert">
          {error}
        </p>
      )}
      {groups && !groups.some((g) => g.agreement !== 'approximate') && (
        <p className="muted facts-page__empty" data-testid="conflicts-empty">
          No sources disagree.
        </p>
      )}
      {groups?.map((g) => (
        <section
          key={`${g.subject.entityId}|${g.predicate}|${g.qualifiers.date ?? ''}|${g.qualifiers.place?.entityId ?? ''}`}
          className={`conflict${g.agreement === 'approximate' ? ' conflict--approximate' : ''}`}
          data-testid="conflict-group"
          data-agreement={g.agreement}
        >
          <h2 className="conflict__title">
            <a href={`#/entity/${g.subject.entityId}`} dir="auto">
              {g.subject.name}
            </a>
            <span className="fact-sentence__dash"> — </span>
            <span dir="auto">{g.predicate}</span>
            {g.qualifiers.date && <span className="muted"> · {formatFactDate(g.qualifiers.date)}</span>}
            {g.qualifiers.place && <span className="muted"> · {g.qualifiers.place.name}</span>}
          </h2>
          {g.agreement === 'approximate' && (
            <p className="conflict__agreement" data-testid="conflict-approximate">
              Consistent (approximate): the values differ, but one is approximate or a bound and the other lies within
              it.
            </p>
          )}
          <ul className="conflict__sides">{g.facts.map((f) => side(g, f))}</ul>
        </section>
      ))}
    </div>
  );
}

/** "2 disagreements · 1 consistent (approximate)": approximate agreements are listed but are not disagreements. */
function headline(groups: ConflictGroup[]): string {
  const approximate = groups.filter((g) => g.agreement === 'approximate').length;
  const conflicts = plural(groups.length - approximate, 'disagreement');
  return approximate > 0 ? `${conflicts} · ${approximate} consistent (approximate)` : conflicts;
}
