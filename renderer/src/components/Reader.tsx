// The reader: a document's text (virtualised for long documents) with its highlights, find-in-document,
// text selection → annotation toolbar, in-place corrections and the editable metadata.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Annotation, AnnotationColor, DocumentDetail, DocumentMetaChanges, Passage } from '../../../shared/types';
import { EVIDENCE_TAG } from '../../../shared/facts';
import { FindIndex, firstMatchFrom, MAX_FIND_MATCHES, stepMatch, type FindMatch } from '../lib/find';
import { plural } from '../lib/format';
import { truncate } from '../lib/format';
export { truncate };
import type { MatchRange } from '../lib/highlight';
import { isRtlLanguage } from '../lib/languages';
import type { HighlightSpan } from '../lib/segments';
import { selectionOffsets, type TextRange } from '../lib/selection';
import { estimateHeight } from '../lib/virtual';
import type { AnnotationBody } from './AnnotationForm';
import { HistoryIcon, PanelIcon, SearchIcon } from './icons';
import { FindBar } from './reader/FindBar';
import { MetaPanel } from './reader/MetaPanel';
import { firstOnPage } from './reader/PageMark';
import { PassageBlock, type PassageBlockProps } from './reader/PassageBlock';
import { passageElementId } from './reader/PassageText';
import { SelectionToolbar, type ToolbarPosition } from './reader/SelectionToolbar';
import { ShortcutHelp } from './reader/ShortcutHelp';
import { VersionHistory } from './reader/VersionHistory';
import { VirtualList, type VirtualListHandle } from './reader/VirtualList';
import { keyboardSelect } from './reader/keyboard-selection';
import { useKeyboardSelection } from './reader/useKeyboardSelection';
import { useRovingFocus } from '../lib/roving';
import './reader/reader.css';

export { passageElementId };

export interface ReaderTarget {
  passageId?: string;
  annotationId?: string;
}

export interface ReaderSearch {
  query: string;
  /** The matches are still being fetched. */
  loading?: boolean;
  onStep(passageId: string): void;
  onClear(): void;
}

export interface NewAnnotationInput extends AnnotationBody {
  start: number;
  end: number;
}

interface Props {
  document: DocumentDetail;
  annotations?: readonly Annotation[];
  /** Passage or annotation to scroll to and mark (deep link, search hit, sidebar click). */
  target?: ReaderTarget | null;
  /** Legacy name for a passage target. */
  targetPassageId?: string | null;
  /** Changes whenever the user opens (again) a document or target: scroll to it anew. */
  scrollKey?: number;
  /** Words to highlight in the text (wherever they start a word). */
  terms: string[];
  /** Matches of the search this document was opened from, by passage id (offsets into the passage text). */
  searchMatches?: ReadonlyMap<string, readonly MatchRange[]> | null;
  /** That search: named in the bar above the text, which steps through and clears its matches. */
  search?: ReaderSearch | null;
  activeAnnotationId?: string | null;
  /** An orphaned annotation waiting for the user to select its new place. */
  reattaching?: Annotation | null;
  panelOpen?: boolean;
  annotationCount?: number;
  /** The scrolling element around the reader (the reader pane). */
  scrollRef?: RefObject<HTMLElement | null>;
  onClose(): void;
  onTogglePanel?(): void;
  onCreate?(input: NewAnnotationInput): Promise<boolean>;
  onReattach?(range: TextRange): Promise<boolean>;
  onCancelReattach?(): void;
  onActivateAnnotation?(id: string): void;
  onStepAnnotation?(delta: 1 | -1): void;
  onEditPassage?(passageId: string, text: string): Promise<boolean>;
  onDeletePassage?(passageId: string): Promise<boolean>;
  onSaveMeta?(changes: DocumentMetaChanges): Promise<void>;
  onCopyPassageLink?(passageId: string): void;
  /** "Fact" in the selection toolbar: record a fact with the selection as evidence. */
  onFact?(range: TextRange): void;
  /** Extra tools at the start of the toolbar (e.g. "Side by side" with a translation). */
  tools?: ReactNode;
}

interface SelectionState extends TextRange {
  position: ToolbarPosition;
}

const NO_ANNOTATIONS: readonly Annotation[] = [];
const NO_TERMS: readonly string[] = [];
const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

