// Facts create, accept and add-evidence are single units of work: a fault injected into any step (a SQLite
// trigger that aborts that step's statement, on the real archive file) leaves the archive exactly as it was.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { raw, sql } from '../../../main/db/sql';
import { tempDir } from '../../helpers/temp';

const SOURCE = [
  'Halalan sa Nagorno-Karabakh',
  '',
  'Noong 19 Hulyo 2012, nanalo si Bako Sahakyan sa halalan sa pagkapangulo. 47 libo sa kanila ang' +
    ' bumoto para kay Bako Sahakyan.',
].join('\n');

const dir = tempDir();
const file = join(dir, 'atomic.sqlite');
let archive: Archive;
let faults: Database;
let docId: string;

beforeAll(async () => {
  archive = await Archive.open(file, { search: 'inline' });
  const outcome = await archive.documents.importFile({
    name: 'ulat.txt',
    bytes: new TextEncoder().encode(SOURCE),
    lang: 'tl',
  });
  if (outcome.status !== 'imported') throw new Error('sample not imported');
  docId = outcome.document.id;
  faults = await Database.open(file);
});
afterAll(async () => {
  await faults.close();
  await archive.close();
});

/** Row counts of every table a facts action writes. */
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'facts',
    'fact_evidence',
    'annotations',
    'annotation_tags',
    'entities',
    'entity_aliases',
    'tags',
  ]) {
    out[table] = (await faults.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(table)}`))!.n;
  }
  return out;
}

/** Makes one kind of statement fail until the returned function is called. */
async function injectFault(event: string, when = '1'): Promise<() => Promise<void>> {
  await faults.exec(
    `CREATE TRIGGER injected_fault ${event} WHEN ${when} BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
  );
  return () => faults.exec('DROP TRIGGER injected_fault');
}

const range = (word: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = SOURCE.indexOf(word, at + 1);
  return { docId, start: at, end: at + word.length };
};

const STEPS = [
  ['the fact', 'BEFORE INSERT ON facts'],
  ['the evidence annotation', 'BEFORE INSERT ON annotations'],
  ['the evidence tag', 'BEFORE INSERT ON annotation_tags'],
  ['the evidence link', 'BEFORE INSERT ON fact_evidence'],
  [
    'the second evidence link',
    'BEFORE INSERT ON fact_evidence',
    '(SELECT count(*) FROM fact_evidence WHERE fact_id = NEW.fact_id) >= 1',
  ],
] as const;

describe('facts actions commit or roll back whole', () => {
  it.each(STEPS)('create: a fault in %s leaves nothing behind', async (_step, event, when?: string) => {
    const before = await counts();
    const clear = await injectFault(event, when);
    try {
      await expect(
        archive.facts.create({
          subject: { name: 'Bako Sahakyan', type: 'person' },
          predicate: 'won the election',
          object: { kind: 'date', date: '2012-07-19' },
          evidence: [range('nanalo si Bako Sahakyan'), range('Bako Sahakyan', 1)],
        }),
      ).rejects.toThrow(/injected fault/);
    } finally {
      await clear();
    }
    expect(await counts()).toEqual(before);
  });

  it('create without a fault stores the fact with both evidence annotations', async () => {
    const fact = await archive.facts.create({
      subject: { name: 'Bako Sahakyan', type: 'person' },
      predicate: 'won the election',
      object: { kind: 'date', date: '2012-07-19' },
      evidence: [range('nanalo si Bako Sahakyan'), range('Bako Sahakyan', 1)],
    });
    expect(fact.evidence).toHaveLength(2);
    await archive.facts.delete(fact.id);
  });

  it.each([
    ['the evidence annotation', 'BEFORE INSERT ON annotations'],
    ['the evidence link', 'BEFORE INSERT ON fact_evidence'],
    ['the status change', 'BEFORE UPDATE OF status ON facts', "NEW.status = 'confirmed'"],
  ] as const)(
    'accept: a fault in %s leaves the proposal as it was, without evidence',
    async (_step, event, when?: string) => {
      const proposals = (await archive.facts.propose(docId)).proposals.filter((f) => f.status === 'proposed');
      expect(proposals.length).toBeGreaterThan(0);
      const before = await counts();
      const clear = await injectFault(event, when);
      try {
        await expect(archive.facts.accept(proposals[0].id)).rejects.toThrow(/injected fault/);
      } finally {
        await clear();
      }
      expect(await counts()).toEqual(before);
      expect(await archive.facts.get(proposals[0].id)).toMatchObject({ status: 'proposed', evidence: [] });
    },
  );

  it('addEvidence: a fault in the link leaves no stray annotation', async () => {
    const fact = await archive.facts.create({
      subject: { name: 'Bako Sahakyan', type: 'person' },
      predicate: 'votes received',
      object: { kind: 'number', number: 47000, unit: 'votes' },
    });
    const before = await counts();
    const clear = await injectFault('BEFORE INSERT ON fact_evidence');
    try {
      await expect(archive.facts.addEvidence(fact.id, range('47 libo'))).rejects.toThrow(/injected fault/);
    } finally {
      await clear();
    }
    expect(await counts()).toEqual(before);
    expect((await archive.facts.addEvidence(fact.id, range('47 libo'))).evidence).toHaveLength(1);
  });
});
