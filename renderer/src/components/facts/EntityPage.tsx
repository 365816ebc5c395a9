// One entity: its name and aliases (add an alias, merge a suggested duplicate in, split aliases off),
// its facts with evidence, and where its names occur across the archive's documents.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { EntityDetail, MergeSuggestion } from '../../../../shared/facts';
import { useApi } from '../../api/context';
import { useArchiveChanged } from '../../api/queries';
import type { PushToast } from '../../hooks/useToasts';
import { errorMessage } from '../../lib/errors';
import { plural } from '../../lib/format';
import { EntityFacts, EntityMentions } from './EntitySections';

const NO_SUGGESTIONS: MergeSuggestion[] = [];

export function EntityPage({ entityId, toast }: { entityId: string; toast: PushToast }) {
  const api = useApi();
  const changed = useArchiveChanged();
  const query = useQuery({
    queryKey: ['entities.get', { id: entityId }, 'entities.mergeSuggestions'],
    queryFn: async () => {
      const [entity, all] = await Promise.all([
        api['entities.get']({ id: entityId }),
        api['entities.mergeSuggestions'](),
      ]);
      return { entity, suggestions: all.filter((s) => s.target.id === entityId || s.source.id === entityId) };
    },
  });
  const entity: EntityDetail | null = query.data?.entity ?? null;
  const suggestions = query.data?.suggestions ?? NO_SUGGESTIONS;
  const error = query.error ? errorMessage(query.error) : null;
  const [alias, setAlias] = useState('');
  const [splitting, setSplitting] = useState<Set<string> | null>(null);

  const act = async (what: string, action: () => Promise<unknown>) => {
    try {
      await action();
      changed('facts');
    } catch (err) {
      toast({ text: `${what}: ${errorMessage(err)}`, tone: 'warn' }, 8000);
    }
  };

  const addAlias = (e: FormEvent) => {
    e.preventDefault();
    if (!alias.trim()) return;
    void act('Could not add the alias', async () => {
      await api['entities.addAlias']({ id: entityId, alias: alias.trim() });
      setAlias('');
    });
  };

  if (error) {
    return (
      <div className="facts-page" data-testid="entity-page">
        <p className="facts-panel__error" role="alert">
          {error}
        </p>
      </div>
    );
  }
  if (!entity) return <div className="facts-page muted">Loading…</div>;

  const others = entity.aliases.filter((a) => a.alias !== entity.name);
  return (
    <div className="facts-page" data-testid="entity-page" data-entity-id={entity.id}>
      <header className="facts-page__header">
        <h1 dir="auto" data-testid="entity-name">
          {entity.name}
        </h1>
        <span className="badge fact-status">{entity.type}</span>
        <span className="muted">{plural(entity.factList.length, 'fact')}</span>
      </header>

      <section className="entity__section" aria-label="Aliases">
        <h2 className="facts-page__subhead">Also written</h2>
        <ul className="tag-list entity__aliases" data-testid="entity-aliases">
          {others.length === 0 && <li className="muted">no other names yet</li>}
          {others.map((a) => (
            <li
              key={a.key}
              className={`entity__alias${splitting?.has(a.alias) ? ' entity__alias--picked' : ''}`}
              dir="auto"
              title={`matched as “${a.key}”`}
            >
              {splitting ? (
                <label>
                  <input
                    type="checkbox"
                    checked={splitting.has(a.alias)}
                    onChange={(e) =>
                      setSplitting((s) => {
                        const next = new Set(s);
                        if (e.target.checked) next.add(a.alias);
                        else next.delete(a.alias);
                        return next;
                      })
                    }
                  />{' '}
                  {a.alias}
                </label>
              ) : (
                a.alias
              )}
            </li>
          ))}
        </ul>
        <div className="entity__tools">
          <form className="entity__alias-form" onSubmit={addAlias}>
            <input
              className="field__input"
              value={alias}
              onChange={(e) => setAlias(e.target.value)}
              placeholder="Add another name (Бако Саакян)"
              dir="auto"
              aria-label="New alias"
              data-testid="entity-alias-input"
            />
            <button
              type="submit"
              className="button button--small"
              disabled={!alias.trim()}
              data-testid="entity-alias-add"
            >
              Add alias
            </button>
          </form>
          {others.length > 0 &&
            (splitting ? (
              <span className="entity__split">
                <button
                  type="button"
                  className="button button--small"
                  disabled={splitting.size === 0}
                  onClick={() =>
                    void act('Could not split', async () => {
                      const r = await api['entities.split']({ id: entityId, aliases: [...splitting] });
                      setSplitting(null);
                      toast(
                        {
                          text: `Split off “${r.created.name}”.`,
                          action: { label: 'Open', run: () => (window.location.hash = `#/entity/${r.created.id}`) },
                        },
                        8000,
                      );
                    })
                  }
                  data-testid="entity-split-confirm"
                >
                  Split off {splitting.size ? plural(splitting.size, 'name') : 'the picked names'}
                </button>
                <button type="button" className="button button--quiet button--small" onClick={() => setSplitting(null)}>
                  Cancel
                </button>
              </span>
            ) : (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => setSplitting(new Set())}
                title="Move some names (and the facts written with them) to a new entity"
                data-testid="entity-split"
              >
                Split…
              </button>
            ))}
        </div>
        {suggestions.length > 0 && (
          <div className="entity__suggestions" data-testid="entity-merge-suggestions">
            <h3 className="facts-page__subhead">Probably the same</h3>
            <ul>
              {suggestions.map((s) => {
                const other = s.target.id === entityId ? s.source : s.target;
                return (
                  <li key={other.id} className="entity__suggestion" data-testid="entity-merge-suggestion">
                    <a href={`#/entity/${other.id}`} dir="auto">
                      {other.name}
                    </a>
                    <span className="muted">
                      {' '}
                      · {plural(other.facts, 'fact')} · {s.reasons.join(', ')} · {Math.round(s.score * 100)}%
                    </span>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() =>
                        void act('Could not merge', async () => {
                          await api['entities.merge']({ targetId: entityId, sourceIds: [other.id] });
                          toast({ text: `Merged “${other.name}” into “${entity.name}”.` }, 5000);
                        })
                      }
                      data-testid="entity-merge"
                    >
                      Merge into this
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </section>

      <EntityFacts facts={entity.factList} />

      <EntityMentions mentions={entity.mentions} />
    </div>
  );
}
