// Facts, Timeline and Conflicts (with a count of disagreements) in the library sidebar.
import type { ReactNode } from 'react';
import { useArchiveQuery } from '../../api/queries';
import type { Route } from '../../lib/routes';

/** How many groups of facts disagree (cached; a facts write invalidates it); approximate agreements are not counted. */
export function useConflictCount(): number {
  return useArchiveQuery('facts.conflicts', {}).data?.filter((g) => g.agreement !== 'approximate').length ?? 0;
}

export function FactsNav({ route, conflicts }: { route: Route; conflicts: number }) {
  const link = (name: 'facts' | 'timeline' | 'conflicts', label: string, extra?: ReactNode) => {
    const current = route.name === name;
    return (
      <a
        href={`#/${name}`}
        className={`facts-nav__link${current ? ' facts-nav__link--current' : ''}`}
        aria-current={current ? 'page' : undefined}
        data-testid={`nav-${name}`}
      >
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
