// Small helpers shared by the ingest tests.
import { expect } from 'vitest';
import { AppError } from '../../../shared/errors';
import { parseDocument } from '../../../main/ingest/index';
import { displayName } from '../../../main/ingest/reject';
import type { IngestInput, ParsedDocument } from '../../../main/ingest/types';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function parse(name: string, text: string, extra: Partial<IngestInput> = {}): Promise<ParsedDocument> {
  return parseDocument({ name, bytes: utf8(text), ...extra });
}

/** Asserts that importing fails with IMPORT_REJECTED and a message "<file name>: <reason>". */
export async function expectRejected(input: IngestInput, reason: string | RegExp): Promise<AppError> {
  const error = await parseDocument(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe('IMPORT_REJECTED');
  const baseName = displayName(input.name);
  expect(appError.message.startsWith(`${baseName}: `)).toBe(true);
  if (typeof reason === 'string') expect(appError.message).toBe(`${baseName}: ${reason}`);
  else expect(appError.message).toMatch(reason);
  return appError;
}

/** Every sentence span is trimmed, in order, non-overlapping, and together they cover all the words. */
export function expectSentencesCover(text: string, sentences: Array<[number, number]>): void {
  expect(sentences.length).toBeGreaterThan(0);
  let previousEnd = 0;
  for (const [start, end] of sentences) {
    expect(start).toBeGreaterThanOrEqual(previousEnd);
    expect(end).toBeGreaterThan(start);
    const sentence = text.slice(start, end);
    expect(sentence).toBe(sentence.trim());
    expect(text.slice(previousEnd, start).trim()).toBe('');
    previousEnd = end;
  }
  expect(text.slice(previousEnd).trim()).toBe('');
}
