// "Edited elsewhere by …" in place, on a note or a fact that another member of the team changed last (or
// whose other version waits in the team's review list, linked).
import type { EditedElsewhere as Info } from '../../../../shared/types';
import { formatDateTime } from '../../lib/format';
import './team.css';

export function EditedElsewhere({ info, compact = false }: { info: Info | undefined; compact?: boolean }) {
  if (!info) return null;
  return (
    <span className={`edited-elsewhere${compact ? ' edited-elsewhere--compact' : ''}`} data-testid="edited-elsewhere">
      Edited elsewhere by <strong dir="auto">{info.by}</strong>
      {info.at && (
        <>
          {' · '}
          <time dateTime={info.at}>{formatDateTime(info.at)}</time>
        </>
      )}
      {info.conflictId && (
        <>
          {' · '}
          <a href="#/team" data-testid="edited-elsewhere-review" title="Another version of this is kept for review">
            other version to review
          </a>
        </>
      )}
    </span>
  );
}
