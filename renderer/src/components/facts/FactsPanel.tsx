// The facts of the open document, beside the text: the extractor's proposals (read as sentences with the
// quote they came from) to accept, edit or reject, the confirmed facts with their evidence, and a new fact
// from the current selection (pre-filled from the mentions inside it). Nothing is confirmed without a click.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DocumentDetail } from '../../../../shared/types';
import type { Fact, Mention } from '../../../../shared/facts';
import { useApi } from '../../api/context';
import type { PushToast } from '../../hooks/useToasts';
import { errorMessage } from '../../lib/errors';
import { useRovingFocus } from '../../lib/roving';
import { draftFromFact, draftFromMentions, factSentence, type FactDraft } from '../../lib/facts';
import type { TextRange } from '../../lib/selection';
import { useFactSuggestions } from './FactBits';
import { ConfirmedCard, ProposalCard } from './FactCards';
import { changesFromDraft, FactEditor, newFactFromDraft } from './FactEditor';

interface Props {
  document: DocumentDetail;
  /** The tab strip (Annotations | Facts) shown in the header. */
  header: ReactNode;
  /** A selection the user turned into a fact ("Fact" in the selection toolbar). */
  draftRange: TextRange | null;
  onDraftDone(): void;
  /** Evidence annotations were created or deleted (the reader's highlights change). */
  onEvidenceChanged(): void;
  onOpenPassage(passageId: string): void;
  toast: PushToast;
  onClose(): void;
}

