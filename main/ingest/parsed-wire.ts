// A parsed document as the parse worker posts it to the main thread. The structured clone of a message copies every
// object and array one by one, and a parsed document is mostly small ones: a 5,000-paragraph file is 5,000 passage
// objects and 20,000 two-number sentence arrays, ~10–75 ms to post and ~45–140 ms for the main thread to receive
// (its event loop blocked meanwhile). Packed, the sentences travel as two typed arrays and the kinds as bytes:
// ~2–15 ms to post, ~1–10 ms to receive and unpack (v8.serialize/deserialize of the same values, load ~3).
import type { PassageKind } from '../../shared/types';
import type { ParsedDocument, ParsedPassage } from './types';

export interface PackedParsed extends Omit<ParsedDocument, 'passages'> {
  packed: true;
  texts: string[];
  /** Per passage: KINDS index of its kind. */
  kinds: Uint8Array;
  /** Per passage: how many sentences it has. */
  sentenceCounts: Uint32Array;
  /** Every sentence's [start, end), passage after passage. */
  sentenceOffsets: Uint32Array;
  /** Per passage: its page, 0 when it has none; null when no passage has one. */
  pages: Uint32Array | null;
}

const KINDS: readonly PassageKind[] = ['paragraph', 'heading'];
const UINT32_MAX = 0xffff_ffff;

/** The document packed for posting; as it is when something in it does not fit the packing (never in practice). */
export function packParsed(parsed: ParsedDocument): ParsedDocument | PackedParsed {
  const { passages, ...rest } = parsed;
  const kinds = new Uint8Array(passages.length);
  const sentenceCounts = new Uint32Array(passages.length);
  let sentences = 0;
  let paged = false;
  for (let i = 0; i < passages.length; i++) {
    const p = passages[i];
    const kind = KINDS.indexOf(p.kind);
    if (kind < 0 || !fits(p.page, 1)) return parsed;
    kinds[i] = kind;
    sentenceCounts[i] = p.sentences.length;
    sentences += p.sentences.length;
    if (p.page !== undefined) paged = true;
  }
  const sentenceOffsets = new Uint32Array(sentences * 2);
  let k = 0;
  for (const p of passages)
    for (const [start, end] of p.sentences) {
      if (!isOffset(start) || !isOffset(end)) return parsed;
      sentenceOffsets[k++] = start;
      sentenceOffsets[k++] = end;
    }
  const pages = paged ? Uint32Array.from(passages, (p) => p.page ?? 0) : null;
  return { ...rest, packed: true, texts: passages.map((p) => p.text), kinds, sentenceCounts, sentenceOffsets, pages };
}

/** The document back from packParsed, equal to the one packed. */
export function unpackParsed(posted: ParsedDocument | PackedParsed): ParsedDocument {
  if (!('packed' in posted)) return posted;
  const { packed: _packed, texts, kinds, sentenceCounts, sentenceOffsets, pages, ...rest } = posted;
  const passages: ParsedPassage[] = new Array(texts.length);
  let k = 0;
  for (let i = 0; i < texts.length; i++) {
    const sentences: Array<[number, number]> = new Array(sentenceCounts[i]);
    for (let s = 0; s < sentences.length; s++, k += 2) sentences[s] = [sentenceOffsets[k], sentenceOffsets[k + 1]];
    const page = pages ? pages[i] : 0;
    passages[i] =
      page > 0
        ? { kind: KINDS[kinds[i]], text: texts[i], sentences, page }
        : { kind: KINDS[kinds[i]], text: texts[i], sentences };
  }
  return { ...rest, passages };
}

/** An absent page, or one a Uint32Array holds. */
function fits(page: number | undefined, least: number): boolean {
  return page === undefined || (Number.isInteger(page) && page >= least && page <= UINT32_MAX);
}

/** An offset a Uint32Array holds. */
function isOffset(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= UINT32_MAX;
}
