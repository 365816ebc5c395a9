// Selection → document offsets. Every rendered passage text element carries data-passage-start (its
// offset in DocumentDetail.text) and contains nothing but the passage's text nodes (plain or inside
// highlight marks), so walking its text nodes gives exact offsets, whatever the highlights are.

export const PASSAGE_START_ATTR = 'data-passage-start';
const PASSAGE_SELECTOR = `[${PASSAGE_START_ATTR}]`;

export interface TextRange {
  start: number;
  end: number;
}

const passageStart = (el: Element) => Number(el.getAttribute(PASSAGE_START_ATTR));

function textNodes(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Number of characters of `root`'s text before the boundary point (container, offset). */
export function textOffsetWithin(root: Node, container: Node, offset: number): number {
  const nodes = textNodes(root);
  let acc = 0;
  if (container.nodeType === 3 /* TEXT_NODE */) {
    for (const n of nodes) {
      if (n === container) return acc + Math.max(0, Math.min(offset, n.length));
      acc += n.length;
    }
    return acc;
  }
  // An element boundary: the point just before child[offset], or after all of the container's content.
  const ref = container.childNodes[offset] ?? null;
  for (const n of nodes) {
    const atOrAfter = ref
      ? ref === n || ref.contains(n) || (ref.compareDocumentPosition(n) & 4) /* FOLLOWING */ !== 0
      : !container.contains(n) && (container.compareDocumentPosition(n) & 4) !== 0;
    if (atOrAfter) return acc;
    acc += n.length;
  }
  return acc;
}

/** Total length of the text inside a passage element. */
export function passageTextLength(el: Node): number {
  return textNodes(el).reduce((sum, n) => sum + n.length, 0);
}

/**
 * Document offsets of a DOM range inside `root`. Boundaries outside any passage (in a gap, a heading
 * decoration, the edge of the article) snap to the nearest passage inside the range. Null when the
 * range covers no passage text.
 */
export function rangeToOffsets(range: Range, root: ParentNode): TextRange | null {
  const passages = Array.from(root.querySelectorAll<HTMLElement>(PASSAGE_SELECTOR)).filter((el) =>
    intersects(range, el),
  );
  if (passages.length === 0) return null;
  const first = passages[0];
  const last = passages[passages.length - 1];
  const start = first.contains(range.startContainer)
    ? passageStart(first) + textOffsetWithin(first, range.startContainer, range.startOffset)
    : passageStart(first);
  const end = last.contains(range.endContainer)
    ? passageStart(last) + textOffsetWithin(last, range.endContainer, range.endOffset)
    : passageStart(last) + passageTextLength(last);
  return end > start ? { start, end } : null;
}

function intersects(range: Range, el: Element): boolean {
  try {
    return range.intersectsNode(el);
  } catch {
    return false;
  }
}

/** Shrinks a range so it neither starts nor ends with white space; null if nothing else is left. */
export function trimRange(text: string, range: TextRange): TextRange | null {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** The current selection inside `root` as trimmed document offsets, or null. */
export function selectionOffsets(root: HTMLElement, text: string): TextRange | null {
  const sel = root.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer) && !range.intersectsNode(root)) return null;
  const offsets = rangeToOffsets(range, root);
  return offsets && trimRange(text, offsets);
}

/**
 * A DOM range over document offsets [start, end) inside `root` (the inverse mapping; used to select
 * text programmatically and to position things over an annotation). Null when a boundary's passage
 * is not rendered.
 */
export function offsetsToRange(root: ParentNode, start: number, end: number): Range | null {
  const a = pointAt(root, start, false);
  const b = pointAt(root, end, true);
  if (!a || !b) return null;
  const range = (a.node.ownerDocument as Document).createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

function pointAt(root: ParentNode, offset: number, isEnd: boolean): { node: Text; offset: number } | null {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>(PASSAGE_SELECTOR))) {
    const base = passageStart(el);
    let acc = base;
    const nodes = textNodes(el);
    for (const n of nodes) {
      const next = acc + n.length;
      // An end offset at a node boundary belongs to the earlier node; a start to the later one.
      if (offset >= acc && (isEnd ? offset <= next : offset < next)) return { node: n, offset: offset - acc };
      acc = next;
    }
  }
  return null;
}
