// The facts table's filters (entity, predicate, status, document) and its grouping, as labelled selects.
import type { EntitySummary, FactStatus, PredicateSuggestion } from '../../../../shared/facts';
import type { DocumentSummary } from '../../../../shared/types';
import type { FactGrouping } from '../../lib/facts';

interface Props {
  entities: EntitySummary[];
  predicates: PredicateSuggestion[];
  documents: DocumentSummary[];
  entityId: string;
  predicate: string;
  status: FactStatus | '';
  docId: string;
  grouping: FactGrouping;
  onEntity(id: string): void;
  onPredicate(predicate: string): void;
  onStatus(status: FactStatus | ''): void;
  onDoc(id: string): void;
  onGrouping(grouping: FactGrouping): void;
}

export function FactsFilters(props: Props) {
  const { entities, predicates, documents, entityId, predicate, status, docId, grouping } = props;
  const { onEntity, onPredicate, onStatus, onDoc, onGrouping } = props;
  return (
    <div className="facts-filters" role="group" aria-label="Filter and group">
      <label>
        <span>Entity</span>
        <select
          className="field__input"
          value={entityId}
          onChange={(e) => onEntity(e.target.value)}
          data-testid="facts-filter-entity"
        >
          <option value="">All</option>
          {entities.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Predicate</span>
        <select
          className="field__input"
          value={predicate}
          onChange={(e) => onPredicate(e.target.value)}
          data-testid="facts-filter-predicate"
        >
          <option value="">All</option>
          {predicates.map((p) => (
            <option key={p.predicate} value={p.predicate}>
              {p.predicate}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Status</span>
        <select
          className="field__input"
          value={status}
          onChange={(e) => onStatus(e.target.value as FactStatus | '')}
          data-testid="facts-filter-status"
        >
          <option value="">Any</option>
          <option value="confirmed">Confirmed</option>
          <option value="proposed">Proposed</option>
          <option value="rejected">Rejected</option>
        </select>
      </label>
      <label>
        <span>Document</span>
        <select
          className="field__input"
          value={docId}
          onChange={(e) => onDoc(e.target.value)}
          data-testid="facts-filter-doc"
        >
          <option value="">All</option>
          {documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Group by</span>
        <select
          className="field__input"
          value={grouping}
          onChange={(e) => onGrouping(e.target.value as FactGrouping)}
          data-testid="facts-group"
        >
          <option value="none">Nothing</option>
          <option value="entity">Entity</option>
          <option value="predicate">Predicate</option>
        </select>
      </label>
    </div>
  );
}
