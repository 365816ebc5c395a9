// The app frame's own actions (App.tsx): rebuilding the search index, deleting a document or an orphaned
// annotation (with undo), and leaving a document that cannot be opened. Failures go to a banner or a toast.
import { useCallback } from 'react';
import type { Annotation, DocumentSummary } from '../../../shared/types';
import { useApi } from '../api/context';
import { useArchiveChanged } from '../api/queries';
import { errorMessage } from '../lib/errors';
import { plural, truncate } from '../lib/format';
import type { Route } from '../lib/routes';
import type { DocumentsState } from './useDocuments';
import type { IndexStatusState } from './useIndexStatus';
import type { PushToast } from './useToasts';

interface Deps {
  route: Route;
  navigate(route: Route): void;
  docs: DocumentsState;
  index: IndexStatusState;
  search: { refresh(): void };
  pushBanner(text: string): void;
  toast: PushToast;
}

export function useAppActions({ route, navigate, docs, index, search, pushBanner, toast }: Deps) {
  const api = useApi();
  const changed = useArchiveChanged();

  const reindex = () => {
    index.reindex().then(
      (report) => {
        const what = `${plural(report.passages, 'passage')} in ${plural(report.documents, 'document')}`;
        toast({ text: `Search index rebuilt: ${what} (${(report.ms / 1000).toFixed(1)} s).` }, 6000);
        search.refresh();
      },
      (err: unknown) =>
        toast({ text: `Could not rebuild the search index: ${errorMessage(err)}`, tone: 'warn' }, 10_000),
    );
  };

  const deleteDocument = async (doc: DocumentSummary) => {
    try {
      await docs.remove(doc.id);
      if (route.name === 'doc' && route.docId === doc.id) navigate({ name: 'home' });
    } catch (err) {
      pushBanner(`Could not delete “${doc.title}”: ${errorMessage(err)}`);
    }
  };

  const deleteOrphan = async (a: Annotation) => {
    try {
      const deleted = await api['annotations.delete']({ id: a.id });
      changed('annotations');
      const undo = () => void api['annotations.restore']({ annotation: deleted }).then(() => changed('annotations'));
      toast({
        text: `Annotation deleted: “${truncate(deleted.exact, 40)}”`,
        action: { label: 'Undo', run: undo },
      });
    } catch (err) {
      toast({ text: `Could not delete the annotation: ${errorMessage(err)}`, tone: 'warn' });
    }
  };

  const onDocumentError = useCallback(
    (message: string) => {
      pushBanner(`Could not open the document: ${message}`);
      navigate({ name: 'home' });
    },
    [pushBanner, navigate],
  );

  return { reindex, deleteDocument, deleteOrphan, onDocumentError };
}
