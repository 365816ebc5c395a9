// An open document: the reader pane and the side panel (annotations or facts). The writes live in
// hooks/useDocumentWrites; this component holds what is on screen: the active annotation, the orphan being
// re-attached, the side tab, and the search the document was opened from.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/types';
import { useDocumentData } from '../hooks/useDocumentData';
import { useDocumentWrites } from '../hooks/useDocumentWrites';
import { useSearchMatches } from '../hooks/useSearchMatches';
import type { PushToast } from '../hooks/useToasts';
import { annotationRoute, passageRoute, type Route, type RouteSearch } from '../lib/routes';
import type { TextRange } from '../lib/selection';
import { DocumentSidePanel } from './DocumentSidePanel';
import { ErrorBoundary } from './ErrorBoundary';
import type { SideTab } from './facts/SideTabs';
import { CounterpartCard } from './parallel/CounterpartCard';
import { TranslationTools } from './parallel/TranslationTools';
import { useTranslationLinks } from './parallel/TranslationsMenu';
import { annotationOfHit, focusPassage } from './reader/document-helpers';
import { Reader, type ReaderTarget } from './Reader';

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
  /** Opens the side panel and puts it on screen. */
  onShowPanel(): void;
  onNavigate(route: Route): void;
  onClose(): void;
  toast: PushToast;
  /** An error worth the banner (loading failed). */
  onError(message: string): void;
}

/** The side panel keeps its tab from one document to the next. */
let lastSideTab: SideTab = 'notes';

