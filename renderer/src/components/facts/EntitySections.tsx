// The lower sections of an entity's page: its facts with their evidence, and where its names occur across the
// archive's documents.
import type { EntityDetail } from '../../../../shared/facts';
import { passageRoute, formatRoute } from '../../lib/routes';
import { EvidenceQuote, FactSentence, StatusBadge } from './FactBits';

export function EntityFacts({ facts }: { facts: EntityDetail['factList'] }) {
  return (
    <section className="entity__section" aria-label="Facts">
      <h2 className="facts-page__subhead">Facts</h2>
      {facts.length === 0 ? (
        <p className="muted">No facts about this entity yet.</p>
      ) : (
        <ul className="fact-list" data-testid="entity-facts">
          {facts.map((f) => (
            <li
              key={f.id}
              className={`fact-card${f.status === 'proposed' ? ' fact-card--proposed' : ''}`}
              data-testid="entity-fact"
              data-fact-id={f.id}
            >
              <FactSentence fact={f} />
              {f.evidence.map((e) => (
                <EvidenceQuote key={e.annotationId} evidence={e} compact />
              ))}
              <div className="fact-card__foot">
                <StatusBadge fact={f} />
                {f.preferredReason && (
                  <span className="muted" dir="auto">
                    {f.preferredReason}
                  </span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function EntityMentions({ mentions }: { mentions: EntityDetail['mentions'] }) {
  return (
    <section className="entity__section" aria-label="Mentions">
      <h2 className="facts-page__subhead">
        Mentions <span className="count">{mentions.length}</span>
      </h2>
      <ul className="entity__mentions" data-testid="entity-mentions">
        {mentions.map((m) => (
          <li key={`${m.docId}:${m.start}`}>
            <a
              href={m.passageId ? formatRoute(passageRoute(m.docId, m.passageId)) : m.link}
              className="entity__mention"
              data-testid="entity-mention"
            >
              <span className="entity__snippet" lang={m.lang !== 'und' ? m.lang : undefined} dir="auto">
                {m.snippet}
              </span>
              <span className="muted evidence__source">
                <span dir="auto">{m.docTitle}</span>
                {m.paragraph ? ` · ¶ ${m.paragraph}` : ''}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
