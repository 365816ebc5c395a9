// Property test of the boundary every door shares: thousands of malformed payloads, on every channel,
// must each get a clean {ok:false, INVALID_REQUEST} and leave the archive exactly as it was.
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, dispatch, type ApiSession } from '../../../main/api/dispatch';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { CHANNELS, type Channel } from '../../../shared/contract';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';
import { VALID } from '../../helpers/valid-requests';

/** Fields where null is a legal value (so null is not a type error there). */
const NULLABLE = new Set(['source', 'author', 'publishedAt']);

const kindOf = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : v instanceof Uint8Array ? 'bytes' : typeof v;
const anyValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
  fc.uint8Array({ maxLength: 4 }),
);
/** A value whose type differs from `base` (and is not null where null is allowed). */
const wrongTypeFor = (base: unknown, key: string) =>
  anyValue.filter((v) => kindOf(v) !== kindOf(base) && !(v === null && NULLABLE.has(key)));

function malformed(channel: Channel): fc.Arbitrary<unknown> {
  const base = VALID[channel];
  if (base === undefined) return anyValue.filter((v) => v !== null); // void channels take no payload at all
  const record = base as Record<string, unknown>;
  const keys = Object.keys(record);
  return fc.oneof(
    // not an object at all (null is no request at all, which archive.backup takes)
    anyValue.filter((v) => kindOf(v) !== 'object' && !(v === null && channel === 'archive.backup')),
    fc.constantFrom(...keys).chain((key) => wrongTypeFor(record[key], key).map((v) => ({ ...record, [key]: v }))),
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((k) => !(k in record) && !['__proto__', 'constructor', 'prototype'].includes(k))
      .map((k) => ({ ...record, [k]: 1 })),
    ...['id', 'docId', 'passageId']
      .filter((k) => k in record)
      .map((k) => fc.string({ maxLength: 40 }).map((s) => ({ ...record, [k]: s }))),
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
let api: ApiSession;
let before: unknown;

async function snapshot(): Promise<unknown> {
  const documents = await archive.documents.list();
  return { documents, annotations: await archive.annotations.listAll(), backups: archive.backups.list().length };
}

beforeAll(async () => {
  archive = await openArchiveDir(join(tempDir(), 'fuzz'), { seedSamples: true, samplesDir: SAMPLES_DIR });
  const tl = (await archive.documents.list())[0];
  await archive.annotations.create({ docId: tl.id, start: 0, end: 10, note: 'bantay' });
  api = createApi(archive, 'ipc'); // the door that may call everything: validation is what answers
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
          error: {
            code: 'INVALID_REQUEST',
            message: expect.stringMatching(/^Invalid request: /),
            details: { path: expect.any(String) },
          },
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
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'), fc.anything()),
        async (name) => {
          fc.pre(!CHANNELS.includes(name as Channel));
          expect(await dispatch(api, name, undefined)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it('left the archive exactly as it was', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
