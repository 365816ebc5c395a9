// An open document: the reader pane and the annotation sidebar, and every write they trigger (annotations,
// corrections, metadata, export/import). Writes go through the API; the view then shows what the archive
// answered, so the screen never drifts from the stored state.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExportFormat } from '../../../shared/contract';
import type { Annotation, DocumentMetaChanges } from '../../../shared/types';
import { useApi } from '../api/context';
import { useDocumentData } from '../hooks/useDocumentData';
import { useSearchMatches } from '../hooks/useSearchMatches';
import type { PushToast } from '../hooks/useToasts';
import { copyText, saveFile } from '../lib/download';
import { errorMessage } from '../lib/errors';
import { plural } from '../lib/format';
import { annotationRoute, passageRoute, routeUrl, type Route, type RouteSearch } from '../lib/routes';
import { annotationFieldWords } from '../lib/search-query';
import { includesFolded } from '../lib/fold';
import type { TextRange } from '../lib/selection';
import { AnnotationPanel } from './AnnotationPanel';
import type { AnnotationBody } from './AnnotationForm';
import { ErrorBoundary } from './ErrorBoundary';
import { FactsPanel } from './facts/FactsPanel';
import { SideTabs, type SideTab } from './facts/SideTabs';
import { CounterpartCard } from './parallel/CounterpartCard';
import { AddTranslation, TranslationsMenu, useTranslationLinks } from './parallel/TranslationsMenu';
import { Reader, truncate, type NewAnnotationInput, type ReaderTarget } from './Reader';

interface Props {
  docId: string;
  target: ReaderTarget | null;
  /** Bumped on every navigation (opening the same link again scrolls again). */
  targetSeq: number;
  terms: string[];
  /** The search the document was opened from (its matches are highlighted). */
  search?: RouteSearch;
  /** The opened hit's own matches, drawn before the document's other matches arrive. */
  hitMatches?: { passageId: string; matches: ReadonlyArray<[number, number]> } | null;
  panelOpen: boolean;
  onTogglePanel(): void;
  onNavigate(route: Route): void;
  onClose(): void;
  toast: PushToast;
  /** An error worth the banner (loading failed). */
  onError(message: string): void;
  /** Annotations were created, changed or orphaned (the archive-wide "Needs review" count may change). */
  onAnnotationsChanged(): void;
  /** Title, tags or passages changed (the library shows them). */
  onDocumentChanged(): void;
  /** Facts were accepted, recorded, edited or deleted (the conflicts count may change). */
  onFactsChanged?(): void;
}

/** The side panel keeps its tab from one document to the next. */
let lastSideTab: SideTab = 'notes';

