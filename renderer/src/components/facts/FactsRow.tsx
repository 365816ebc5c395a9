// One fact as a row of the facts table: subject (and the alias it was found as), predicate, value, when and
// where, its evidence (or the proposal's quote), status.
import type { Fact } from '../../../../shared/facts';
import { formatFactDate, formatFactValue } from '../../lib/facts';
import { EditedElsewhere } from '../team/EditedElsewhere';
import { EvidenceQuote, StatusBadge } from './FactBits';

export function FactsRow({ fact: f }: { fact: Fact }) {
  return (
    <tr data-testid="facts-row" data-fact-id={f.id}>
      <td>
        <a href={`#/entity/${f.subject.entityId}`} dir="auto" data-testid="facts-row-subject">
          {f.subject.name}
        </a>
        {f.subjectAlias && f.subjectAlias !== f.subject.name && (
          <span className="muted facts-table__alias" dir="auto">
            as “{f.subjectAlias}”
          </span>
        )}
      </td>
      <td dir="auto">{f.predicate}</td>
      <td className="facts-table__value" data-testid="facts-row-value">
        {f.object.kind === 'entity' ? (
          <a href={`#/entity/${f.object.entityId}`}>{f.object.name}</a>
        ) : (
          formatFactValue(f.object, f.valueQualifier, f.predicate)
        )}
      </td>
      <td className="facts-table__date">
        {f.qualifiers.date ? formatFactDate(f.qualifiers.date) : ''}
        {f.qualifiers.place && <span className="muted"> {f.qualifiers.place.name}</span>}
      </td>
      <td className="facts-table__evidence">
        {f.evidence.length > 0 ? (
          f.evidence.map((e) => <EvidenceQuote key={e.annotationId} evidence={e} compact />)
        ) : f.candidate ? (
          <a className="evidence evidence--compact" href={f.candidate.link}>
            <q className="evidence__quote" dir="auto">
              {f.candidate.quote}
            </q>
            <span className="evidence__source muted" dir="auto">
              {f.candidate.docTitle} · proposal
            </span>
          </a>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <StatusBadge fact={f} />
        <EditedElsewhere info={f.editedElsewhere} compact />
      </td>
    </tr>
  );
}
