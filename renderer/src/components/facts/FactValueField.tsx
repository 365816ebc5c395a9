// The value of a fact in the fact editor: its kind (number, date, text, entity), a qualifier for numbers and
// dates, and the fields of that kind.
import type { ValueQualifier } from '../../../../shared/facts';
import { VALUE_QUALIFIERS } from '../../../../shared/facts';
import { QUALIFIER_LABELS, type FactDraft } from '../../lib/facts';

const KIND_LABELS: Record<FactDraft['kind'], string> = {
  number: 'Number',
  date: 'Date',
  text: 'Text',
  entity: 'Entity',
};

interface Props {
  d: FactDraft;
  set<K extends keyof FactDraft>(key: K, value: FactDraft[K]): void;
  /** Id of the datalist of the archive's entities (suggestions for an entity value). */
  entitiesList: string;
}

export function FactValueField({ d, set, entitiesList }: Props) {
  return (
    <fieldset className="fact-field fact-field--value">
      <legend className="fact-field__label">Value</legend>
      <span className="fact-field__row">
        <select
          className="field__input fact-field__kind"
          aria-label="Kind of value"
          value={d.kind}
          onChange={(e) => set('kind', e.target.value as FactDraft['kind'])}
          data-testid="fact-kind"
        >
          {(Object.keys(KIND_LABELS) as Array<FactDraft['kind']>).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        {(d.kind === 'number' || d.kind === 'date') && (
          <select
            className="field__input fact-field__qualifier"
            aria-label="Value qualifier"
            value={d.valueQualifier}
            onChange={(e) => set('valueQualifier', e.target.value as ValueQualifier)}
            data-testid="fact-value-qualifier"
          >
            {VALUE_QUALIFIERS.map((q) => (
              <option key={q} value={q}>
                {QUALIFIER_LABELS[q]}
              </option>
            ))}
          </select>
        )}
      </span>
      {d.kind === 'number' && (
        <span className="fact-field__row">
          <input
            className="field__input"
            inputMode="decimal"
            aria-label="Number"
            value={d.number}
            onChange={(e) => set('number', e.target.value)}
            placeholder="47000"
            data-testid="fact-number-input"
          />
          <input
            className="field__input fact-field__unit"
            aria-label="Unit"
            value={d.unit}
            onChange={(e) => set('unit', e.target.value)}
            placeholder="unit"
            data-testid="fact-unit-input"
          />
        </span>
      )}
      {d.kind === 'date' && (
        <input
          className="field__input"
          aria-label="Date"
          value={d.date}
          onChange={(e) => set('date', e.target.value)}
          placeholder="2012-09-07"
          data-testid="fact-date-input"
        />
      )}
      {(d.kind === 'text' || d.kind === 'entity') && (
        <input
          className="field__input"
          aria-label={d.kind === 'entity' ? 'Entity' : 'Text'}
          list={d.kind === 'entity' ? entitiesList : undefined}
          value={d.text}
          onChange={(e) => set('text', e.target.value)}
          dir="auto"
          data-testid="fact-text-input"
        />
      )}
    </fieldset>
  );
}
