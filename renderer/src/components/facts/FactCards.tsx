// The cards of the facts panel: a proposal (its sentence, the quote it came from, Accept / Edit / Reject) and a
// confirmed fact (its sentence, evidence, note, status, conflict badge, Edit / Delete); either turns into the fact
// editor while edited.
import type { EntitySummary, Fact, PredicateSuggestion } from '../../../../shared/facts';
import { draftFromFact, type FactDraft } from '../../lib/facts';
import { EditIcon, TrashIcon } from '../icons';
import { EvidenceQuote, FactSentence, StatusBadge } from './FactBits';
import { FactEditor } from './FactEditor';

interface CardProps {
  fact: Fact;
  editing: boolean;
  busy: boolean;
  suggestions: { entities: readonly EntitySummary[]; predicates: readonly PredicateSuggestion[] };
  onEdit(): void;
  onCancelEdit(): void;
}

export function ProposalCard({
  fact: f,
  editing,
  busy,
  lang,
  suggestions,
  onEdit,
  onCancelEdit,
  onAccept,
  onReject,
  onOpenPassage,
}: CardProps & {
  lang: string | undefined;
  /** Accept as proposed, or as edited. */
  onAccept(draft?: FactDraft): void;
  onReject(): void;
  onOpenPassage(passageId: string): void;
}) {
  return (
    <li className="fact-card fact-card--proposed" data-testid="fact-proposal" data-fact-id={f.id}>
      {editing ? (
        <FactEditor
          initial={draftFromFact(f)}
          quote={f.candidate?.quote}
          quoteLang={lang}
          entities={suggestions.entities}
          predicates={suggestions.predicates}
          submitLabel="Accept"
          busy={busy}
          onSubmit={(d) => onAccept(d)}
          onCancel={onCancelEdit}
        />
      ) : (
        <>
          <FactSentence fact={f} />
          {f.candidate && (
            <button
              type="button"
              className="fact-card__quote"
              onClick={() => f.candidate?.passageId && onOpenPassage(f.candidate.passageId)}
              title="Show in the text"
            >
              <q lang={lang} dir="auto">
                {f.candidate.quote}
              </q>
            </button>
          )}
          <div className="fact-card__foot">
            <span className="muted fact-card__confidence" title="How sure the extractor's rules are">
              {Math.round(f.confidence * 100)}%
            </span>
            <span className="fact-card__actions">
              <button
                type="button"
                className="button button--primary button--small"
                disabled={busy}
                onClick={() => onAccept()}
                data-testid="fact-accept"
              >
                Accept
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={onEdit}
                data-testid="fact-edit"
              >
                Edit
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                disabled={busy}
                onClick={onReject}
                data-testid="fact-reject"
              >
                Reject
              </button>
            </span>
          </div>
        </>
      )}
    </li>
  );
}

export function ConfirmedCard({
  fact: f,
  editing,
  busy,
  conflict,
  suggestions,
  onEdit,
  onCancelEdit,
  onSave,
  onRemove,
}: CardProps & { conflict: boolean; onSave(draft: FactDraft): void; onRemove(): void }) {
  return (
    <li className="fact-card" data-testid="fact-confirmed" data-fact-id={f.id}>
      {editing ? (
        <FactEditor
          initial={draftFromFact(f)}
          entities={suggestions.entities}
          predicates={suggestions.predicates}
          submitLabel="Save"
          busy={busy}
          onSubmit={onSave}
          onCancel={onCancelEdit}
        />
      ) : (
        <>
          <FactSentence fact={f} entityLink />
          {f.evidence.map((e) => (
            <EvidenceQuote key={e.annotationId} evidence={e} compact />
          ))}
          {f.note && (
            <p className="fact-card__note" dir="auto">
              {f.note}
            </p>
          )}
          <div className="fact-card__foot">
            <StatusBadge fact={f} />
            {conflict && (
              <a
                className="badge fact-conflict-badge"
                href="#/conflicts"
                title="Another source gives a different value"
                data-testid="fact-conflict-badge"
              >
                conflict
              </a>
            )}
            <span className="fact-card__actions">
              <button
                type="button"
                className="icon-button icon-button--small"
                aria-label="Edit fact"
                title="Edit"
                onClick={onEdit}
                data-testid="fact-edit"
              >
                <EditIcon />
              </button>
              <button
                type="button"
                className="icon-button icon-button--small icon-button--danger"
                aria-label="Delete fact"
                title="Delete the fact and its evidence highlight"
                disabled={busy}
                onClick={onRemove}
                data-testid="fact-delete"
              >
                <TrashIcon />
              </button>
            </span>
          </div>
        </>
      )}
    </li>
  );
}
