// The reader: a document's text as passages (windowed), its highlights, find in document, search matches,
// selection (mouse and keyboard) with the toolbar that highlights, notes and records facts, corrections of
// passages and metadata. The parts live in reader/: the toolbar, find, deep links, selection, keys, corrections.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, Passage } from '../../../shared/types';
import { truncate } from '../lib/format';
import { isRtlLanguage } from '../lib/languages';
import { useRovingFocus } from '../lib/roving';
import { estimateHeight } from '../lib/virtual';
import { MetaPanel } from './reader/MetaPanel';
import { FindRow, ReattachBanner } from './reader/ReaderBanners';
import { firstOnPage } from './reader/PageMark';
import { PassageBlock, type PassageBlockProps } from './reader/PassageBlock';
import { passageElementId } from './reader/PassageText';
import { ReaderToolbar, type ReaderPopover } from './reader/ReaderToolbar';
import { ReaderSelectionToolbar } from './reader/ReaderSelectionToolbar';
import { isTyping, passageIndexAt, spansByPassage } from './reader/spans';
import type { ReaderProps, ReaderTarget } from './reader/types';
import { useFind } from './reader/useFind';
import { keyboardSelect } from './reader/keyboard-selection';
import { useMetaEditing } from './reader/useMetaEditing';
import { useReaderSelection } from './reader/useReaderSelection';
import { usePassageCorrections } from './reader/usePassageCorrections';
import { useReaderShortcuts } from './reader/useReaderShortcuts';
import { useReveal } from './reader/useReveal';
import { useToolbarInset } from './reader/useToolbarInset';
import { VirtualList, type VirtualListHandle } from './reader/VirtualList';
import './reader/reader.css';

export { truncate, passageElementId, passageIndexAt };
export type { NewAnnotationInput, ReaderSearch, ReaderTarget } from './reader/types';

const NO_ANNOTATIONS: readonly Annotation[] = [];
const NO_TERMS: readonly string[] = [];

