// Every fact in the archive as a table: filter by entity, predicate, status and document; sort by any
// column; group by entity or predicate; each row's evidence opens its passage; export CSV or JSON.
import { useEffect, useMemo, useState } from 'react';
import type { FactExportFormat, FactStatus } from '../../../../shared/facts';
import type { Fact, EntitySummary, PredicateSuggestion } from '../../../../shared/facts';
import type { DocumentSummary } from '../../../../shared/types';
import { useApi } from '../../api/context';
import type { PushToast } from '../../hooks/useToasts';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { useRovingFocus } from '../../lib/roving';
import { groupFacts, sortFacts, type FactColumn, type FactGrouping } from '../../lib/facts';
import { plural } from '../../lib/format';
import { FactsFilters } from './FactsFilters';
import { FactsRow } from './FactsRow';

interface Props {
  documents: DocumentSummary[];
  toast: PushToast;
}

const COLUMNS: Array<{ id: FactColumn; label: string }> = [
  { id: 'subject', label: 'Subject' },
  { id: 'predicate', label: 'Predicate' },
  { id: 'value', label: 'Value' },
  { id: 'date', label: 'When' },
  { id: 'source', label: 'Evidence' },
  { id: 'status', label: 'Status' },
];

export function FactsTable({ documents, toast }: Props) {
  const api = useApi();
  const [facts, setFacts] = useState<Fact[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One Tab stop for the rows: Up/Down between facts (same column), Left/Right between a row's links and actions.
  const tableRef = useRovingFocus({ items: 'tr[data-testid="facts-row"]' });
  const [entities, setEntities] = useState<EntitySummary[]>([]);
  const [predicates, setPredicates] = useState<PredicateSuggestion[]>([]);
  const [entityId, setEntityId] = useState('');
  const [predicate, setPredicate] = useState('');
  const [status, setStatus] = useState<FactStatus | ''>('confirmed');
  const [docId, setDocId] = useState('');
  const [sort, setSort] = useState<{ column: FactColumn; descending: boolean }>({
    column: 'subject',
    descending: false,
  });
  const [grouping, setGrouping] = useState<FactGrouping>('none');

  useEffect(() => {
    let live = true;
    api['entities.list']({}).then(
      (l) => live && setEntities(l.filter((e) => e.facts > 0)),
      () => undefined,
    );
    api['facts.predicates']({}).then(
      (l) => live && setPredicates(l),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    let live = true;
    setError(null);
    api['facts.list']({
      ...(entityId ? { entityId } : {}),
      ...(predicate ? { predicate } : {}),
      ...(status ? { status } : {}),
      ...(docId ? { docId } : {}),
      limit: 100_000,
    }).then(
      (list) => live && setFacts(list),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [api, entityId, predicate, status, docId]);

  const groups = useMemo(
    () => (facts ? groupFacts(sortFacts(facts, sort.column, sort.descending), grouping) : []),
    [facts, sort, grouping],
  );

  const exportAs = async (format: FactExportFormat) => {
    try {
      const file = await api['facts.export']({
        format,
        ...(entityId ? { entityId } : {}),
        ...(predicate ? { predicate } : {}),
        ...(status ? { status } : {}),
        ...(docId ? { docId } : {}),
      });
      saveFile(file);
      toast({ text: `Exported ${file.fileName}` }, 4000);
    } catch (err) {
      toast({ text: `Could not export: ${errorMessage(err)}`, tone: 'warn' }, 8000);
    }
  };

  const header = (c: { id: FactColumn; label: string }) => {
    const active = sort.column === c.id;
    return (
      <th key={c.id} scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="facts-table__sort"
          onClick={() => setSort((s) => ({ column: c.id, descending: s.column === c.id ? !s.descending : false }))}
          data-testid={`facts-sort-${c.id}`}
        >
          {c.label}
          <span aria-hidden="true" className="facts-table__arrow">
            {active ? (sort.descending ? '↓' : '↑') : ''}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="facts-page" data-testid="facts-table-page">
      <header className="facts-page__header">
        <h1>Facts</h1>
        <span className="muted">{facts ? plural(facts.length, 'fact') : 'Loading…'}</span>
        <span className="facts-page__actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => void exportAs('csv')}
            data-testid="facts-export-csv"
          >
            Export CSV
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => void exportAs('json')}
            title="JSON with citations: document title, source, date, paragraph, quote"
            data-testid="facts-export-json"
          >
            Export JSON
          </button>
        </span>
      </header>
      <FactsFilters
        entities={entities}
        predicates={predicates}
        documents={documents}
        entityId={entityId}
        predicate={predicate}
        status={status}
        docId={docId}
        grouping={grouping}
        onEntity={setEntityId}
        onPredicate={setPredicate}
        onStatus={setStatus}
        onDoc={setDocId}
        onGrouping={setGrouping}
      />
      {error && (
        <p className="facts-panel__error" role="alert">
          {error}
        </p>
      )}
      {facts && facts.length === 0 ? (
        <p className="muted facts-page__empty" data-testid="facts-empty">
          No facts match. Open a document and accept its proposed facts, or select a passage and choose{' '}
          <strong>Fact</strong>.
        </p>
      ) : (
        // The table keeps every column; a narrow window scrolls it sideways inside this box (a focusable region).
        // A scrollable region must take focus to scroll by keyboard.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="facts-table__scroll" role="region" aria-label="Facts table" tabIndex={0}>
          <table className="facts-table" ref={tableRef} data-testid="facts-table">
            <thead>
              <tr>{COLUMNS.map(header)}</tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.key || 'all'} data-testid={grouping === 'none' ? undefined : 'facts-group-body'}>
                {grouping !== 'none' && (
                  <tr className="facts-table__group">
                    <th colSpan={COLUMNS.length} scope="rowgroup" dir="auto">
                      {g.entityId ? <a href={`#/entity/${g.entityId}`}>{g.label}</a> : g.label}{' '}
                      <span className="count">{g.facts.length}</span>
                    </th>
                  </tr>
                )}
                {g.facts.map((f) => (
                  <FactsRow key={f.id} fact={f} />
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </div>
  );
}
