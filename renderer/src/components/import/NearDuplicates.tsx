// In the import summary: each new document whose text is nearly the same as one already here (the same report
// as .txt, .pdf and .docx), with the choice the detection (library/minhash.ts) leaves to the user: skip the new
// copy, keep both, or keep it as another version of the same source.
import { useState } from 'react';
import type { NearDuplicateChoice } from '../../../../shared/library';
import type { ImportSummary } from '../../../../shared/types';
import { useApi } from '../../api/context';
import { useArchiveChanged } from '../../api/queries';
import { errorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { mediaTypeLabel } from '../../lib/search-query';

type Item = ImportSummary['imported'][number];

const DONE: Record<NearDuplicateChoice, string> = {
  skip: 'Skipped: the new copy was removed.',
  keep: 'Kept both.',
  version: 'Kept as another version of the same source.',
};

export function NearDuplicates({ items }: { items: Item[] }) {
  const found = items.filter((i) => i.nearDuplicates && i.nearDuplicates.length > 0 && !i.variantOf);
  if (found.length === 0) return null;
  return (
    <section className="near-dups" aria-labelledby="near-dups-title" data-testid="near-duplicates">
      <h3 id="near-dups-title" className="near-dups__title">
        Nearly the same text as a document already here
      </h3>
      <ul className="near-dups__list">
        {found.map((item) => (
          <NearDuplicateItem key={item.document.id} item={item} />
        ))}
      </ul>
    </section>
  );
}

function NearDuplicateItem({ item }: { item: Item }) {
  const api = useApi();
  const changed = useArchiveChanged();
  const [done, setDone] = useState<NearDuplicateChoice | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const twin = item.nearDuplicates![0];
  const doc = item.document;

  const choose = async (choice: NearDuplicateChoice) => {
    setBusy(true);
    setError(null);
    try {
      await api['documents.resolveNearDuplicate']({ id: doc.id, of: twin.id, choice });
      setDone(choice);
      changed('documents');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const percent = `${formatNumber(Math.round(twin.similarity * 100))} %`;
  return (
    <li className="near-dups__item" data-testid="near-duplicate" data-doc-id={doc.id}>
      <p className="near-dups__what">
        <span dir="auto" className="near-dups__name">
          {doc.title}
        </span>{' '}
        <span className="muted">({mediaTypeLabel(doc.mediaType)})</span> is {percent} alike to{' '}
        <span dir="auto" className="near-dups__name">
          {twin.title}
        </span>{' '}
        <span className="muted">({mediaTypeLabel(twin.mediaType)})</span>
        {item.nearDuplicates!.length > 1 && (
          <span className="muted"> and {formatNumber(item.nearDuplicates!.length - 1)} more</span>
        )}
        .
      </p>
      {done ? (
        <p className="near-dups__done" role="status" data-testid="near-duplicate-done">
          {DONE[done]}
        </p>
      ) : (
        <div className="near-dups__actions" role="group" aria-label={`What to do with ${doc.title}`}>
          <button type="button" disabled={busy} onClick={() => void choose('skip')} data-testid="near-dup-skip">
            Skip the new copy
          </button>
          <button type="button" disabled={busy} onClick={() => void choose('keep')} data-testid="near-dup-keep">
            Keep both
          </button>
          <button type="button" disabled={busy} onClick={() => void choose('version')} data-testid="near-dup-version">
            Keep as a version
          </button>
        </div>
      )}
      {error && (
        <p className="near-dups__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
