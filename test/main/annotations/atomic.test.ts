// Annotation actions are single units of work: a fault injected into any step (a SQLite trigger on the real
// archive file) leaves the archive exactly as it was — no annotation without its tags, no tag created for an
// annotation that was not, no half-imported W3C file, no note changed without its tags.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { InlineParser } from '../../../main/ingest/parser';
import { failsWith, openFaults, type Faults } from '../../helpers/faults';
import { tempDir } from '../../helpers/temp';

const TEXT = 'Noong 19 Hulyo 2012, nanalo si Bako Sahakyan sa halalan. Marami ang bumoto para kay Bako Sahakyan.';
const TABLES = ['annotations', 'annotation_tags', 'tags', 'search_dirty'];

const dir = tempDir();
const file = join(dir, 'annotations-atomic.sqlite');
let archive: Archive;
let faults: Faults;
let docId: string;

const range = (word: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = TEXT.indexOf(word, at + 1);
  return { docId, start: at, end: at + word.length };
};

beforeAll(async () => {
  archive = await Archive.open(file, { search: 'inline', parser: new InlineParser() });
  const outcome = await archive.documents.importFile({
    name: 'ulat.txt',
    bytes: new TextEncoder().encode(TEXT),
    lang: 'tl',
  });
  if (outcome.status !== 'imported') throw new Error('not imported');
  docId = outcome.document.id;
  faults = await openFaults(file);
});
afterAll(async () => {
  await faults.close();
  await archive.close();
});

describe('annotation actions commit or roll back whole', () => {
  it.each([
    ['the annotation', 'BEFORE INSERT ON annotations', '1'],
    ['a new tag', 'BEFORE INSERT ON tags', "NEW.name = 'halalan'"],
    ['the second tag link', 'BEFORE INSERT ON annotation_tags', '(SELECT count(*) FROM annotation_tags) >= 1'],
  ])('create: a fault in %s leaves nothing behind', async (_step, event, when) => {
    const before = await faults.counts(TABLES);
    await failsWith(
      faults,
      event,
      () => archive.annotations.create({ ...range('Bako Sahakyan'), note: 'winner', tags: ['pangulo', 'halalan'] }),
      when,
    );
    expect(await faults.counts(TABLES)).toEqual(before);
    expect(await archive.annotations.list(docId)).toEqual([]);
  });

  it('update: a fault in the tags keeps the note as it was', async () => {
    const note = await archive.annotations.create({ ...range('nanalo'), note: 'first', tags: ['a'] });
    await failsWith(faults, 'BEFORE INSERT ON annotation_tags', () =>
      archive.annotations.update(note.id, { note: 'second', tags: ['b'] }),
    );
    expect(await archive.annotations.get(note.id)).toEqual(note);
    await archive.annotations.delete(note.id);
  });

  it('W3C import: a fault in the second annotation imports none of the file', async () => {
    const one = await archive.annotations.create({ ...range('Bako Sahakyan'), tags: ['x'] });
    const two = await archive.annotations.create({ ...range('Bako Sahakyan', 1), note: 'again' });
    const { content } = await archive.annotations.export(docId, 'w3c');
    await archive.annotations.delete(one.id);
    await archive.annotations.delete(two.id);
    const before = await faults.counts(TABLES);
    await failsWith(
      faults,
      'BEFORE INSERT ON annotations',
      () => archive.annotations.importW3c(content),
      `NEW.id = '${two.id}'`,
    );
    expect(await faults.counts(TABLES)).toEqual(before);
    expect(await archive.annotations.importW3c(content)).toEqual({ imported: 2, skipped: 0, failed: [] });
  });
});