export function DocumentView(props: Props) {
  const { docId, toast, onAnnotationsChanged } = props;
  const api = useApi();
  const data = useDocumentData(docId);
  const { document: doc, annotations } = data;
  const paneRef = useRef<HTMLElement>(null);
  const { links: translationLinks, refresh: refreshTranslations } = useTranslationLinks(docId);
  const [reattaching, setReattaching] = useState<Annotation | null>(null);
  const [sideTab, setSideTabState] = useState<SideTab>(lastSideTab);
  const setSideTab = useCallback((tab: SideTab) => {
    lastSideTab = tab;
    setSideTabState(tab);
  }, []);
  /** A selection being turned into a fact (the facts panel shows its form). */
  const [factRange, setFactRange] = useState<TextRange | null>(null);
  useEffect(() => setFactRange(null), [docId]);
  const [activeId, setActiveIdState] = useState<string | null>(null);
  // Read synchronously by [ and ]: two quick presses must not both start from the same annotation.
  const activeRef = useRef<string | null>(null);
  const setActiveId = useCallback((id: string | null) => {
    activeRef.current = id;
    setActiveIdState(id);
  }, []);

  const onErrorRef = useRef(props.onError);
  onErrorRef.current = props.onError;
  useEffect(() => {
    if (data.error) onErrorRef.current(data.error);
  }, [data.error]);

  // The annotation of a deep link is the active one; a new document starts with none.
  useEffect(() => setActiveId(props.target?.annotationId ?? null), [docId, props.target?.annotationId, props.targetSeq, setActiveId]);
  useEffect(() => setReattaching(null), [docId]);
  // "Open to re-attach" from the review list: an orphan's link starts re-attaching it.
  const loaded = doc !== null;
  useEffect(() => {
    const id = props.target?.annotationId;
    const orphan = id ? annotations.find((a) => a.id === id && a.status === 'orphaned') : undefined;
    if (orphan) setReattaching(orphan);
    // Only when a link is opened, not whenever the list changes.
  }, [loaded, docId, props.targetSeq]);

  // ---- the search this document was opened from: its matches, and note/tag hits → their annotation
  const searchMatches = useSearchMatches(docId, props.search, props.hitMatches);
  const resolvedSeq = useRef(-1);
  useEffect(() => {
    const search = props.search;
    const passageId = props.target?.passageId;
    if (!search || !passageId || !doc || searchMatches.loading || !searchMatches.matches) return;
    if (resolvedSeq.current === props.targetSeq) return;
    resolvedSeq.current = props.targetSeq;
    // A hit with no match in its text matched an annotation's note or tags (note:, tag:): open that annotation.
    if ((searchMatches.matches.get(passageId)?.length ?? 0) > 0) return;
    const words = annotationFieldWords(search.query);
    if (words === null) return;
    const passage = doc.passages.find((p) => p.id === passageId);
    if (!passage) return;
    const over = annotations.filter((a) => a.status !== 'orphaned' && a.start < passage.end && a.end > passage.start);
    const best = over.find((a) => words.some((w) => includesFolded(`${a.note}\n${a.tags.join('\n')}`, w))) ?? over[0];
    if (best) props.onNavigate(annotationRoute(docId, best.id, search));
  }, [doc, annotations, searchMatches, props.search, props.target?.passageId, props.targetSeq]);

  const clearSearch = useCallback(() => {
    const t = props.target;
    props.onNavigate(t?.passageId ? passageRoute(docId, t.passageId) : t?.annotationId ? annotationRoute(docId, t.annotationId) : { name: 'doc', docId });
  }, [docId, props.target, props.onNavigate]);

  const ordered = useMemo(() => annotations.filter((a) => a.status !== 'orphaned').sort((a, b) => a.start - b.start || a.end - b.end), [annotations]);

  const fail = useCallback((what: string, err: unknown) => toast({ text: `${what}: ${errorMessage(err)}`, tone: 'warn' }, 8000), [toast]);

  const copyLink = useCallback(
    async (route: Route, what: string) => {
      const url = routeUrl(route);
      const ok = await copyText(url);
      toast(ok ? { text: `Link to this ${what} copied.` } : { text: `Copy this link: ${url}`, tone: 'warn' }, ok ? 3000 : 15000);
    },
    [toast],
  );

  const create = async (input: NewAnnotationInput): Promise<boolean> => {
    try {
      const created = await api['annotations.create']({ docId, start: input.start, end: input.end, color: input.color, note: input.note || undefined, tags: input.tags.length ? input.tags : undefined });
      data.setAnnotations((list) => [...list.filter((a) => a.id !== created.id), created]);
      setActiveId(created.id);
      onAnnotationsChanged();
      return true;
    } catch (err) {
      fail('Could not save the annotation', err);
      return false;
    }
  };

  const update = async (id: string, body: AnnotationBody): Promise<boolean> => {
    try {
      const updated = await api['annotations.update']({ id, color: body.color, note: body.note, tags: body.tags });
      data.setAnnotations((list) => list.map((a) => (a.id === id ? updated : a)));
      return true;
    } catch (err) {
      fail('Could not save the annotation', err);
      return false;
    }
  };

  const remove = async (a: Annotation) => {
    try {
      const deleted = await api['annotations.delete']({ id: a.id });
      data.setAnnotations((list) => list.filter((x) => x.id !== a.id));
      if (reattaching?.id === a.id) setReattaching(null);
      onAnnotationsChanged();
      toast({
        text: `Annotation deleted: “${truncate(deleted.exact, 40)}”`,
        action: {
          label: 'Undo',
          run: () => {
            api['annotations.restore']({ annotation: deleted }).then(
              () => {
                void data.reloadAnnotations();
                onAnnotationsChanged();
              },
              (err: unknown) => fail('Could not restore the annotation', err),
            );
          },
        },
      });
    } catch (err) {
      fail('Could not delete the annotation', err);
    }
  };

  const reattach = async (range: TextRange): Promise<boolean> => {
    if (!reattaching) return false;
    try {
      const placed = await api['annotations.reattach']({ id: reattaching.id, start: range.start, end: range.end });
      data.setAnnotations((list) => list.map((a) => (a.id === placed.id ? placed : a)));
      setReattaching(null);
      setActiveId(placed.id);
      onAnnotationsChanged();
      toast({ text: 'Annotation re-attached.' }, 3000);
      return true;
    } catch (err) {
      fail('Could not re-attach the annotation', err);
      return false;
    }
  };

  const afterCorrection = async (report: { version: number; reanchored: { anchored: number; moved: number; orphaned: number } }, what: string) => {
    await data.reload();
    onAnnotationsChanged();
    props.onDocumentChanged();
    const { anchored, moved, orphaned } = report.reanchored;
    const placed = anchored + moved;
    const total = placed + orphaned;
    toast(
      {
        text: total === 0 ? `${what} (version ${report.version}).` : `${what}: ${plural(placed, 'annotation')} re-anchored, ${orphaned} need${orphaned === 1 ? 's' : ''} review.`,
        tone: orphaned > 0 ? 'warn' : 'info',
      },
      orphaned > 0 ? 10_000 : 6000,
    );
  };

  const editPassage = async (passageId: string, text: string): Promise<boolean> => {
    try {
      const report = await api['documents.editPassage']({ docId, passageId, text });
      await afterCorrection(report, 'Passage corrected');
      return true;
    } catch (err) {
      fail('Could not save the correction', err);
      return false;
    }
  };

  const deletePassage = async (passageId: string): Promise<boolean> => {
    try {
      const report = await api['documents.deletePassage']({ docId, passageId });
      await afterCorrection(report, 'Passage deleted');
      return true;
    } catch (err) {
      fail('Could not delete the passage', err);
      return false;
    }
  };

  const saveMeta = async (changes: DocumentMetaChanges) => {
    try {
      const updated = await api['documents.updateMeta']({ id: docId, ...changes });
      data.setDocument(updated);
      props.onDocumentChanged();
      toast({ text: 'Details saved.' }, 2500);
    } catch (err) {
      throw new Error(errorMessage(err), { cause: err });
    }
  };

  const exportAs = async (format: ExportFormat) => {
    try {
      const file = await api['annotations.export']({ docId, format });
      saveFile(file);
      toast({ text: `Exported ${file.fileName}` }, 4000);
    } catch (err) {
      fail('Could not export', err);
    }
  };

  const importFile = async (file: File) => {
    try {
      const report = await api['annotations.importW3c']({ content: await file.text() });
      await data.reloadAnnotations();
      onAnnotationsChanged();
      const parts = [`${report.imported} imported`];
      if (report.skipped) parts.push(`${report.skipped} already here`);
      if (report.failed.length) parts.push(`${report.failed.length} failed (${truncate(report.failed.map((f) => f.error).join('; '), 160)})`);
      toast({ text: `${file.name}: ${parts.join(' · ')}`, tone: report.failed.length ? 'warn' : 'info' }, report.failed.length ? 15_000 : 6000);
    } catch (err) {
      fail(`Could not import ${file.name}`, err);
    }
  };

  const step = (delta: 1 | -1) => {
    if (ordered.length === 0) return;
    const current = ordered.findIndex((a) => a.id === activeRef.current);
    const next = current === -1 ? (delta === 1 ? 0 : ordered.length - 1) : (current + delta + ordered.length) % ordered.length;
    setActiveId(ordered[next].id);
    props.onNavigate(annotationRoute(docId, ordered[next].id));
  };

  const openAnnotation = (a: Annotation) => {
    setActiveId(a.id);
    props.onNavigate(annotationRoute(docId, a.id));
  };

  if (!doc) {
    return (
      <main className="reader-pane" data-testid="reader-pane">
        {data.loading && <p className="placeholder muted">Opening…</p>}
      </main>
    );
  }

  return (
    <>
      <main className="reader-pane" data-testid="reader-pane" ref={paneRef}>
        <ErrorBoundary area="the reader" resetKey={`${docId}:${props.targetSeq}`}>
          <Reader
            document={doc}
            annotations={annotations}
            target={props.target}
            scrollKey={props.targetSeq}
            terms={props.terms}
            searchMatches={props.search ? searchMatches.matches : null}
            search={
              props.search
                ? {
                    query: props.search.query,
                    loading: searchMatches.loading,
                    onStep: (passageId) => props.onNavigate(passageRoute(docId, passageId, props.search)),
                    onClear: clearSearch,
                  }
                : null
            }
            activeAnnotationId={activeId}
            reattaching={reattaching}
            panelOpen={props.panelOpen}
            annotationCount={annotations.length}
            scrollRef={paneRef}
            onClose={props.onClose}
            onTogglePanel={props.onTogglePanel}
            onCreate={create}
            onReattach={reattach}
            onCancelReattach={() => setReattaching(null)}
            onActivateAnnotation={(id) => {
              const a = annotations.find((x) => x.id === id);
              if (a) openAnnotation(a);
            }}
            onStepAnnotation={step}
            onEditPassage={editPassage}
            onDeletePassage={deletePassage}
            onSaveMeta={saveMeta}
            onCopyPassageLink={(passageId) => void copyLink(passageRoute(docId, passageId), 'passage')}
            tools={
              <>
                <TranslationsMenu docId={docId} links={translationLinks} onNavigate={props.onNavigate} />
                <AddTranslation
                  docId={docId}
                  compact={translationLinks.length > 0}
                  onLinked={() => {
                    refreshTranslations();
                    props.onDocumentChanged();
                  }}
                  onNavigate={props.onNavigate}
                  toast={toast}
                />
              </>
            }
            onFact={(range) => {
              setFactRange(range);
              setSideTab('facts');
              if (!props.panelOpen) props.onTogglePanel();
            }}
          />
        </ErrorBoundary>
        {props.target?.passageId && translationLinks.length > 0 && (
          <ErrorBoundary area="the aligned passage" resetKey={props.target.passageId}>
            <CounterpartCard docId={docId} passageId={props.target.passageId} links={translationLinks} onNavigate={props.onNavigate} />
          </ErrorBoundary>
        )}
      </main>
      {props.panelOpen && sideTab === 'facts' && (
        <ErrorBoundary area="the facts" resetKey={docId}>
          <FactsPanel
            document={doc}
            header={<SideTabs tab={sideTab} notes={annotations.length} facts={null} onChange={setSideTab} />}
            draftRange={factRange}
            onDraftDone={() => setFactRange(null)}
            onEvidenceChanged={() => {
              void data.reloadAnnotations();
              onAnnotationsChanged();
              props.onFactsChanged?.();
            }}
            onOpenPassage={(passageId) => props.onNavigate(passageRoute(docId, passageId))}
            toast={toast}
            onClose={props.onTogglePanel}
          />
        </ErrorBoundary>
      )}
      {props.panelOpen && sideTab === 'notes' && (
        <ErrorBoundary area="the annotations" resetKey={docId}>
          <AnnotationPanel
            document={doc}
            annotations={annotations}
            activeId={activeId}
            reattachingId={reattaching?.id ?? null}
            onOpen={openAnnotation}
            onUpdate={update}
            onDelete={(a) => void remove(a)}
            onCopyLink={(a) => void copyLink(annotationRoute(docId, a.id), 'annotation')}
            onReattach={setReattaching}
            onExport={(f) => void exportAs(f)}
            onImport={(f) => void importFile(f)}
            onClose={props.onTogglePanel}
            header={<SideTabs tab={sideTab} notes={annotations.length} facts={null} onChange={setSideTab} />}
          />
        </ErrorBoundary>
      )}
    </>
  );
}
