// Every write an open document triggers (annotations, corrections, metadata, annotation export/import). Each
// goes through the API, updates the cached document with what the archive answered (so the screen never
// drifts from the stored state) and tells the cache what else changed.
import { useCallback } from 'react';
import type { ExportFormat } from '../../../shared/contract';
import type { Annotation, DocumentMetaChanges } from '../../../shared/types';
import { useApi } from '../api/context';
import { useArchiveChanged } from '../api/queries';
import type { AnnotationBody } from '../components/AnnotationForm';
import type { NewAnnotationInput } from '../components/Reader';
import { copyText, saveFile } from '../lib/download';
import { errorMessage } from '../lib/errors';
import { plural, truncate } from '../lib/format';
import { routeUrl, type Route } from '../lib/routes';
import type { TextRange } from '../lib/selection';
import type { DocumentData } from './useDocumentData';
import type { PushToast } from './useToasts';

interface CorrectionReport {
  version: number;
  reanchored: { anchored: number; moved: number; orphaned: number };
}

function correctionNotice(report: CorrectionReport, what: string) {
  const { anchored, moved, orphaned } = report.reanchored;
  const placed = anchored + moved;
  if (placed + orphaned === 0) return { text: `${what} (version ${report.version}).`, tone: 'info' as const };
  const needs = `${orphaned} need${orphaned === 1 ? 's' : ''} review`;
  return {
    text: `${what}: ${plural(placed, 'annotation')} re-anchored, ${needs}.`,
    tone: orphaned > 0 ? ('warn' as const) : ('info' as const),
  };
}

export function useDocumentWrites(docId: string, data: DocumentData, toast: PushToast) {
  const api = useApi();
  const changed = useArchiveChanged();
  const { setAnnotations, setDocument, reload } = data;
  const fail = useCallback(
    (what: string, err: unknown) => toast({ text: `${what}: ${errorMessage(err)}`, tone: 'warn' }, 8000),
    [toast],
  );

  const attempt = async <T>(what: string, write: () => Promise<T>): Promise<T | null> => {
    try {
      return await write();
    } catch (err) {
      fail(what, err);
      return null;
    }
  };

  const createAnnotation = (input: NewAnnotationInput) =>
    attempt('Could not save the annotation', async () => {
      const tags = input.tags.length ? input.tags : undefined;
      const created = await api['annotations.create']({
        docId,
        start: input.start,
        end: input.end,
        color: input.color,
        note: input.note || undefined,
        tags,
      });
      setAnnotations((list) => [...list.filter((a) => a.id !== created.id), created]);
      changed('annotations');
      return created;
    });

  const updateAnnotation = async (id: string, body: AnnotationBody) =>
    (await attempt('Could not save the annotation', async () => {
      const updated = await api['annotations.update']({ id, color: body.color, note: body.note, tags: body.tags });
      setAnnotations((list) => list.map((a) => (a.id === id ? updated : a)));
      changed('annotations');
      return true;
    })) ?? false;

  const restoreAnnotation = (deleted: Annotation) =>
    api['annotations.restore']({ annotation: deleted }).then(
      () => {
        void reload();
        changed('annotations');
      },
      (err: unknown) => fail('Could not restore the annotation', err),
    );

  const deleteAnnotation = (a: Annotation) =>
    attempt('Could not delete the annotation', async () => {
      const deleted = await api['annotations.delete']({ id: a.id });
      setAnnotations((list) => list.filter((x) => x.id !== a.id));
      changed('annotations');
      toast({
        text: `Annotation deleted: “${truncate(deleted.exact, 40)}”`,
        action: { label: 'Undo', run: () => void restoreAnnotation(deleted) },
      });
      return deleted;
    });

  const reattachAnnotation = (id: string, range: TextRange) =>
    attempt('Could not re-attach the annotation', async () => {
      const placed = await api['annotations.reattach']({ id, start: range.start, end: range.end });
      setAnnotations((list) => list.map((a) => (a.id === placed.id ? placed : a)));
      changed('annotations');
      toast({ text: 'Annotation re-attached.' }, 3000);
      return placed;
    });

  const correct = async (what: string, failure: string, write: () => Promise<CorrectionReport>) =>
    (await attempt(failure, async () => {
      const report = await write();
      await reload();
      changed('documents');
      const notice = correctionNotice(report, what);
      toast(notice, notice.tone === 'warn' ? 10_000 : 6000);
      return true;
    })) ?? false;

  const editPassage = (passageId: string, text: string) =>
    correct('Passage corrected', 'Could not save the correction', () =>
      api['documents.editPassage']({ docId, passageId, text }),
    );
  const deletePassage = (passageId: string) =>
    correct('Passage deleted', 'Could not delete the passage', () =>
      api['documents.deletePassage']({ docId, passageId }),
    );

  const saveMeta = async (changes: DocumentMetaChanges) => {
    try {
      setDocument(await api['documents.updateMeta']({ id: docId, ...changes }));
      changed('documents');
      toast({ text: 'Details saved.' }, 2500);
    } catch (err) {
      throw new Error(errorMessage(err), { cause: err });
    }
  };

  const exportAnnotations = (format: ExportFormat) =>
    attempt('Could not export', async () => {
      const file = await api['annotations.export']({ docId, format });
      saveFile(file);
      toast({ text: `Exported ${file.fileName}` }, 4000);
    });

  const importAnnotations = (file: File) =>
    attempt(`Could not import ${file.name}`, async () => {
      const report = await api['annotations.importW3c']({ content: await file.text() });
      await reload();
      changed('annotations');
      const parts = [`${report.imported} imported`];
      if (report.skipped) parts.push(`${report.skipped} already here`);
      const failures = report.failed.map((f) => f.error).join('; ');
      if (report.failed.length) parts.push(`${report.failed.length} failed (${truncate(failures, 160)})`);
      const tone = report.failed.length ? ('warn' as const) : ('info' as const);
      toast({ text: `${file.name}: ${parts.join(' · ')}`, tone }, report.failed.length ? 15_000 : 6000);
    });

  const copyLink = async (route: Route, what: string) => {
    const url = routeUrl(route);
    const ok = await copyText(url);
    toast(
      ok ? { text: `Link to this ${what} copied.` } : { text: `Copy this link: ${url}`, tone: 'warn' },
      ok ? 3000 : 15000,
    );
  };

  return {
    createAnnotation,
    updateAnnotation,
    deleteAnnotation,
    reattachAnnotation,
    editPassage,
    deletePassage,
    saveMeta,
    exportAnnotations,
    importAnnotations,
    copyLink,
  };
}
