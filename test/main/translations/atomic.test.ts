// Translation actions are single units of work: a fault injected into any step (a SQLite trigger on the real
// archive file) leaves the archive exactly as it was — importing a file as a translation never leaves an
// unlinked document, starting a typed translation never leaves a half sheet, saving a segment keeps the
// segment and its translation document together.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineAligner } from '../../../main/align/inline';
import { Archive } from '../../../main/archive/archive';
import { InlineParser } from '../../../main/ingest/parser';
import { failsWith, openFaults, type Faults } from '../../helpers/faults';
import { tempDir } from '../../helpers/temp';

const SOURCE = [
  'Halalan sa Nagorno-Karabakh',
  '',
  'Noong 19 Hulyo 2012, nanalo si Bako Sahakyan sa halalan sa pagkapangulo. Marami ang bumoto.',
  '',
  'Hindi kinikilala ng ibang bansa ang republika. Gayunman, may sarili itong pamahalaan.',
].join('\n');
const TRANSLATION = [
  'Выборы в Нагорном Карабахе',
  '',
  '19 июля 2012 года на президентских выборах победил Бако Саакян. Проголосовали многие.',
  '',
  'Другие страны не признают республику. Тем не менее, у неё есть своё правительство.',
].join('\n');

const TABLES = [
  'documents',
  'passages',
  'sentences',
  'originals',
  'search_docs',
  'translations',
  'translation_segments',
];

const dir = tempDir();
const file = join(dir, 'translations-atomic.sqlite');
let archive: Archive;
let faults: Faults;
let sourceId: string;

const bytes = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  archive = await Archive.open(file, { search: 'inline', parser: new InlineParser() });
  archive.translations.useAligner(inlineAligner);
  const outcome = await archive.documents.importFile({ name: 'ulat.txt', bytes: bytes(SOURCE), lang: 'tl' });
  if (outcome.status !== 'imported') throw new Error('source not imported');
  sourceId = outcome.document.id;
  faults = await openFaults(file);
});
afterAll(async () => {
  await faults.close();
  await archive.close();
});

const importTranslation = () =>
  archive.translations.importAsTranslation({ name: 'ulat.ru.txt', bytes: bytes(TRANSLATION), lang: 'ru' }, sourceId);

describe('import as a translation', () => {
  it.each([
    ['the document', 'BEFORE INSERT ON documents'],
    ['the search index', 'BEFORE INSERT ON search_docs'],
    ['the link', 'BEFORE INSERT ON translations'],
  ])('a fault in %s leaves neither document nor link', async (_step, event) => {
    const before = await faults.counts(TABLES);
    await failsWith(faults, event, importTranslation);
    expect(await faults.counts(TABLES)).toEqual(before);
    expect(await archive.translations.list(sourceId)).toEqual([]);
  });

  it('without a fault the document is stored, indexed and linked', async () => {
    const { outcome, link } = await importTranslation();
    expect(outcome.status).toBe('imported');
    expect(link).toMatchObject({ source: { id: sourceId } });
    expect((await archive.search.query('Саакян')).hits.length).toBeGreaterThan(0);
  });
});

describe('typed translation', () => {
  it.each([
    ['the translation document', 'BEFORE INSERT ON documents', '1'],
    ['the link', 'BEFORE INSERT ON translations', '1'],
    ['the third segment', 'BEFORE INSERT ON translation_segments', 'NEW.ordinal = 2'],
  ])('start: a fault in %s leaves no sheet behind', async (_step, event, when) => {
    const before = await faults.counts(TABLES);
    await failsWith(faults, event, () => archive.translations.startTyped(sourceId, 'hy'), when);
    expect(await faults.counts(TABLES)).toEqual(before);
  });

  it.each([
    ['the rebuilt passages', 'BEFORE INSERT ON passages'],
    ['the search index', 'BEFORE INSERT ON search_docs'],
  ])('save: a fault in %s keeps the segment and its document as they were', async (_step, event) => {
    const sheet = await archive.translations.startTyped(sourceId, 'hy');
    const docBefore = await archive.documents.get(sheet.link.translation.id);
    await failsWith(faults, event, () =>
      archive.translations.saveSegment(sheet.segments[0].id, { text: 'Ընտրություններ Լեռնային Ղարաբաղում' }),
    );
    expect((await archive.translations.segmentSheet(sheet.link.id)).segments[0]).toEqual(sheet.segments[0]);
    expect(await archive.documents.get(sheet.link.translation.id)).toEqual(docBefore);
  });
});
