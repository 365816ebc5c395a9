import { describe, expect, it } from 'vitest';
import { serialize, deserialize } from 'node:v8';
import { parseDocument } from '../../../main/ingest/index';
import { packParsed, unpackParsed } from '../../../main/ingest/parsed-wire';
import type { ParsedDocument } from '../../../main/ingest/types';
import { makePdf } from '../../helpers/make-documents';
import { utf8 } from './helpers';

/** As a worker's message carries it: the structured clone of the value. */
const posted = <T>(value: T): T => deserialize(serialize(value)) as T;

describe('a parsed document as the parse worker posts it', () => {
  it('carries the passages as a few strings and typed arrays, and comes back equal', async () => {
    const text = ['Ulat ng lungsod', ...Array.from({ length: 300 }, (_, i) => `Dr. Cruz spoke ${i}. It rained. Ok?`)];
    const parsed = await parseDocument({ name: 'long.txt', bytes: utf8(text.join('\n\n')) });
    expect(parsed.passages[0].kind).toBe('heading');
    const packed = packParsed(parsed);
    expect(packed).toMatchObject({ packed: true });
    expect('passages' in packed).toBe(false);
    if (!('packed' in packed)) throw new Error('not packed');
    expect(packed.sentenceOffsets).toBeInstanceOf(Uint32Array);
    expect(packed.sentenceOffsets.length).toBe(2 * parsed.passages.reduce((n, p) => n + p.sentences.length, 0));
    expect(packed.pages).toBeNull();
    expect(unpackParsed(posted(packed))).toStrictEqual(parsed);
  });

  it('keeps the pages of the passages that have one', async () => {
    const bytes = makePdf({
      pages: [
        [{ text: 'First page, first line of text.', x: 72, y: 700 }],
        [{ text: 'Second page. Two sentences here.', x: 72, y: 700 }],
      ],
    });
    const parsed = await parseDocument({ name: 'two.pdf', bytes });
    expect(parsed.passages.map((p) => p.page)).toEqual([1, 2]);
    expect(unpackParsed(posted(packParsed(parsed)))).toStrictEqual(parsed);
    // A passage without a page beside ones with one stays without.
    const mixed: ParsedDocument = {
      ...parsed,
      passages: [...parsed.passages, { kind: 'paragraph', text: 'x', sentences: [] }],
    };
    const back = unpackParsed(posted(packParsed(mixed)));
    expect(back).toStrictEqual(mixed);
    expect('page' in back.passages[2]).toBe(false);
  });

  it('posts a document it cannot pack as it is', () => {
    const odd = {
      title: 't',
      lang: 'en',
      mediaType: 'text/plain',
      source: null,
      author: null,
      publishedAt: null,
      fileCreatedAt: null,
      contentHash: 'h',
      passages: [{ kind: 'list' as 'paragraph', text: 'a', sentences: [[0, 1]] as Array<[number, number]> }],
    };
    expect(packParsed(odd)).toBe(odd);
    expect(unpackParsed(packParsed(odd))).toBe(odd);
    const negative = {
      ...odd,
      passages: [{ kind: 'paragraph' as const, text: 'a', sentences: [[-1, 1]] as Array<[number, number]> }],
    };
    expect(packParsed(negative)).toBe(negative);
  });
});
