// Property test of the boundary every door shares: thousands of malformed payloads, on every channel,
// must each get a clean {ok:false, INVALID_REQUEST} and leave the archive exactly as it was.
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../main/api/handlers';
import { dispatch } from '../../../main/api/dispatch';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { CHANNELS, type Channel, type TalaApi } from '../../../shared/contract';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const ID = '0a0b0c0d-0e0f-4000-8000-00000000000a';
const ANNOTATION = {
  id: ID,
  docId: ID,
  exact: 'Bako Sahakyan',
  prefix: '',
  suffix: '',
  start: 0,
  end: 13,
  color: 'yellow',
  note: '',
  tags: [],
  status: 'anchored',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** One well-formed request per channel; the fuzzer breaks it in ways that can never be valid. */
const VALID: Record<Channel, unknown> = {
  'app.info': undefined,
  'documents.list': undefined,
  'documents.get': { id: ID },
  'documents.import': { name: 'x.txt', data: new Uint8Array([65]), lang: 'tl', nearDuplicates: 'version' },
  'documents.delete': { id: ID },
  'search.query': { query: 'Sahakyan', limit: 5, offset: 0, groupBy: 'document', stems: true, translit: false },
  'search.status': undefined,
  'search.reindex': undefined,
  'documents.updateMeta': { id: ID, title: 'T', source: 's', author: 'a', publishedAt: '2012-07-19', lang: 'tl', tags: ['x'] },
  'documents.editPassage': { docId: ID, passageId: ID, text: 'bago' },
  'documents.deletePassage': { docId: ID, passageId: ID },
  'documents.versions': { id: ID },
  'annotations.list': { docId: ID },
  'annotations.needsReview': undefined,
  'annotations.create': { docId: ID, start: 0, end: 5, color: 'green', note: 'n', tags: ['t'] },
  'annotations.update': { id: ID, color: 'blue', note: 'n', tags: [] },
  'annotations.delete': { id: ID },
  'annotations.restore': { annotation: ANNOTATION },
  'annotations.reattach': { id: ID, start: 0, end: 3 },
  'annotations.export': { docId: 'all', format: 'md' },
  'annotations.importW3c': { content: '{}' },
  'archive.backup': undefined,
  'archive.backups': undefined,
  'archive.restore': { file: '/tmp/x.sqlite' },
  'archive.health': undefined,
  'library.list': undefined,
  'collections.list': undefined,
  'collections.create': { name: 'Halalan 2012' },
  'collections.rename': { id: ID, name: 'Halalan' },
  'collections.delete': { id: ID },
  'collections.add': { id: ID, docIds: [ID] },
  'collections.remove': { id: ID, docIds: [ID] },
  'documents.bulkTag': { ids: [ID], add: ['a'], remove: ['b'] },
  'documents.bulkDelete': { ids: [ID] },
  'documents.resolveNearDuplicate': { id: ID, of: ID, choice: 'version' },
  'mentions.extract': { docId: ID },
  'facts.propose': { docId: ID },
  'facts.list': { entityId: ID, predicate: 'votes received', status: 'confirmed', docId: ID, sort: 'date', order: 'desc', limit: 5, offset: 0 },
  'facts.get': { id: ID },
  'facts.create': {
    subject: { name: 'Bako Sahakyan', type: 'person' },
    predicate: 'votes received',
    object: { kind: 'number', number: 47000, unit: 'votes' },
    valueQualifier: 'exact',
    date: '2012-07-19',
    place: 'Nagorno-Karabakh',
    evidence: [{ docId: ID, start: 0, end: 5 }],
    note: 'n',
  },
  'facts.update': { id: ID, predicate: 'votes received', object: { kind: 'date', date: '2012' }, date: '', note: 'n' },
  'facts.accept': { id: ID, changes: { predicate: 'votes' } },
  'facts.reject': { id: ID },
  'facts.delete': { id: ID },
  'facts.addEvidence': { id: ID, docId: ID, start: 0, end: 5 },
  'facts.removeEvidence': { id: ID, annotationId: ID },
  'facts.setPreferred': { id: ID, reason: 'official count' },
  'facts.clearPreferred': { id: ID },
  'facts.conflicts': { scope: 'all' },
  'facts.timeline': { entityId: ID, scope: 'confirmed' },
  'facts.predicates': { prefix: 'vo' },
  'facts.export': { format: 'csv', status: 'confirmed' },
  'entities.list': { type: 'person', query: 'Sahakyan' },
  'entities.get': { id: ID },
  'entities.update': { id: ID, name: 'Bako Sahakyan', type: 'person' },
  'entities.merge': { targetId: ID, sourceIds: [ID] },
  'entities.split': { id: ID, aliases: ['Sahakyan'], name: 'Sahakyan' },
  'entities.addAlias': { id: ID, alias: 'Бако Саакян' },
  'entities.mergeSuggestions': undefined,
  'documents.original': { id: ID },
  'documents.importPaths': { paths: ['/tmp/a.txt'], lang: 'tl' },
  'jobs.status': { id: ID },
  'jobs.cancel': { id: ID },
  'translations.list': { docId: ID },
  'translations.link': { sourceId: ID, translationId: ID },
  'translations.unlink': { id: ID },
  'translations.importAsTranslation': { name: 'x.txt', data: new Uint8Array([65]), lang: 'en', translationOf: ID },
  'align.get': { docId: ID, otherDocId: ID, recompute: true },
  'align.correct': { docId: ID, otherDocId: ID, op: 'split', level: 'sentence', bead: 0, sentenceBead: 0, sourceAt: 1, targetAt: 1, side: 'source', by: 1, source: [0], target: [0], sourceSentences: [[0, 0]], targetSentences: [[0, 1]] },
  'align.counterpart': { docId: ID, passageId: ID, otherDocId: ID },
  'align.export': { docId: ID, otherDocId: ID, format: 'tmx', level: 'sentence' },
  'annotations.carried': { docId: ID, translationDocId: ID },
  'segments.start': { docId: ID, lang: 'en', title: 'T', unit: 'sentence' },
  'segments.list': { linkId: ID },
  'segments.save': { id: ID, text: 'Salin', status: 'done' },
  'mt.settings.get': undefined,
  'mt.settings.set': { enabled: false, endpoint: 'http://127.0.0.1:5000' },
  'mt.translate': { text: 'Halalan', source: 'tl', target: 'en' },
  'team.status': undefined,
  'team.join': { server: 'postgres://alice@db.example.org/team' },
  'team.leave': undefined,
  'team.sync': undefined,
  'team.conflicts': undefined,
  'team.resolve': { id: ID, choice: 'take-other' },
};

/** Fields where null is a legal value (so null is not a type error there). */
const NULLABLE = new Set(['source', 'author', 'publishedAt']);

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : v instanceof Uint8Array ? 'bytes' : typeof v);
const anyValue = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string(), fc.array(fc.anything(), { maxLength: 3 }), fc.object({ maxDepth: 2 }), fc.uint8Array({ maxLength: 4 }));
/** A value whose type differs from `base` (and is not null where null is allowed). */
const wrongTypeFor = (base: unknown, key: string) => anyValue.filter((v) => kindOf(v) !== kindOf(base) && !(v === null && NULLABLE.has(key)));

