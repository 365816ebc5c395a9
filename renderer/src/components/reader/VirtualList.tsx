// Renders only the items near the viewport of a scrolling ancestor (the reader pane). Items sit in the
// normal flow between two spacer blocks, so text selection, find marks and browser scroll anchoring work
// as in a plain document; measured heights replace estimates as items render.
import {
  forwardRef,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type Ref,
  type RefObject,
} from 'react';
import { computeWindow, HeightModel } from '../../lib/virtual';

export interface VirtualListHandle {
  /** Scrolls so that item `index` is rendered and roughly centred. */
  scrollToIndex(index: number): void;
  /** The range of rendered items [start, end). */
  renderedRange(): [number, number];
}

interface Props<T> {
  items: readonly T[];
  /** The scrolling ancestor; found from the DOM (the reader pane, or the nearest scroller) when absent. */
  scrollRef?: RefObject<HTMLElement | null>;
  estimate(item: T, width: number): number;
  itemKey(item: T): string;
  renderItem(item: T, index: number): ReactNode;
  /** An index that must stay rendered (the passage being edited, a target being revealed). */
  pinIndex?: number;
  /** Extra pixels rendered above and below the viewport. */
  overscan?: number;
  className?: string;
}

/** Viewport height assumed before the pane has been laid out (and in layout-less test DOMs). */
const FALLBACK_VIEWPORT = 1200;
const DEFAULT_WIDTH = 680;

function VirtualListInner<T>(
  { items, scrollRef, estimate, itemKey, renderItem, pinIndex = -1, overscan = 800, className }: Props<T>,
  ref: Ref<VirtualListHandle>,
) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLElement | null>(null);
  const [width, setWidth] = useState(0);
  const [view, setView] = useState({ top: 0, height: 0 });
  const [jumpPin, setJumpPin] = useState(-1);
  const [, setLayoutVersion] = useState(0);
  const estimateRef = useRef(estimate);
  estimateRef.current = estimate;

  const model = useMemo(
    () => new HeightModel(items.map((item) => estimateRef.current(item, width || DEFAULT_WIDTH))),
    [items, width],
  );

  /** Where the list's top sits inside the scrolling content. */
  const bodyOffset = (pane: HTMLElement, body: HTMLElement) =>
    body.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;

  useEffect(() => {
    const body = bodyRef.current;
    const pane = scrollRef?.current ?? (body ? scrollParent(body) : null);
    paneRef.current = pane;
    if (!pane || !body) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const top = pane.scrollTop - bodyOffset(pane, body);
      const height = pane.clientHeight;
      setView((v) => (Math.abs(v.top - top) < 1 && v.height === height ? v : { top, height }));
      const w = Math.round(body.clientWidth);
      setWidth((old) => (w > 0 && Math.abs(old - w) > 2 ? w : old));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    pane.addEventListener('scroll', schedule, { passive: true });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
    observer?.observe(pane);
    observer?.observe(body);
    return () => {
      pane.removeEventListener('scroll', schedule);
      observer?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scrollRef]);

  const pin = pinIndex >= 0 ? pinIndex : jumpPin;
  const win = computeWindow(model, view.top, view.height || FALLBACK_VIEWPORT, overscan, pin);

  // Measure what was rendered; a changed height re-renders before the browser paints.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    let changed = false;
    for (const slot of Array.from(body.children) as HTMLElement[]) {
      const index = slot.dataset.index;
      if (index === undefined) continue;
      changed = model.measure(Number(index), slot.getBoundingClientRect().height) || changed;
    }
    if (changed) setLayoutVersion((v) => v + 1);
  });

  useImperativeHandle(
    ref,
    () => ({
      scrollToIndex(index: number) {
        const pane = paneRef.current;
        const body = bodyRef.current;
        if (!pane || !body || index < 0 || index >= model.count) return;
        const y =
          bodyOffset(pane, body) + model.offsetOf(index) - Math.max(0, (pane.clientHeight - model.height(index)) / 2);
        pane.scrollTop = Math.max(0, y);
        setJumpPin(index);
        setView({ top: pane.scrollTop - bodyOffset(pane, body), height: pane.clientHeight });
      },
      renderedRange: () => [win.start, win.end],
    }),
    [model, win.start, win.end],
  );

  return (
    <div
      ref={bodyRef}
      className={className}
      data-testid="virtual-list"
      data-total={items.length}
      data-rendered={`${win.start}-${win.end}`}
    >
      <div className="vlist__spacer" style={{ height: win.before }} aria-hidden="true" />
      {items.slice(win.start, win.end).map((item, k) => (
        <div key={itemKey(item)} className="vlist__slot" data-index={win.start + k}>
          {renderItem(item, win.start + k)}
        </div>
      ))}
      <div className="vlist__spacer" style={{ height: win.after }} aria-hidden="true" />
    </div>
  );
}

function scrollParent(el: HTMLElement): HTMLElement | null {
  const pane = el.closest<HTMLElement>('.reader-pane');
  if (pane) return pane;
  for (let p = el.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return p;
  }
  return (el.ownerDocument.scrollingElement as HTMLElement | null) ?? null;
}

export const VirtualList = forwardRef(VirtualListInner) as <T>(
  props: Props<T> & { ref?: Ref<VirtualListHandle> },
) => ReturnType<typeof VirtualListInner>;
