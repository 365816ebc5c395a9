// Small pieces shared by the facts views: a fact read as a sentence, its status, an evidence quote that
// opens its passage, and the hook that loads what the archive knows for suggestions.
import { useEffect, useState } from 'react';
import type { EntitySummary, Fact, FactEvidence, PredicateSuggestion } from '../../../../shared/facts';
import { useApi } from '../../api/context';
import { factParts } from '../../lib/facts';
import { languageLabel } from '../../lib/languages';
import './facts.css';

export function FactSentence({ fact, entityLink = false }: { fact: Fact; entityLink?: boolean }) {
  const parts = factParts(fact);
  return (
    <span className="fact-sentence" data-testid="fact-sentence">
      {parts.map((p, i) => (
        <span key={p.role}>
          {i > 0 && <span className="fact-sentence__dash"> — </span>}
          {p.role === 'subject' && entityLink ? (
            <a
              className={`fact-sentence__${p.role}`}
              href={`#/entity/${fact.subject.entityId}`}
              dir="auto"
              data-testid="fact-subject"
            >
              {p.text}
            </a>
          ) : (
            <span className={`fact-sentence__${p.role}`} dir="auto">
              {p.text}
            </span>
          )}
        </span>
      ))}
    </span>
  );
}

export function StatusBadge({ fact }: { fact: Fact }) {
  return (
    <span className={`badge fact-status fact-status--${fact.status}`} data-testid="fact-status">
      {fact.status}
      {fact.preferred ? ' · preferred' : ''}
    </span>
  );
}

const langOf = (lang: string) => (lang && lang !== 'und' ? lang : undefined);

/** One evidence passage: the quote (opens the passage with the evidence marked), document, language, paragraph. */
export function EvidenceQuote({ evidence, compact = false }: { evidence: FactEvidence; compact?: boolean }) {
  return (
    <a
      className={`evidence${compact ? ' evidence--compact' : ''}`}
      href={evidence.link}
      data-testid="fact-evidence"
      data-annotation-id={evidence.annotationId}
      title="Open the passage"
    >
      <q className="evidence__quote" lang={langOf(evidence.lang)} dir="auto">
        {evidence.quote.length > 320 ? `${evidence.quote.slice(0, 319)}…` : evidence.quote}
      </q>
      <span className="evidence__source muted">
        <span dir="auto">{evidence.docTitle}</span>
        {evidence.lang && evidence.lang !== 'und' ? ` · ${languageLabel(evidence.lang)}` : ''}
        {evidence.paragraph ? ` · ¶ ${evidence.paragraph}` : ''}
        {evidence.status === 'orphaned' ? ' · needs review' : ''}
      </span>
    </a>
  );
}

/** Entities and predicates already in the archive (for the editor's suggestions). */
export function useFactSuggestions(enabled: boolean): { entities: EntitySummary[]; predicates: PredicateSuggestion[] } {
  const api = useApi();
  const [entities, setEntities] = useState<EntitySummary[]>([]);
  const [predicates, setPredicates] = useState<PredicateSuggestion[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api['entities.list']({}).then(
      (list) => live && setEntities(list),
      () => undefined,
    );
    api['facts.predicates']({}).then(
      (list) => live && setPredicates(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, enabled]);
  return { entities, predicates };
}
