// Plain text: blank lines separate paragraphs. Files with no blank line at all put one paragraph on
// each line (common for text pasted from web pages, e.g. the bundled NKR sample).
import type { Draft, DraftPassage } from './draft';
import { looksLikeHeading } from './metadata';
import { collapseWhitespace } from './normalize';

/**
 * A first line underlined with === or --- is the title: returns the text without the underline, or null.
 * Done with indexOf rather than one regex over the text, which backtracked for minutes on a 5 MB line.
 */
function withoutTitleUnderline(text: string): string | null {
  const start = text.length - text.trimStart().length;
  const firstEnd = text.indexOf('\n', start);
  if (firstEnd < 0) return null;
  const first = text.slice(start, firstEnd);
  if (!/\p{L}/u.test(first)) return null;
  const secondEnd = text.indexOf('\n', firstEnd + 1);
  const afterUnderline = secondEnd < 0 ? text.length : secondEnd + 1;
  const second = text.slice(firstEnd + 1, secondEnd < 0 ? text.length : secondEnd);
  if (!/^[ \t]*(?:={3,}|-{3,})[ \t]*$/.test(second)) return null;
  return `${first}\n${text.slice(afterUnderline)}`;
}

/** Parses normalised text (LF line endings). */
export function parsePlainText(text: string): Draft {
  const underlined = withoutTitleUnderline(text);
  if (underlined !== null) text = underlined;
  const blocks = splitBlocks(text);
  const passages: DraftPassage[] = [];
  for (const lines of blocks) {
    const joined = collapseWhitespace(lines.join(' '));
    if (joined) passages.push({ kind: 'paragraph', text: joined });
  }
  const meta: Draft['meta'] = {};
  // A single short unpunctuated first line followed by more text is the document's heading.
  if (passages.length > 1 && blocks[0]?.length === 1 && (underlined || looksLikeHeading(passages[0].text))) {
    passages[0] = { kind: 'heading', text: passages[0].text };
    meta.title = passages[0].text;
  } else if (blocks[0] && blocks[0].length > 1) {
    // A title line written straight above its text, without a blank line.
    const title = underlined ? { text: collapseWhitespace(blocks[0][0]), lines: 1 } : leadingTitleLine(blocks[0]);
    if (title !== null) {
      const rest = collapseWhitespace(blocks[0].slice(title.lines).join(' '));
      passages.splice(
        0,
        1,
        { kind: 'heading', text: title.text },
        ...(rest ? [{ kind: 'paragraph' as const, text: rest }] : []),
      );
      meta.title = title.text;
    }
  }
  return { passages, meta };
}

/**
 * The first line of a block when it reads as a title of the lines below it: short, without
 * final punctuation and clearly shorter than the lines that follow (a hard-wrapped paragraph's first line
 * is as long as the next ones). Null otherwise.
 */
function leadingTitleLine(lines: string[]): { text: string; lines: number } | null {
  const first = collapseWhitespace(lines[0]);
  if (!first || !looksLikeHeading(first) || !/\p{L}/u.test(first)) return null;
  const words = first.split(' ').length;
  let longest = 0; // a loop, not Math.max(...lines): a block can have more lines than the stack has room for
  for (const line of lines.slice(1, 50)) longest = Math.max(longest, collapseWhitespace(line).length);
  if (words > 16 || first.length > longest * 0.7) return null;
  return { text: first, lines: 1 };
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