export function FactsPanel(props: Props) {
  const { document: doc, draftRange, toast } = props;
  const api = useApi();
  const [proposals, setProposals] = useState<Fact[]>([]);
  const [confirmed, setConfirmed] = useState<Fact[]>([]);
  const [conflicting, setConflicting] = useState<Set<string>>(new Set());
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [mentions, setMentions] = useState<Mention[] | null>(null);
  // One Tab stop per list of fact cards: Up/Down between facts, Left/Right between a card's actions.
  const rovingRef = useRovingFocus({ items: 'li.fact-card' });
  const suggestions = useFactSuggestions(editingId !== null || draftRange !== null);
  const lang = doc.lang && doc.lang !== 'und' ? doc.lang : undefined;

  const load = useCallback(async () => {
    try {
      const [report, list, conflicts] = await Promise.all([
        api['facts.propose']({ docId: doc.id }),
        api['facts.list']({ docId: doc.id, status: 'confirmed', sort: 'created', limit: 10_000 }),
        api['facts.conflicts']({}),
      ]);
      setProposals(report.proposals);
      setConfirmed(list);
      setConflicting(
        new Set(conflicts.filter((g) => g.agreement !== 'approximate').flatMap((g) => g.facts.map((f) => f.id))),
      );
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [api, doc.id]);

  useEffect(() => {
    setLoading(true);
    void load();
  }, [load, doc.version]);

  // Mentions are read when a selection is to become a fact (they pre-fill the form).
  useEffect(() => {
    if (!draftRange || mentions) return;
    let live = true;
    api['mentions.extract']({ docId: doc.id }).then(
      (r) => live && setMentions(r.mentions),
      () => live && setMentions([]),
    );
    return () => {
      live = false;
    };
  }, [api, doc.id, draftRange, mentions]);
  useEffect(() => setMentions(null), [doc.id, doc.version]);

  const fail = (what: string, err: unknown) => toast({ text: `${what}: ${errorMessage(err)}`, tone: 'warn' }, 8000);

  const run = async (id: string, what: string, action: () => Promise<unknown>) => {
    setBusyId(id);
    try {
      await action();
      await load();
      return true;
    } catch (err) {
      fail(what, err);
      return false;
    } finally {
      setBusyId(null);
    }
  };

  const accept = (f: Fact, draft?: FactDraft) =>
    run(f.id, 'Could not accept the fact', async () => {
      const changes = draft ? changesFromDraft(draft, draftFromFact(f), suggestions.entities) : undefined;
      const fact = await api['facts.accept']({ id: f.id, ...(changes ? { changes } : {}) });
      setEditingId(null);
      props.onEvidenceChanged();
      toast({ text: `Fact confirmed: ${factSentence(fact)}` }, 4000);
    });

  const reject = (f: Fact) =>
    run(f.id, 'Could not reject the proposal', async () => {
      await api['facts.reject']({ id: f.id });
      toast({ text: `Proposal rejected: ${factSentence(f)}` }, 4000);
    });

  const save = (f: Fact, draft: FactDraft) =>
    run(f.id, 'Could not save the fact', async () => {
      await api['facts.update']({ id: f.id, ...changesFromDraft(draft, draftFromFact(f), suggestions.entities) });
      setEditingId(null);
      props.onEvidenceChanged();
    });

  const remove = (f: Fact) =>
    run(f.id, 'Could not delete the fact', async () => {
      await api['facts.delete']({ id: f.id });
      props.onEvidenceChanged();
      toast({ text: `Fact deleted: ${factSentence(f)}` }, 4000);
    });

  const create = (draft: FactDraft) =>
    run('new', 'Could not record the fact', async () => {
      if (!draftRange) return;
      const fact = await api['facts.create'](
        newFactFromDraft(draft, suggestions.entities, [
          { docId: doc.id, start: draftRange.start, end: draftRange.end },
        ]),
      );
      props.onDraftDone();
      props.onEvidenceChanged();
      toast({ text: `Fact recorded: ${factSentence(fact)}` }, 4000);
    });

  const draftInitial = useMemo(
    () => (draftRange && mentions ? draftFromMentions(mentions, draftRange.start, draftRange.end) : null),
    [draftRange, mentions],
  );

  return (
    <aside className="notes facts-panel" aria-label="Facts" lang="en" dir="ltr" data-testid="facts-panel">
      <header className="notes__header">
        {props.header}
        <button
          type="button"
          className="icon-button"
          aria-label="Hide the side panel"
          title="Hide"
          onClick={props.onClose}
        >
          ×
        </button>
      </header>
      <div className="notes__scroll">
        {draftRange && (
          <section className="facts-panel__new" aria-label="New fact" data-testid="fact-new">
            <h3 className="facts-panel__heading">New fact from the selection</h3>
            {draftInitial ? (
              <FactEditor
                initial={draftInitial}
                quote={doc.text.slice(draftRange.start, draftRange.end)}
                quoteLang={lang}
                entities={suggestions.entities}
                predicates={suggestions.predicates}
                submitLabel="Save fact"
                busy={busyId === 'new'}
                onSubmit={(d) => void create(d)}
                onCancel={props.onDraftDone}
              />
            ) : (
              <p className="muted">Reading the selection…</p>
            )}
          </section>
        )}
        {error && (
          <p className="facts-panel__error" role="alert">
            Could not load the facts: {error}
          </p>
        )}
        <section aria-label="Proposed facts" data-testid="fact-proposals">
          <h3 className="facts-panel__heading">
            Proposed <span className="count">{proposals.length}</span>
          </h3>
          {loading && proposals.length === 0 ? (
            <p className="muted facts-panel__hint">Reading the document…</p>
          ) : proposals.length === 0 ? (
            <p className="muted facts-panel__hint" data-testid="fact-proposals-empty">
              No proposals waiting. Select a sentence and choose <strong>Fact</strong> to record one yourself.
            </p>
          ) : (
            <ul className="fact-list" ref={rovingRef}>
              {proposals.map((f) => (
                <ProposalCard
                  key={f.id}
                  fact={f}
                  editing={editingId === f.id}
                  busy={busyId === f.id}
                  lang={lang}
                  suggestions={suggestions}
                  onEdit={() => setEditingId(f.id)}
                  onCancelEdit={() => setEditingId(null)}
                  onAccept={(d) => void accept(f, d)}
                  onReject={() => void reject(f)}
                  onOpenPassage={props.onOpenPassage}
                />
              ))}
            </ul>
          )}
        </section>
        <section aria-label="Confirmed facts" data-testid="fact-confirmed-list">
          <h3 className="facts-panel__heading">
            Confirmed <span className="count">{confirmed.length}</span>
          </h3>
          {confirmed.length === 0 ? (
            <p className="muted facts-panel__hint">Accepted facts appear here, each with the passage it rests on.</p>
          ) : (
            <ul className="fact-list" ref={rovingRef}>
              {confirmed.map((f) => (
                <ConfirmedCard
                  key={f.id}
                  fact={f}
                  editing={editingId === f.id}
                  busy={busyId === f.id}
                  conflict={conflicting.has(f.id)}
                  suggestions={suggestions}
                  onEdit={() => setEditingId(f.id)}
                  onCancelEdit={() => setEditingId(null)}
                  onSave={(d) => void save(f, d)}
                  onRemove={() => void remove(f)}
                />
              ))}
            </ul>
          )}
        </section>
      </div>
      <footer className="notes__footer">
        <div className="notes__footer-row facts-panel__links">
          <a href="#/facts">All facts</a>
          <a href="#/timeline">Timeline</a>
          <a href="#/conflicts">Conflicts</a>
        </div>
      </footer>
    </aside>
  );
}