export function DocumentView(props: Props) {
  const { docId, toast, target, targetSeq, onNavigate } = props;
  const data = useDocumentData(docId);
  const writes = useDocumentWrites(docId, data, toast);
  const { document: doc, annotations } = data;
  const paneRef = useRef<HTMLElement>(null);
  const { links: translationLinks, refresh: refreshTranslations } = useTranslationLinks(docId);
  const [sideTab, setSideTabState] = useState<SideTab>(lastSideTab);
  const setSideTab = useCallback((tab: SideTab) => {
    lastSideTab = tab;
    setSideTabState(tab);
  }, []);
  const [factRange, setFactRange] = useState<TextRange | null>(null);

  // The annotation of a deep link is the active one; an orphan's link ("Open to re-attach") starts
  // re-attaching it. Both follow each navigation, not each change of the list.
  const orphanOfTarget = () =>
    annotations.find((a) => a.id === target?.annotationId && a.status === 'orphaned') ?? null;
  const [activeId, setActiveIdState] = useState<string | null>(target?.annotationId ?? null);
  const [reattaching, setReattaching] = useState<Annotation | null>(orphanOfTarget);
  const [seen, setSeen] = useState({ seq: targetSeq, loaded: doc !== null });
  if (seen.seq !== targetSeq || seen.loaded !== (doc !== null)) {
    setSeen({ seq: targetSeq, loaded: doc !== null });
    if (seen.seq !== targetSeq) setActiveIdState(target?.annotationId ?? null);
    const orphan = orphanOfTarget();
    if (orphan) setReattaching(orphan);
  }
  // Read synchronously by [ and ]: two quick presses must not both start from the same annotation.
  const activeRef = useRef<string | null>(activeId);
  useEffect(() => {
    activeRef.current = activeId;
  }, [activeId]);
  const setActiveId = useCallback((id: string | null) => {
    activeRef.current = id;
    setActiveIdState(id);
  }, []);

  const { onError } = props;
  useEffect(() => {
    if (data.error) onError(data.error);
  }, [data.error, onError]);

  // ---- the search this document was opened from: its matches, and note/tag hits → their annotation
  const searchMatches = useSearchMatches(docId, props.search, props.hitMatches);
  const resolvedSeq = useRef(-1);
  useEffect(() => {
    const search = props.search;
    const passage = doc?.passages.find((p) => p.id === target?.passageId);
    if (!search || !passage || searchMatches.loading || !searchMatches.matches) return;
    if (resolvedSeq.current === targetSeq) return;
    resolvedSeq.current = targetSeq;
    if ((searchMatches.matches.get(passage.id)?.length ?? 0) > 0) return;
    const best = annotationOfHit(search, passage, annotations);
    if (best) onNavigate(annotationRoute(docId, best.id, search));
  }, [doc, annotations, searchMatches, props.search, target?.passageId, targetSeq, docId, onNavigate]);

  const clearSearch = () => {
    if (target?.passageId) onNavigate(passageRoute(docId, target.passageId));
    else if (target?.annotationId) onNavigate(annotationRoute(docId, target.annotationId));
    else onNavigate({ name: 'doc', docId });
  };

  const ordered = useMemo(
    () => annotations.filter((a) => a.status !== 'orphaned').sort((a, b) => a.start - b.start || a.end - b.end),
    [annotations],
  );

  const openAnnotation = (a: Annotation) => {
    setActiveId(a.id);
    onNavigate(annotationRoute(docId, a.id));
  };

  const step = (delta: 1 | -1) => {
    if (ordered.length === 0) return;
    const current = ordered.findIndex((a) => a.id === activeRef.current);
    const next =
      current === -1 ? (delta === 1 ? 0 : ordered.length - 1) : (current + delta + ordered.length) % ordered.length;
    openAnnotation(ordered[next]);
  };

  const create = async (input: Parameters<typeof writes.createAnnotation>[0]) => {
    const created = await writes.createAnnotation(input);
    if (created) setActiveId(created.id);
    return created !== null;
  };

  const remove = async (a: Annotation) => {
    if ((await writes.deleteAnnotation(a)) && reattaching?.id === a.id) setReattaching(null);
  };

  const reattach = async (range: TextRange) => {
    const placed = reattaching ? await writes.reattachAnnotation(reattaching.id, range) : null;
    if (!placed) return false;
    setReattaching(null);
    setActiveId(placed.id);
    return true;
  };

  if (!doc) {
    return (
      <main className="reader-pane" data-testid="reader-pane">
        {data.loading && <p className="placeholder muted">Opening…</p>}
      </main>
    );
  }

  const readerSearch = props.search
    ? {
        query: props.search.query,
        loading: searchMatches.loading,
        onStep: (passageId: string) => onNavigate(passageRoute(docId, passageId, props.search)),
        onClear: clearSearch,
      }
    : null;
  const translationTools = (
    <TranslationTools
      docId={docId}
      links={translationLinks}
      onRefresh={refreshTranslations}
      onNavigate={onNavigate}
      toast={toast}
    />
  );

  return (
    <>
      <main className="reader-pane" data-testid="reader-pane" ref={paneRef}>
        <ErrorBoundary area="the reader" resetKey={`${docId}:${targetSeq}`}>
          <Reader
            document={doc}
            annotations={annotations}
            target={target}
            scrollKey={targetSeq}
            terms={props.terms}
            searchMatches={props.search ? searchMatches.matches : null}
            search={readerSearch}
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
            onEditPassage={writes.editPassage}
            onDeletePassage={writes.deletePassage}
            onSaveMeta={writes.saveMeta}
            onCopyPassageLink={(passageId) => void writes.copyLink(passageRoute(docId, passageId), 'passage')}
            tools={translationTools}
            onFact={(range) => {
              setFactRange(range);
              setSideTab('facts');
              props.onShowPanel();
            }}
          />
        </ErrorBoundary>
        {target?.passageId && translationLinks.length > 0 && (
          <ErrorBoundary area="the aligned passage" resetKey={target.passageId}>
            <CounterpartCard
              docId={docId}
              passageId={target.passageId}
              links={translationLinks}
              onNavigate={onNavigate}
            />
          </ErrorBoundary>
        )}
      </main>
      {props.panelOpen && (
        <DocumentSidePanel
          document={doc}
          annotations={annotations}
          tab={sideTab}
          onTab={setSideTab}
          activeId={activeId}
          reattachingId={reattaching?.id ?? null}
          factRange={factRange}
          onFactDone={() => {
            // The form closes (saved or cancelled): focus goes back to the passage the fact was taken from.
            if (factRange) focusPassage(doc.passages, factRange.start);
            setFactRange(null);
          }}
          onOpenAnnotation={openAnnotation}
          onOpenPassage={(passageId) => onNavigate(passageRoute(docId, passageId))}
          onUpdate={writes.updateAnnotation}
          onDelete={(a) => void remove(a)}
          onCopyLink={(a) => void writes.copyLink(annotationRoute(docId, a.id), 'annotation')}
          onReattach={setReattaching}
          onExport={(f) => void writes.exportAnnotations(f)}
          onImport={(f) => void writes.importAnnotations(f)}
          onClose={props.onTogglePanel}
          toast={toast}
        />
      )}
    </>
  );
}
