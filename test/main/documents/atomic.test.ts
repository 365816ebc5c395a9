// Document actions are single units of work: a fault injected into any step (a SQLite trigger on the real
// archive file) leaves the archive exactly as it was — an import kept as another version of a near-duplicate
// stores all of its rows or none, and a passage edit keeps text, version history and annotations together.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { InlineParser } from '../../../main/ingest/parser';
import { failsWith, openFaults, type Faults } from '../../helpers/faults';
import { tempDir } from '../../helpers/temp';

const REPORT = [
  'Election report from the northern district',
  '',
  'The district commission opened forty polling stations on Sunday morning and reported a steady turnout ' +
    'through the afternoon. Observers from two neighbouring towns described long queues outside the school ' +
    'buildings, a shortage of ballot envelopes in the river villages, and one station that closed an hour late ' +
    'because of a power cut. The commission chairman said the count would begin at midnight and that the first ' +
    'results should be published on Monday, after the regional office has checked every protocol by hand.',
  '',
  'Local newspapers noted that the number of registered voters had grown since the last election, mostly ' +
    'because families returned from the capital after the new factory opened near the railway station.',
].join('\n');
// The same report with one word corrected: nearly the same text, so it can be kept as another version.
const CORRECTED = REPORT.replace('forty polling stations', 'forty-two polling stations');

const TABLES = [
  'documents',
  'passages',
  'sentences',
  'originals',
  'document_variants',
  'document_versions',
  'dedup_signatures',
  'dedup_bands',
  'search_docs',
  'annotations',
];

const dir = tempDir();
const file = join(dir, 'documents-atomic.sqlite');
let archive: Archive;
let faults: Faults;
let firstId: string;

const bytes = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  archive = await Archive.open(file, { search: 'inline', parser: new InlineParser() });
  const outcome = await archive.documents.importFile({ name: 'report.txt', bytes: bytes(REPORT), lang: 'en' });
  if (outcome.status !== 'imported') throw new Error('report not imported');
  firstId = outcome.document.id;
  faults = await openFaults(file);
});
afterAll(async () => {
  await faults.close();
  await archive.close();
});

describe('import kept as another version', () => {
  it.each([
    ['the document', 'BEFORE INSERT ON documents'],
    ['a passage', 'BEFORE INSERT ON passages'],
    // Sentences are written in their passage's row (schema v14): the passage's fault above covers them.
    ['the original bytes', 'BEFORE INSERT ON originals'],
    ['the fingerprint', 'BEFORE INSERT ON dedup_signatures'],
    ['the version mark', 'BEFORE INSERT ON document_variants'],
    ['the search index', 'BEFORE INSERT ON search_docs'],
  ])('a fault in %s leaves nothing behind', async (_step, event) => {
    const before = await faults.counts(TABLES);
    await failsWith(faults, event, () =>
      archive.documents.importFile(
        { name: 'report-corrected.txt', bytes: bytes(CORRECTED), lang: 'en' },
        { nearDuplicates: 'version' },
      ),
    );
    expect(await faults.counts(TABLES)).toEqual(before);
    expect((await archive.documents.list()).map((d) => d.id)).toEqual([firstId]);
  });

  it('without a fault it is stored whole, marked as a version and searchable', async () => {
    const outcome = await archive.documents.importFile(
      { name: 'report-corrected.txt', bytes: bytes(CORRECTED), lang: 'en' },
      { nearDuplicates: 'version' },
    );
    expect(outcome).toMatchObject({ status: 'imported', variantOf: firstId });
    const hits = await archive.search.query('"forty-two polling"');
    expect(hits.hits.map((h) => h.docId)).toEqual([outcome.status === 'imported' && outcome.document.id]);
  });
});

describe('passage edit', () => {
  it.each([
    ['the kept version', 'BEFORE INSERT ON document_versions'],
    ['the re-anchored annotation', 'BEFORE UPDATE ON annotations'],
    ['the rewritten passages', 'BEFORE UPDATE ON passages'],
    ['the search index', 'BEFORE INSERT ON search_docs'],
  ])('a fault in %s leaves text, versions and annotations as they were', async (_step, event) => {
    const doc = await archive.documents.get(firstId);
    const start = doc.text.indexOf('steady turnout');
    const note = await archive.annotations.create({ docId: firstId, start, end: start + 'steady turnout'.length });
    const before = await faults.counts(TABLES);
    const target = doc.passages[1];
    await failsWith(faults, event, () =>
      archive.documents.editPassage(firstId, target.id, `A corrected opening. ${target.text}`),
    );
    expect(await faults.counts(TABLES)).toEqual(before);
    const after = await archive.documents.get(firstId);
    expect(after.text).toBe(doc.text);
    expect(after.version).toBe(doc.version);
    expect(await archive.annotations.get(note.id)).toEqual(note);
    await archive.annotations.delete(note.id);
  });
});
