// Ingest: one untrusted file in, one parsed document out (or an IMPORT_REJECTED AppError).
// Plain Node only: this runs in the Electron main process, the CLI and tests alike.
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { decodeUtf8 } from './decode';
import type { Draft } from './draft';
import { parseHtml } from './html';
import { detectLanguage, normalizeLangCode } from './language';
import { parseMarkdown } from './markdown';
import { cleanField, cleanName, cleanTitle, normalizeDate, titleFromFileName } from './metadata';
import { isBlank, normalizeDocument } from './normalize';
import { parsePlainText } from './plain-text';
import { reject } from './reject';
import { splitSentences } from './sentences';
import type { IngestInput, ParsedDocument } from './types';
import { validateInput } from './validate-input';

export { SUPPORTED_EXTENSIONS } from './formats';
export { detectLanguage } from './language';
export { splitSentences } from './sentences';
export type { IngestInput, ParsedDocument, ParsedPassage } from './types';

export async function parseDocument(input: IngestInput): Promise<ParsedDocument> {
  const { name, bytes } = input;
  const { format, mediaType } = validateInput(name, bytes);
  const override = input.lang === undefined ? undefined : normalizeLangCode(input.lang);
  if (input.lang !== undefined && !override) {
    throw new AppError('INVALID_REQUEST', `Invalid request: lang must be a language code such as "tl", "en" or "ru".`);
  }

  const text = normalizeDocument(decodeUtf8(name, bytes));
  if (isBlank(text)) reject(name, 'the file is empty');

  const draft: Draft =
    format === 'html' ? parseHtml(text) : format === 'markdown' ? parseMarkdown(text) : parsePlainText(text);
  if (draft.passages.length === 0) reject(name, 'no readable text was found');

  const lang =
    override ??
    normalizeLangCode(draft.meta.lang) ??
    detectLanguage(draft.passages.map((p) => p.text).join('\n\n').slice(0, 2000), draft.meta.langHint);

  const meta = input.meta ?? {};
  return {
    title: cleanTitle(meta.title) ?? draft.meta.title ?? titleFromFileName(name),
    lang,
    mediaType,
    source: cleanField(meta.source) ?? draft.meta.source ?? null,
    author: cleanName(meta.author) ?? draft.meta.author ?? null,
    publishedAt: normalizeDate(meta.publishedAt) ?? draft.meta.publishedAt ?? null,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    passages: draft.passages.map((p) => ({ kind: p.kind, text: p.text, sentences: splitSentences(p.text, lang) })),
  };
}
