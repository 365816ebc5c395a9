// Issue 11: a title is indexed once per document. A title-only match is one hit for the document (not one
// unhighlighted hit per passage) and ranks below passages that contain the word; real archive, real index.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { tempDir } from '../../helpers/temp';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('title matches in ranking', () => {
  let archive: Archive;
  let titled: string;
  let inText: string;
  beforeAll(async () => {
    archive = await openArchiveDir(join(tempDir(), 'titles'));
    const imported = async (name: string, text: string, title: string) => {
      const outcome = await archive.documents.importFile({ name, bytes: utf8(text) });
      if (outcome.status !== 'imported') throw new Error(`not imported: ${name}`);
      await archive.documents.updateMeta(outcome.document.id, { title });
      return outcome.document.id;
    };
    // Five passages, none with the word "Stepanakert"; only the title has it.
    titled = await imported(
      'titled.txt',
      [
        'Ang halalan ay ginanap noong Hulyo.',
        'Maraming botante ang pumunta sa mga presinto sa umaga.',
        'Nagbilang ang komisyon ng mga boto hanggang hatinggabi.',
        'Sinabi ng mga tagamasid na mapayapa ang araw.',
        'Inanunsyo ang resulta kinabukasan.',
      ].join('\n\n'),
      'Halalan sa Stepanakert',
    );
    // A long passage that contains the word once, among others that do not.
    inText = await imported(
      'in-text.txt',
      [
        'Ang ulat ay tungkol sa ekonomiya ng rehiyon at sa badyet ng susunod na taon.',
        `Sa lungsod ng Stepanakert, ${'tumaas ang presyo ng tinapay sa mga pamilihan, '.repeat(6)}ayon sa ulat.`,
        'Walang kinalaman ang ibang bahagi sa lungsod.',
      ].join('\n\n'),
      'Ulat pang-ekonomiya',
    );
  });
  afterAll(() => archive?.close());

  it('lists a title-only document once, after the passage that contains the word', async () => {
    const result = await archive.search.query('Stepanakert');
    expect(result.hits.map((h) => h.docId)).toEqual([inText, titled]);
    expect(result.total).toBe(2);
    const [passage, title] = result.hits;
    expect(passage.matches.length).toBeGreaterThan(0);
    expect(title.matches).toEqual([]);
    expect(title.titleMatches).toEqual([[11, 22]]);
    expect(title.ordinal).toBe(0);
  });

  it('keeps the order when results are grouped by document', async () => {
    const result = await archive.search.query({ query: 'Stepanakert', groupBy: 'document' });
    expect(result.groups.map((g) => [g.docId, g.matchingPassages])).toEqual([
      [inText, 1],
      [titled, 1],
    ]);
  });

  it('counts a title match of a Cyrillic spelling once as well', async () => {
    const result = await archive.search.query('Степанакерт');
    expect(result.hits.map((h) => h.docId)).toEqual([inText, titled]);
  });

  it('still finds title words with title: and passage words with text:', async () => {
    expect((await archive.search.query('title:Stepanakert')).hits.map((h) => h.docId)).toEqual([titled]);
    expect((await archive.search.query('text:Stepanakert')).hits.map((h) => h.docId)).toEqual([inText]);
  });

  it('ranks a passage that has the word above a title hit even when the title is the better bm25 match', async () => {
    // "halalan" is in the titled document's title and its first passage: that row contains the word.
    const result = await archive.search.query('halalan');
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0].matches.length).toBeGreaterThan(0);
  });
});

describe('title matches of queries with and without AND', () => {
  let archive: Archive;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    archive = await openArchiveDir(join(tempDir(), 'titles-and'));
    const imported = async (name: string, text: string, title: string) => {
      const outcome = await archive.documents.importFile({ name, bytes: utf8(text) });
      if (outcome.status !== 'imported') throw new Error(`not imported: ${name}`);
      await archive.documents.updateMeta(outcome.document.id, { title });
      ids[name] = outcome.document.id;
    };
    // "Stepanakert" only in the title; "halalan" in the title and the first passage.
    await imported(
      'titled.txt',
      'Ang halalan ay ginanap noong Hulyo.\n\nInanunsyo ang resulta kinabukasan.',
      'Halalan sa Stepanakert',
    );
    // Both words in a long passage (a poorer bm25 score than the short titled row).
    await imported(
      'both.txt',
      `Ang halalan sa Stepanakert: ${'tumaas ang presyo ng tinapay sa mga pamilihan, '.repeat(8)}ayon sa ulat.`,
      'Ulat pang-ekonomiya',
    );
  });
  afterAll(() => archive?.close());

  it('ranks a row that needs its title for one of the required words after the passages that have both', async () => {
    const result = await archive.search.query('+Stepanakert +halalan');
    expect(result.hits.map((h) => h.docId)).toEqual([ids['both.txt'], ids['titled.txt']]);
  });

  it('ranks a phrase or a word found only in a title after the passages, with NOT as well', async () => {
    const order = [ids['both.txt'], ids['titled.txt']];
    expect((await archive.search.query('"halalan sa stepanakert"')).hits.map((h) => h.docId)).toEqual(order);
    expect((await archive.search.query('Stepanakert -kinabukasan')).hits.map((h) => h.docId)).toEqual(order);
    expect((await archive.search.query('Stepanakert -tinapay')).hits.map((h) => h.docId)).toEqual([ids['titled.txt']]);
  });
});