function malformed(channel: Channel): fc.Arbitrary<unknown> {
  const base = VALID[channel];
  if (base === undefined) return anyValue.filter((v) => v !== null); // void channels take no payload at all
  const record = base as Record<string, unknown>;
  const keys = Object.keys(record);
  return fc.oneof(
    anyValue.filter((v) => kindOf(v) !== 'object'), // not an object at all
    fc.constantFrom(...keys).chain((key) => wrongTypeFor(record[key], key).map((v) => ({ ...record, [key]: v }))),
    fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in record) && !['__proto__', 'constructor', 'prototype'].includes(k)).map((k) => ({ ...record, [k]: 1 })),
    ...['id', 'docId', 'passageId'].filter((k) => k in record).map((k) => fc.string({ maxLength: 40 }).map((s) => ({ ...record, [k]: s }))),
  );
}

const REQUIRED_FIELDS: Partial<Record<Channel, string[]>> = {
  'documents.get': ['id'],
  'documents.import': ['name', 'data'],
  'annotations.create': ['docId', 'start', 'end'],
  'search.query': ['query'],
  'archive.restore': ['file'],
};

let archive: Archive;
let api: TalaApi;
let before: unknown;

async function snapshot(): Promise<unknown> {
  const documents = await archive.documents.list();
  return { documents, annotations: await archive.annotations.listAll(), backups: archive.backups.list().length };
}

beforeAll(async () => {
  archive = await openArchiveDir(join(tempDir(), 'fuzz'), { seedSamples: true, samplesDir: SAMPLES_DIR });
  const tl = (await archive.documents.list())[0];
  await archive.annotations.create({ docId: tl.id, start: 0, end: 10, note: 'bantay' });
  api = createApi(archive);
  before = await snapshot();
});
afterAll(() => archive.close());

describe('dispatch under malformed payloads', () => {
  it.each(CHANNELS)('%s answers every malformed payload with INVALID_REQUEST', async (channel) => {
    await fc.assert(
      fc.asyncProperty(malformed(channel), async (payload) => {
        const result = await dispatch(api, channel, payload);
        expect(result).toEqual({
          ok: false,
          error: { code: 'INVALID_REQUEST', message: expect.stringMatching(/^Invalid request: /), details: { path: expect.any(String) } },
        });
      }),
      { numRuns: 250, seed: 20121907 },
    );
  });

  it.each(Object.entries(REQUIRED_FIELDS))('%s refuses a payload missing a required field', async (channel, fields) => {
    for (const field of fields) {
      const { [field]: _dropped, ...rest } = VALID[channel as Channel] as Record<string, unknown>;
      expect(await dispatch(api, channel, rest)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
  });

  it('refuses unknown and hostile channel names', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'), fc.anything()), async (name) => {
        fc.pre(!CHANNELS.includes(name as Channel));
        expect(await dispatch(api, name, undefined)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('left the archive exactly as it was', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