/** Index of the passage containing document offset `offset` (passages are sorted by start). */
export function passageIndexAt(passages: readonly Passage[], offset: number): number {
  let lo = 0;
  let hi = passages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (passages[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Anchored annotations grouped by the passages they touch (an annotation may span several). */
function spansByPassage(
  passages: readonly Passage[],
  annotations: readonly Annotation[],
  text: string,
): Map<string, HighlightSpan[]> {
  const out = new Map<string, HighlightSpan[]>();
  for (const a of annotations) {
    // Orphans keep their last offsets, which may point anywhere: they are listed, never drawn.
    if (a.status === 'orphaned' || a.end > text.length || text.slice(a.start, a.end) !== a.exact) continue;
    for (let i = passageIndexAt(passages, a.start); i < passages.length && passages[i].start < a.end; i++) {
      const p = passages[i];
      if (p.end <= a.start) continue;
      const list = out.get(p.id) ?? [];
      list.push({ id: a.id, color: a.color, start: a.start, end: a.end, evidence: a.tags.includes(EVIDENCE_TAG) });
      out.set(p.id, list);
    }
  }
  return out;
}

export function Reader(props: Props) {
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
  const findInputRef = useRef<HTMLInputElement>(null);

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

  // ---- find in document
  const [findOpen, setFindOpen] = useState(false);
  const [findQuery, setFindQuery] = useState('');
  const [findCurrent, setFindCurrent] = useState(-1);
  const findIndex = useMemo(() => new FindIndex(doc.passages), [doc.passages]);
  const matches = useMemo<FindMatch[]>(
    () => (findOpen && findQuery.trim() ? findIndex.find(findQuery) : []),
    [findOpen, findQuery, findIndex],
  );
  const findsByPassage = useMemo(() => {
    const out = new Map<string, Array<{ index: number; start: number; end: number }>>();
    matches.forEach((m, index) => {
      const id = doc.passages[m.passageIndex].id;
      const list = out.get(id) ?? [];
      list.push({ index, start: m.start, end: m.end });
      out.set(id, list);
    });
    return out;
  }, [matches, doc.passages]);

  // ---- selection, editing, popovers
  const [selection, setSelection] = useState<SelectionState | null>(null);
  const [form, setForm] = useState<'note' | 'tags' | null>(null);
  const [busy, setBusy] = useState(false);
  const [lastColor, setLastColor] = useState<AnnotationColor>('yellow');
  const [editingId, setEditingId] = useState<string | null>(null);
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const [passageBusy, setPassageBusy] = useState(false);
  const [metaEditing, setMetaEditing] = useState(false);
  const [metaBusy, setMetaBusy] = useState(false);
  const [popover, setPopover] = useState<'history' | 'help' | null>(null);
  const [flashId, setFlashId] = useState<string | null>(null);
  const keys = useKeyboardSelection(articleRef, doc.text, doc.passages, spans);
  const { forget, focusPassageAt } = keys;
  const selectionRef = useRef(selection);
  useEffect(() => {
    selectionRef.current = selection;
  }, [selection]);

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
  }, [doc.id, forget]);

  /** Brings a passage into view (rendering it first if the list is windowed), then runs `then` on its element. */
  const reveal = useCallback(
    (passageIndex: number, then?: (el: HTMLElement) => void) => {
      const passage = doc.passages[passageIndex];
      if (!passage) return;
      const bodyIndex = passageIndex - bodyOffset;
      if (bodyIndex >= 0) listRef.current?.scrollToIndex(bodyIndex);
      let tries = 0;
      const step = () => {
        const el = articleRef.current?.ownerDocument.getElementById(passageElementId(passage.id));
        if (el) {
          el.scrollIntoView({ block: 'center' });
          // Measuring freshly rendered neighbours can shift the layout a little: settle once more.
          requestAnimationFrame(() => {
            const again = articleRef.current?.ownerDocument.getElementById(passageElementId(passage.id));
            if (again) {
              if (!then) again.scrollIntoView({ block: 'center' });
              then?.(again);
            }
          });
        } else if (tries++ < 30) requestAnimationFrame(step);
      };
      step();
    },
    [doc.passages, bodyOffset],
  );

  // ---- deep links: scroll to the target passage or annotation whenever a link is opened.
  const annotationsRef = useRef(annotations);
  annotationsRef.current = annotations;
  const targetKey = target ? `${target.passageId ?? ''}|${target.annotationId ?? ''}` : '';
  useEffect(() => {
    const pane = paneRef.current ?? (articleRef.current?.closest('.reader-pane') as HTMLElement | null);
    if (!target) {
      pane?.scrollTo?.({ top: 0 });
      return;
    }
    if (target.passageId) {
      const index = doc.passages.findIndex((p) => p.id === target.passageId);
      if (index < 0) return;
      reveal(index, (el) => {
        el.scrollIntoView({ block: 'center' });
        el.focus({ preventScroll: true });
      });
    } else if (target.annotationId) {
      const a = annotationsRef.current.find((x) => x.id === target.annotationId);
      if (!a || a.status === 'orphaned') return;
      const id = a.id;
      reveal(passageIndexAt(doc.passages, a.start), (el) => {
        const mark = el.ownerDocument.querySelector(`[data-annotation-ids~="${id}"]`);
        (mark ?? el).scrollIntoView({ block: 'center' });
        setFlashId(id);
      });
    }
    // Only a new link (or a new document) scrolls; edits to the text or the annotations do not.
  }, [doc.id, scrollKey, targetKey]);

  useEffect(() => {
    if (!flashId) return;
    const t = setTimeout(() => setFlashId(null), 1600);
    return () => clearTimeout(t);
  }, [flashId]);

  // ---- find: show the current match
  const goToMatch = useCallback(
    (index: number) => {
      const m = matches[index];
      setFindCurrent(index);
      if (!m) return;
      reveal(m.passageIndex, (el) => {
        const hit = el.querySelector(`[data-find="${index}"]`) ?? el;
        hit.scrollIntoView({ block: 'center' });
      });
    },
    [matches, reveal],
  );

  // A new query shows the first match after the current reading position.
  useEffect(() => {
    if (matches.length === 0) {
      setFindCurrent(-1);
      return;
    }
    const pane = paneRef.current;
    let from = 0;
    const range = listRef.current?.renderedRange();
    if (pane && range && pane.scrollTop > 0) {
      const p = body[range[0]];
      if (p) from = p.start;
    }
    goToMatch(firstMatchFrom(matches, from));
  }, [matches]);

  const openFind = useCallback(() => {
    setFindOpen(true);
    requestAnimationFrame(() => {
      findInputRef.current?.focus();
      findInputRef.current?.select();
    });
  }, []);

  const closeFind = useCallback(() => {
    setFindOpen(false);
    setFindCurrent(-1);
  }, []);

  // ---- selection → toolbar
  const clearSelection = useCallback(() => {
    const was = selectionRef.current;
    // Focus in the toolbar (its note form, a button) goes back to the text it was about, not to the page.
    const inToolbar = !!articleRef.current?.ownerDocument.activeElement?.closest('.selection-toolbar');
    setSelection(null);
    setForm(null);
    forget();
    articleRef.current?.ownerDocument.getSelection()?.removeAllRanges();
    if (inToolbar && was) focusPassageAt(was.start);
  }, [forget, focusPassageAt]);

  const captureSelection = useCallback((): SelectionState | null => {
    const article = articleRef.current;
    if (!article) return null;
    const offsets = selectionOffsets(article, doc.text);
    if (!offsets) return null;
    const sel = article.ownerDocument.getSelection();
    const rect = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).getBoundingClientRect() : null;
    const art = article.getBoundingClientRect();
    const pane = paneRef.current?.getBoundingClientRect();
    const width = art.width || 600;
    const half = 170;
    const left = rect
      ? Math.min(Math.max(rect.left + rect.width / 2 - art.left, half), Math.max(half, width - half))
      : width / 2;
    const roomAbove = rect ? rect.top - (pane?.top ?? 0) > 110 : true;
    const top = rect ? (roomAbove ? rect.top - art.top : rect.bottom - art.top) : 0;
    return { ...offsets, position: { top, left, below: !roomAbove } };
  }, [doc.text, paneRef]);

  // A selection may end outside the text column (a drag past the margin): listen on the window.
  const formRef = useRef(form);
  formRef.current = form;
  const activateRef = useRef(props.onActivateAnnotation);
  activateRef.current = props.onActivateAnnotation;
  useEffect(() => {
    const onMouseUp = (e: MouseEvent) => {
      const article = articleRef.current;
      const clickTarget = e.target instanceof Element ? e.target : null;
      if (!article || formRef.current || e.button !== 0 || clickTarget?.closest('.selection-toolbar')) return;
      // Let the browser finish the selection first.
      setTimeout(() => {
        forget();
        const next = captureSelection();
        setSelection(next);
        if (next || !clickTarget || !article.contains(clickTarget)) return;
        // A click (no selection) on a highlight selects its annotation.
        const ids = clickTarget.closest('[data-annotation-ids]')?.getAttribute('data-annotation-ids')?.split(' ');
        if (ids?.length && article.ownerDocument.getSelection()?.isCollapsed !== false)
          activateRef.current?.(ids[ids.length - 1]);
      }, 0);
    };
    window.addEventListener('mouseup', onMouseUp);
    return () => window.removeEventListener('mouseup', onMouseUp);
  }, [captureSelection, forget]);

  const create = async (body: AnnotationBody) => {
    const sel = selection ?? captureSelection();
    if (!sel || !props.onCreate) return;
    setBusy(true);
    try {
      const ok = await props.onCreate({ start: sel.start, end: sel.end, ...body });
      if (ok) {
        setLastColor(body.color);
        // Words selected with the keys stay selected for the next command (F, another colour…).
        if (keys.created(sel, body)) {
          setSelection(null);
          setForm(null);
        } else clearSelection();
      }
    } finally {
      setBusy(false);
    }
  };

  const attach = async () => {
    const sel = selection ?? captureSelection();
    if (!sel || !props.onReattach) return;
    setBusy(true);
    try {
      if (await props.onReattach({ start: sel.start, end: sel.end })) clearSelection();
    } finally {
      setBusy(false);
    }
  };

  // ---- keyboard shortcuts inside the reader
  const stateRef = useRef({ selection, form, findOpen, popover, editingId, confirmingId, reattaching, kept: false });
  stateRef.current = {
    selection,
    form,
    findOpen,
    popover,
    editingId,
    confirmingId,
    reattaching,
    kept: keys.kept !== null,
  };
  const fact = (sel: TextRange) => {
    if (!props.onFact) return;
    props.onFact({ start: sel.start, end: sel.end });
    clearSelection();
  };
  const handlersRef = useRef({ create, fact, openFind, closeFind, clearSelection, captureSelection, lastColor });
  handlersRef.current = { create, fact, openFind, closeFind, clearSelection, captureSelection, lastColor };

  const onStep = props.onStepAnnotation;
  const onCancelReattach = props.onCancelReattach;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = stateRef.current;
      const h = handlersRef.current;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        h.openFind();
        return;
      }
      if (e.key === 'Escape') {
        if (s.form || s.selection || s.kept) h.clearSelection();
        else if (s.popover) setPopover(null);
        else if (s.confirmingId) setConfirmingId(null);
        else if (s.findOpen) h.closeFind();
        else if (s.reattaching) onCancelReattach?.();
        else return;
        e.preventDefault();
        return;
      }
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const key = e.key;
      if (key === 'h' || key === 'H' || key === 'n' || key === 'N') {
        const sel = s.selection ?? h.captureSelection();
        if (!sel) return;
        e.preventDefault();
        if (s.reattaching) return;
        setSelection(sel);
        if (key.toLowerCase() === 'h') void h.create({ color: h.lastColor, note: '', tags: [] });
        else setForm('note');
      } else if (key === 'f' || key === 'F') {
        // A fact from the selection: the facts panel opens with a form filled from it (focus goes there).
        const sel = s.selection ?? h.captureSelection();
        if (!sel || s.reattaching) return;
        e.preventDefault();
        h.fact(sel);
      } else if (key === '[' || key === ']') {
        e.preventDefault();
        onStep?.(key === ']' ? 1 : -1);
      } else if (key === '?') {
        e.preventDefault();
        setPopover((p) => (p === 'help' ? null : 'help'));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onStep, onCancelReattach]);

  // ---- corrections
  const onPassageAction = useCallback(
    (action: 'link' | 'edit' | 'delete' | 'confirm-delete' | 'cancel', passageId: string) => {
      if (action === 'link') props.onCopyPassageLink?.(passageId);
      else if (action === 'edit') {
        setConfirmingId(null);
        setEditingId(passageId);
      } else if (action === 'delete') setConfirmingId(passageId);
      else if (action === 'cancel') {
        setEditingId(null);
        setConfirmingId(null);
      } else if (action === 'confirm-delete' && props.onDeletePassage) {
        setPassageBusy(true);
        props
          .onDeletePassage(passageId)
          .then((ok) => ok && setConfirmingId(null))
          .finally(() => setPassageBusy(false));
      }
    },
    [props.onCopyPassageLink, props.onDeletePassage],
  );

  const onPassageSave = useCallback(
    (passageId: string, text: string) => {
      if (!props.onEditPassage) return;
      setPassageBusy(true);
      props
        .onEditPassage(passageId, text)
        .then((ok) => ok && setEditingId(null))
        .finally(() => setPassageBusy(false));
    },
    [props.onEditPassage],
  );

  const saveMeta = async (changes: DocumentMetaChanges) => {
    if (!props.onSaveMeta) return;
    setMetaBusy(true);
    try {
      await props.onSaveMeta(changes);
      setMetaEditing(false);
    } finally {
      setMetaBusy(false);
    }
  };

  const currentMatch = matches[findCurrent];
  const highlightId = activeAnnotationId ?? flashId;
  const blockProps = (p: Passage): PassageBlockProps => {
    const passageSpans = spans.get(p.id);
    const pending = selection && form && selection.start < p.end && selection.end > p.start ? selection : null;
    return {
      passage: p,
      annotations: passageSpans,
      finds: findsByPassage.get(p.id),
      currentFind: currentMatch && doc.passages[currentMatch.passageIndex]?.id === p.id ? findCurrent : -1,
      terms: terms.length ? terms : NO_TERMS,
      matches: props.searchMatches?.get(p.id),
      pending,
      activeAnnotationId: highlightId && passageSpans?.some((s) => s.id === highlightId) ? highlightId : null,
      isTarget: target?.passageId === p.id,
      editing: editingId === p.id,
      confirmingDelete: confirmingId === p.id,
      busy: passageBusy,
      lastPassage: doc.passages.length === 1,
      onAction: onPassageAction,
      onSave: onPassageSave,
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
      <div className="reader__toolbar" lang="en" dir="ltr">
        {props.search ? (
          <SearchMatchBar
            doc={doc}
            search={props.search}
            matches={props.searchMatches ?? null}
            targetPassageId={target?.passageId ?? null}
          />
        ) : (
          <span className="muted reader__file" title={doc.originalName ?? undefined}>
            {doc.originalName ?? doc.mediaType} · {plural(doc.passages.length, 'passage')}
          </span>
        )}
        <div className="reader__tools">
          {props.tools}
          <button
            type="button"
            className="tool-button"
            onClick={() => (findOpen ? closeFind() : openFind())}
            aria-pressed={findOpen}
            title="Find in document (Ctrl+F)"
            data-testid="find-toggle"
          >
            <SearchIcon /> Find
          </button>
          <button
            type="button"
            className="tool-button"
            onClick={() => setPopover((p) => (p === 'history' ? null : 'history'))}
            aria-expanded={popover === 'history'}
            aria-haspopup="dialog"
            aria-label={`Version history: v${doc.version}`}
            title={`Version history (this text is version ${doc.version})`}
            data-testid="history-toggle"
          >
            <HistoryIcon /> v{doc.version}
          </button>
          <button
            type="button"
            className="tool-button"
            onClick={() => setPopover((p) => (p === 'help' ? null : 'help'))}
            aria-expanded={popover === 'help'}
            aria-haspopup="dialog"
            aria-label="Keyboard shortcuts (?)"
            title="Keyboard shortcuts (?)"
            data-testid="help-toggle"
          >
            ?
          </button>
          {props.onTogglePanel && (
            <button
              type="button"
              className="tool-button"
              onClick={props.onTogglePanel}
              aria-pressed={panelOpen}
              aria-label={`Annotations: ${props.annotationCount ?? 0}`}
              title={`Annotations panel (${props.annotationCount ?? 0} in this document)`}
              data-testid="panel-toggle"
            >
              <PanelIcon /> {props.annotationCount ?? 0}
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label="Close document"
            title="Close"
            onClick={onClose}
            data-testid="reader-close"
          >
            ×
          </button>
        </div>
        {popover === 'history' && (
          <VersionHistory
            docId={doc.id}
            current={doc.version}
            textLength={doc.text.length}
            onClose={() => setPopover(null)}
          />
        )}
        {popover === 'help' && <ShortcutHelp onClose={() => setPopover(null)} />}
      </div>
      {findOpen && (
        <div className="reader__findrow" lang="en" dir="ltr">
          <FindBar
            ref={findInputRef}
            query={findQuery}
            count={matches.length}
            current={findCurrent}
            capped={matches.length >= MAX_FIND_MATCHES}
            onChange={setFindQuery}
            onStep={(d) => goToMatch(stepMatch(findCurrent, matches.length, d))}
            onClose={closeFind}
          />
        </div>
      )}
      {reattaching && (
        <div className="reattach-banner" role="status" lang="en" dir="ltr" data-testid="reattach-banner">
          <span>
            Select the new place for “<q dir="auto">{truncate(reattaching.exact, 80)}</q>”, then choose{' '}
            <strong>Attach here</strong>.
          </span>
          <button type="button" className="button button--quiet button--small" onClick={props.onCancelReattach}>
            Cancel
          </button>
        </div>
      )}
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
        <MetaPanel document={doc} busy={metaBusy} editing={metaEditing} onEdit={setMetaEditing} onSave={saveMeta} />
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
      {(selection || form) && selection && (
        <SelectionToolbar
          position={selection.position}
          form={form}
          defaultColor={lastColor}
          busy={busy}
          reattaching={reattaching !== null}
          lang={lang}
          onHighlight={(color) => void create({ color, note: '', tags: [] })}
          onOpenForm={setForm}
          onSubmit={(b) => void create(b)}
          onAttach={() => void attach()}
          onFact={
            props.onFact
              ? () => {
                  const sel = selection ?? captureSelection();
                  if (sel) fact(sel);
                }
              : undefined
          }
          onCancel={() => (reattaching && !form ? props.onCancelReattach?.() : clearSelection())}
        />
      )}
      {/* A live region, not a paragraph of the document: content selectors (article p) must not meet it. */}
      <div className="visually-hidden" role="status" lang="en" dir="ltr" data-testid="reader-announce">
        {keys.announcement}
      </div>
    </article>
  );
}

/** In the reader's toolbar: “Sahakyan” · 3 matches in 3 passages, with previous/next passage and clear. */
function SearchMatchBar({
  doc,
  search,
  matches,
  targetPassageId,
}: {
  doc: DocumentDetail;
  search: ReaderSearch;
  matches: ReadonlyMap<string, readonly MatchRange[]> | null;
  targetPassageId: string | null;
}) {
  const order = useMemo(
    () => doc.passages.map((p, i) => ({ id: p.id, i, n: matches?.get(p.id)?.length ?? 0 })).filter((x) => x.n > 0),
    [doc.passages, matches],
  );
  const total = order.reduce((sum, x) => sum + x.n, 0);
  const targetIndex = targetPassageId ? doc.passages.findIndex((p) => p.id === targetPassageId) : -1;
  const current = order.findIndex((x) => x.id === targetPassageId);
  const next = current >= 0 ? order[current + 1] : order.find((x) => x.i > targetIndex);
  const prev = current >= 0 ? order[current - 1] : [...order].reverse().find((x) => x.i < targetIndex);
  return (
    <div
      className="reader-search"
      role="status"
      aria-label="Search matches in this document"
      data-testid="reader-search"
    >
      <span className="reader-search__swatch" aria-hidden="true" title="Search matches are underlined like this" />
      <span className="reader-search__text" title={`Matches of the search “${search.query}”`}>
        <span dir="auto" className="reader-search__query">
          {search.query}
        </span>
        <span className="reader-search__count" data-testid="reader-search-count">
          {search.loading
            ? 'finding…'
            : total === 0
              ? 'matched a title, note or tag'
              : `${plural(total, 'match', 'matches')} in ${plural(order.length, 'passage')}`}
        </span>
      </span>
      <span className="reader-search__actions">
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Previous passage with matches"
          title="Previous passage with matches"
          disabled={!prev}
          onClick={() => prev && search.onStep(prev.id)}
          data-testid="reader-search-prev"
        >
          ‹
        </button>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Next passage with matches"
          title="Next passage with matches"
          disabled={!next}
          onClick={() => next && search.onStep(next.id)}
          data-testid="reader-search-next"
        >
          ›
        </button>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Clear the search highlights"
          title="Clear the search highlights"
          onClick={search.onClear}
          data-testid="reader-search-clear"
        >
          ×
        </button>
      </span>
    </div>
  );
}
