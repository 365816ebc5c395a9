// Plain text: blank lines separate paragraphs. Files with no blank line at all put one paragraph on
// each line (common for text pasted from web pages, e.g. the bundled NKR sample).
import type { Draft, DraftPassage } from './draft';
import { looksLikeHeading } from './metadata';
import { collapseWhitespace } from './normalize';

/** Parses normalised text (LF line endings). */
export function parsePlainText(text: string): Draft {
  const blocks = splitBlocks(text);
  const passages: DraftPassage[] = [];
  for (const lines of blocks) {
    const joined = collapseWhitespace(lines.join(' '));
    if (joined) passages.push({ kind: 'paragraph', text: joined });
  }
  const meta: Draft['meta'] = {};
  // A single short unpunctuated first line followed by more text is the document's heading.
  if (passages.length > 1 && blocks[0]?.length === 1 && looksLikeHeading(passages[0].text)) {
    passages[0] = { kind: 'heading', text: passages[0].text };
    meta.title = passages[0].text;
  }
  return { passages, meta };
}

/** Groups non-blank lines into blocks (arrays of lines). */
function splitBlocks(text: string): string[][] {
  const lines = text.split('\n');
  const nonBlank = lines.filter((l) => l.trim() !== '');
  const firstIndex = lines.findIndex((l) => l.trim() !== '');
  const lastIndex = lines.length - 1 - [...lines].reverse().findIndex((l) => l.trim() !== '');
  const hasInnerBlankLine = lines.slice(firstIndex, lastIndex + 1).some((l) => l.trim() === '');
  if (!hasInnerBlankLine) return nonBlank.map((l) => [l]);
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) blocks.push(current);
  return blocks;
}
