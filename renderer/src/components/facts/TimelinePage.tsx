// Dated facts in time order, grouped by date, each with its evidence.
import { useEffect, useState } from 'react';
import type { TimelineItem } from '../../../../shared/facts';
import { useApi } from '../../api/context';
import { errorMessage } from '../../lib/errors';
import { groupByDate } from '../../lib/facts';
import { EvidenceQuote, FactSentence } from './FactBits';

export function TimelinePage() {
  const api = useApi();
  const [items, setItems] = useState<TimelineItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api['facts.timeline']({}).then(
      (list) => live && setItems(list),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  return (
    <div className="facts-page" data-testid="timeline-page">
      <header className="facts-page__header">
        <h1>Timeline</h1>
      </header>
      <p className="muted facts-page__intro">
        Confirmed facts that carry a date, in time order: dates stated as values (an inauguration) and dates a value
        holds on (votes on election day).
      </p>
      {error && (
        <p className="facts-panel__error" role="alert">
          {error}
        </p>
      )}
      {items && items.length === 0 && <p className="muted facts-page__empty">No dated facts yet.</p>}
      <ol className="timeline">
        {items &&
          groupByDate(items).map((g) => (
            <li key={g.date} className="timeline__date" data-testid="timeline-date" data-date={g.date}>
              <h2 className="timeline__label">{g.label}</h2>
              <ul className="fact-list">
                {g.items.map((item) => (
                  <li key={item.fact.id} className="fact-card" data-testid="timeline-fact">
                    <FactSentence fact={item.fact} entityLink />
                    {item.fact.evidence.map((e) => (
                      <EvidenceQuote key={e.annotationId} evidence={e} compact />
                    ))}
                  </li>
                ))}
              </ul>
            </li>
          ))}
      </ol>
    </div>
  );
}