export function Reader(props: ReaderProps) {
  const {
    document: doc,
    annotations = NO_ANNOTATIONS,
    terms,
    scrollKey = 0,
    activeAnnotationId = null,
    reattaching = null,
    panelOpen = false,
    onClose,
  } = props;
  const target: ReaderTarget | null =
    props.target ?? (props.targetPassageId ? { passageId: props.targetPassageId } : null);
  const articleRef = useRef<HTMLElement>(null);
  const ownPaneRef = useRef<HTMLElement | null>(null);
  const paneRef = props.scrollRef ?? ownPaneRef;
  useEffect(() => {
    if (!props.scrollRef) ownPaneRef.current = articleRef.current?.closest<HTMLElement>('.reader-pane') ?? null;
  }, [props.scrollRef]);
  const listRef = useRef<VirtualListHandle>(null);
  // Passages are one Tab stop: Up/Down between them, Right/Left to a passage's tools (shown while focused).
  const rovingRef = useRovingFocus({ items: '.passage-block' });

  const lang = doc.lang && doc.lang !== 'und' ? doc.lang : undefined;
  const rtl = isRtlLanguage(doc.lang);

  // ---- structure: a first heading that repeats the title becomes the title itself (keeping its id).
  const first = doc.passages[0];
  const titlePassage = first && first.kind === 'heading' && first.text.trim() === doc.title.trim() ? first : null;
  const body = useMemo(() => (titlePassage ? doc.passages.slice(1) : doc.passages), [doc.passages, titlePassage]);
  const pageStarts = useMemo(() => firstOnPage(body), [body]);
  const bodyOffset = titlePassage ? 1 : 0;

  // ---- highlights
  const spans = useMemo(
    () => spansByPassage(doc.passages, annotations, doc.text),
    [doc.passages, doc.text, annotations],
  );

  // ---- selection, editing, popovers
  const [popover, setPopover] = useState<ReaderPopover>(null);
  const meta = useMetaEditing(props.onSaveMeta);
  const { setMetaEditing } = meta;
  const selecting = useReaderSelection({
    doc,
    spans,
    articleRef,
    paneRef,
    onCreate: props.onCreate,
    onReattach: props.onReattach,
    onFact: props.onFact,
    onActivateAnnotation: props.onActivateAnnotation,
  });
  const { selection, setSelection, form, setForm, keys, forget, clearSelection, captureSelection } = selecting;
  const { create, fact, lastColor } = selecting;

  const { reveal, flashId } = useReveal({
    doc,
    annotations,
    target,
    scrollKey,
    bodyOffset,
    articleRef,
    paneRef,
    listRef,
  });
  const find = useFind({ doc, body, reveal, paneRef, listRef });
  const { findOpen, findCurrent, matches, setFindCurrent, openFind, closeFind } = find;
  useToolbarInset(articleRef, findOpen);
  const corrections = usePassageCorrections({
    onCopyPassageLink: props.onCopyPassageLink,
    onEditPassage: props.onEditPassage,
    onDeletePassage: props.onDeletePassage,
  });
  const { editingId, setEditingId, confirmingId, setConfirmingId } = corrections;

  // A different document starts clean.
  useEffect(() => {
    setSelection(null);
    setForm(null);
    setEditingId(null);
    setConfirmingId(null);
    setMetaEditing(false);
    setPopover(null);
    setFindCurrent(-1);
    forget();
  }, [doc.id, forget, setEditingId, setConfirmingId, setFindCurrent, setSelection, setForm, setMetaEditing]);

  // ---- keyboard shortcuts inside the reader
  useReaderShortcuts({
    state: { selection, form, findOpen, popover, editingId, confirmingId, reattaching, kept: keys.kept !== null },
    handlers: { create, fact, openFind, closeFind, clearSelection, captureSelection, lastColor },
    setPopover,
    setConfirmingId,
    setSelection,
    setForm,
    onStep: props.onStepAnnotation,
    onCancelReattach: props.onCancelReattach,
  });

  const currentMatch = matches[findCurrent];
  const highlightId = activeAnnotationId ?? flashId;
  const blockProps = (p: Passage): PassageBlockProps => {
    const passageSpans = spans.get(p.id);
    const pending = selection && form && selection.start < p.end && selection.end > p.start ? selection : null;
    return {
      passage: p,
      annotations: passageSpans,
      finds: find.findsByPassage.get(p.id),
      currentFind: currentMatch && doc.passages[currentMatch.passageIndex]?.id === p.id ? findCurrent : -1,
      terms: terms.length ? terms : NO_TERMS,
      matches: props.searchMatches?.get(p.id),
      pending,
      activeAnnotationId: highlightId && passageSpans?.some((s) => s.id === highlightId) ? highlightId : null,
      isTarget: target?.passageId === p.id,
      editing: editingId === p.id,
      confirmingDelete: confirmingId === p.id,
      busy: corrections.passageBusy,
      lastPassage: doc.passages.length === 1,
      onAction: corrections.onPassageAction,
      onSave: corrections.onPassageSave,
      pageStart: pageStarts.has(p.id),
    };
  };

  const editingIndex = editingId ? body.findIndex((p) => p.id === editingId) : -1;
  const confirmingIndex = confirmingId ? body.findIndex((p) => p.id === confirmingId) : -1;

  return (
    // Text selection (mouse and keyboard) is read on the article.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <article
      className={`reader${flashId && flashId === highlightId ? ' reader--flash' : ''}`}
      lang={lang}
      dir={rtl ? 'rtl' : lang ? 'ltr' : 'auto'}
      ref={articleRef}
      data-testid="reader"
      data-doc-id={doc.id}
      data-version={doc.version}
      onKeyDown={(e) => {
        // A focused passage: Shift/Ctrl+arrows select words (reader/keyboard-selection.ts), then H, N or F.
        if (form || !keyboardSelect(e.nativeEvent)) return;
        const next = captureSelection();
        setSelection(next);
        keys.selectedByKeys(next);
      }}
      onKeyUp={(e) => {
        if (e.shiftKey && !form && !isTyping(e.target)) setSelection(captureSelection());
      }}
    >
      <ReaderToolbar
        doc={doc}
        search={props.search}
        searchMatches={props.searchMatches}
        targetPassageId={target?.passageId ?? null}
        tools={props.tools}
        findOpen={findOpen}
        onToggleFind={() => (findOpen ? closeFind() : openFind())}
        popover={popover}
        setPopover={setPopover}
        panelOpen={panelOpen}
        annotationCount={props.annotationCount}
        onTogglePanel={props.onTogglePanel}
        onClose={onClose}
      />
      {findOpen && <FindRow find={find} />}
      {reattaching && <ReattachBanner annotation={reattaching} onCancel={props.onCancelReattach} />}
      <header className="reader__header">
        {titlePassage ? (
          <PassageBlock
            {...blockProps(titlePassage)}
            as="h1"
            className="reader__title"
            testId={target?.passageId === titlePassage.id ? 'target-passage' : 'reader-title'}
          />
        ) : (
          <h1 className="reader__title" dir="auto" data-testid="reader-title">
            {doc.title}
          </h1>
        )}
        <MetaPanel
          document={doc}
          busy={meta.metaBusy}
          editing={meta.metaEditing}
          onEdit={setMetaEditing}
          onSave={meta.saveMeta}
        />
      </header>
      <div className="reader__body" ref={rovingRef}>
        {body.length === 0 && !titlePassage && <p className="muted">This document has no text.</p>}
        <VirtualList
          ref={listRef}
          items={body}
          scrollRef={props.scrollRef}
          estimate={(p, w) => estimateHeight(p.kind, p.text.length, w)}
          itemKey={(p) => p.id}
          renderItem={(p) => <PassageBlock {...blockProps(p)} />}
          pinIndex={editingIndex >= 0 ? editingIndex : confirmingIndex}
        />
      </div>
      <ReaderSelectionToolbar
        selecting={selecting}
        reattaching={reattaching !== null}
        lang={lang}
        canFact={!!props.onFact}
        onCancelReattach={props.onCancelReattach}
      />
      {/* A live region, not a paragraph of the document: content selectors (article p) must not meet it. */}
      <div className="visually-hidden" role="status" lang="en" dir="ltr" data-testid="reader-announce">
        {keys.announcement}
      </div>
    </article>
  );
}
