// Facts, Timeline and Conflicts (with a count of disagreements) in the library sidebar.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useApi } from '../../api/context';
import type { Route } from '../../lib/routes';

/** How many groups of facts disagree; refreshed whenever `refreshKey` changes. */
export function useConflictCount(refreshKey: unknown): { count: number; refresh(): void } {
  const api = useApi();
  const [count, setCount] = useState(0);
  const refresh = useCallback(() => {
    api['facts.conflicts']({}).then(
      (groups) => setCount(groups.filter((g) => g.agreement === 'conflict').length),
      () => undefined,
    );
  }, [api]);
  useEffect(refresh, [refresh, refreshKey]);
  return { count, refresh };
}

export function FactsNav({ route, conflicts }: { route: Route; conflicts: number }) {
  const link = (name: 'facts' | 'timeline' | 'conflicts', label: string, extra?: ReactNode) => {
    const current = route.name === name;
    return (
      <a href={`#/${name}`} className={`facts-nav__link${current ? ' facts-nav__link--current' : ''}`} aria-current={current ? 'page' : undefined} data-testid={`nav-${name}`}>
        {label}
        {extra}
      </a>
    );
  };
  return (
    <nav className="facts-nav" aria-label="Facts">
      {link('facts', 'Facts')}
      {link('timeline', 'Timeline')}
      {link(
        'conflicts',
        'Conflicts',
        conflicts > 0 ? (
          <span className="count facts-nav__badge" data-testid="conflicts-count">
            {conflicts}
          </span>
        ) : null,
      )}
    </nav>
  );
}
