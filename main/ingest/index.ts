// Ingest: one untrusted file in, one parsed document out (or an IMPORT_REJECTED AppError).
// Plain Node only: this runs in the Electron main process, the CLI and tests alike.
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { declaredHtmlCharset, decodeText } from './decode';
import type { Draft } from './draft';
import { detectLanguage, normalizeLangCode } from './language';
import { parseMarkdown } from './markdown';
import { cleanField, cleanName, cleanTitle, datelineOf, normalizeDate, titleFromFileName } from './metadata';
import { LINE_HYPHEN, resolveLineHyphens } from './hyphens';
import { isBlank, normalizeDocument } from './normalize';
import { parsePdf } from './pdf';
import { parsePlainText } from './plain-text';
import { reject } from './reject';
import { splitSentences } from '../../shared/text/sentences';
import type { IngestInput, ParsedDocument } from './types';
import { validateInput } from './validate-input';

export { SUPPORTED_EXTENSIONS } from './formats';
export { detectLanguage } from './language';
export type { IngestInput, ParsedDocument, ParsedPassage } from './types';

/** Language is judged on the beginning of the document, which is plenty for trigram statistics. */
const LANGUAGE_SAMPLE_CHARS = 2000;

export async function parseDocument(input: IngestInput): Promise<ParsedDocument> {
  const { name, bytes } = input;
  const { format, mediaType } = validateInput(name, bytes);
  const override = input.lang === undefined ? undefined : normalizeLangCode(input.lang);
  if (input.lang !== undefined && !override) {
    throw new AppError('INVALID_REQUEST', `Invalid request: lang must be a language code such as "tl", "en" or "ru".`);
  }

  let draft: Draft;
  // The heavy format libraries (mammoth for .docx, linkedom and Readability for web pages, htmlparser2 and the zip
  // reader for .epub, pdf.js) load with the first file that needs them, so a parse worker starts quickly and a folder
  // of text files never loads them (htmlparser2 alone: ~75 ms of CPU at every worker start).
  if (format === 'pdf') draft = await parsePdf(name, bytes);
  else if (format === 'docx') draft = await (await import('./docx')).parseDocx(name, bytes);
  else if (format === 'epub') draft = (await import('./epub')).parseEpub(name, bytes);
  else {
    const text = normalizeDocument(
      decodeText(name, bytes, format === 'html' ? declaredHtmlCharset(bytes) : undefined).text,
    );
    if (isBlank(text)) reject(name, 'the file is empty');
    draft =
      format === 'html'
        ? (await import('./web-page')).parseWebPage(text)
        : format === 'markdown'
          ? parseMarkdown(text)
          : parsePlainText(text);
  }
  draft = { ...draft, passages: splitLongPassages(draft.passages) };
  if (draft.passages.length === 0) reject(name, 'no readable text was found');

  const lang =
    override ??
    normalizeLangCode(draft.meta.lang) ??
    detectLanguage(leadingText(draft, LANGUAGE_SAMPLE_CHARS).replaceAll(LINE_HYPHEN, ''), draft.meta.langHint);
  draft = withLineHyphensResolved(draft, lang);

  const meta = input.meta ?? {};
  return {
    title: cleanTitle(meta.title) ?? draft.meta.title ?? titleFromFileName(name),
    lang,
    mediaType,
    source: cleanField(meta.source) ?? draft.meta.source ?? null,
    author: cleanName(meta.author) ?? draft.meta.author ?? null,
    publishedAt: normalizeDate(meta.publishedAt) ?? draft.meta.publishedAt ?? datelineOf(draft.passages) ?? null,
    fileCreatedAt: draft.meta.fileCreatedAt ?? null,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    passages: draft.passages.map((p) => ({
      kind: p.kind,
      text: p.text,
      sentences: splitSentences(p.text, lang),
      ...(p.page !== undefined ? { page: p.page } : {}),
    })),
  };
}

/** A PDF's doubtful line-end hyphens (main/ingest/hyphens.ts) decided in its passages and its title. */
function withLineHyphensResolved(draft: Draft, lang: string): Draft {
  const title = draft.meta.title;
  const texts = resolveLineHyphens([...draft.passages.map((p) => p.text), ...(title ? [title] : [])], lang);
  return {
    passages: draft.passages.map((p, i) => ({ ...p, text: texts[i] })),
    meta: title ? { ...draft.meta, title: texts[texts.length - 1] } : draft.meta,
  };
}

/** Longest passage kept whole; longer ones (a huge single line, a file without breaks) are cut at spaces. */
export const MAX_PASSAGE_CHARS = 20_000;

function splitLongPassages(passages: Draft['passages']): Draft['passages'] {
  if (!passages.some((p) => p.text.length > MAX_PASSAGE_CHARS)) return passages;
  const out: Draft['passages'] = [];
  for (const p of passages) {
    let rest = p.text;
    while (rest.length > MAX_PASSAGE_CHARS) {
      // Prefer the end of a sentence, then a space, in the last fifth of the window; else cut hard
      // (never inside a surrogate pair).
      const window = rest.slice(0, MAX_PASSAGE_CHARS);
      const floor = MAX_PASSAGE_CHARS * 0.8;
      let cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? ')) + 1;
      if (cut < floor) cut = window.lastIndexOf(' ');
      if (cut < floor)
        cut = /[\uD800-\uDBFF]/.test(window[MAX_PASSAGE_CHARS - 1]) ? MAX_PASSAGE_CHARS - 1 : MAX_PASSAGE_CHARS;
      out.push({ ...p, text: rest.slice(0, cut).trim() });
      rest = rest.slice(cut).trim();
    }
    if (rest) out.push({ ...p, text: rest });
  }
  return out.filter((p) => p.text !== '');
}

/** The first `limit` characters of the passages joined by blank lines, without joining everything. */
function leadingText(draft: Draft, limit: number): string {
  let text = '';
  for (const passage of draft.passages) {
    text += (text ? '\n\n' : '') + passage.text;
    if (text.length >= limit) break;
  }
  return text.slice(0, limit);
}
