// The rows under the reader's toolbar: find in document, and the banner while an orphaned annotation waits for
// its new place.
import type { Annotation } from '../../../../shared/types';
import { MAX_FIND_MATCHES, stepMatch } from '../../lib/find';
import { truncate } from '../../lib/format';
import { FindBar } from './FindBar';
import type { useFind } from './useFind';

export function FindRow({ find }: { find: ReturnType<typeof useFind> }) {
  const { matches, findCurrent } = find;
  return (
    <div className="reader__findrow" lang="en" dir="ltr">
      <FindBar
        ref={find.findInputRef}
        query={find.findQuery}
        count={matches.length}
        current={findCurrent}
        capped={matches.length >= MAX_FIND_MATCHES}
        onChange={find.setFindQuery}
        onStep={(d) => find.goToMatch(stepMatch(findCurrent, matches.length, d))}
        onClose={find.closeFind}
      />
    </div>
  );
}

export function ReattachBanner({ annotation, onCancel }: { annotation: Annotation; onCancel?(): void }) {
  return (
    <div className="reattach-banner" role="status" lang="en" dir="ltr" data-testid="reattach-banner">
      <span>
        Select the new place for “<q dir="auto">{truncate(annotation.exact, 80)}</q>”, then choose{' '}
        <strong>Attach here</strong>.
      </span>
      <button type="button" className="button button--quiet button--small" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
