// The facts channels through the shared dispatch (the path every door takes): validation and wiring.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, dispatch, type ApiSession } from '../../../main/api/dispatch';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { CHANNELS } from '../../../shared/contract';
import type { Fact, MentionsResult, ProposalReport } from '../../../shared/facts';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

let archive: Archive;
let api: ApiSession;
let tl: string;

async function call<T>(channel: string, payload?: unknown): Promise<T> {
  const result = await dispatch(api, channel, payload);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

beforeAll(async () => {
  archive = await openArchiveDir(join(tempDir('tala-facts-api-'), 'a'), { seedSamples: true, samplesDir: SAMPLES_DIR });
  api = createApi(archive);
  tl = (await archive.documents.list()).find((d) => d.lang === 'tl')!.id;
});
afterAll(() => archive.close());

describe('facts channels', () => {
  it('are part of the contract', () => {
    for (const c of [
      'mentions.extract',
      'facts.propose',
      'facts.list',
      'facts.create',
      'facts.update',
      'facts.accept',
      'facts.reject',
      'facts.delete',
      'facts.setPreferred',
      'facts.conflicts',
      'facts.timeline',
      'facts.export',
      'entities.list',
      'entities.get',
      'entities.merge',
      'entities.split',
      'entities.addAlias',
    ]) {
      expect(CHANNELS).toContain(c);
    }
  });

  it('extract, propose, accept, list, timeline, entities and export answer through dispatch', async () => {
    const mentions = await call<MentionsResult>('mentions.extract', { docId: tl });
    expect(mentions).toMatchObject({ docId: tl, lang: 'tl', version: 1 });
    expect(mentions.mentions.filter((m) => m.type === 'person').length).toBeGreaterThanOrEqual(3);

    const report = await call<ProposalReport>('facts.propose', { docId: tl });
    const proposal = report.proposals.find((f) => f.predicate === 'inauguration date')!;
    const accepted = await call<Fact>('facts.accept', { id: proposal.id, changes: { note: 'sworn in a second time' } });
    expect(accepted).toMatchObject({
      status: 'confirmed',
      note: 'sworn in a second time',
      evidence: [{ docId: tl, link: expect.stringMatching(new RegExp(`^#/doc/${tl}/a/`)) }],
    });

    const listed = await call<Fact[]>('facts.list', {
      status: 'proposed',
      sort: 'confidence',
      order: 'desc',
      limit: 2,
    });
    expect(listed).toHaveLength(2);
    expect(listed[0].confidence).toBeGreaterThanOrEqual(listed[1].confidence);
    expect(await call('facts.timeline', {})).toEqual([expect.objectContaining({ date: '2012-09-07', role: 'value' })]);
    const people = await call<Array<{ name: string }>>('entities.list', { type: 'person' });
    expect(people.map((p) => p.name)).toEqual(['Arkady Soghomonyan', 'Bako Sahakyan', 'Vitaly Balasanyan']);
    const exported = await call<{ content: string }>('facts.export', { format: 'json' });
    expect(JSON.parse(exported.content).facts).toHaveLength(1);
    expect(await call('facts.conflicts', {})).toEqual([]);
    expect(await call('facts.predicates', { prefix: 'inaug' })).toEqual([{ predicate: 'inauguration date', facts: 1 }]);
  });

  it('creates a fact by hand with a text range as evidence and a typed value', async () => {
    const doc = await archive.documents.get(tl);
    const start = doc.text.indexOf('ika-17 siglo');
    const fact = await call<Fact>('facts.create', {
      subject: { name: 'Ebanghelyo ng Stepanakert', type: 'other' },
      predicate: 'dates from',
      object: { kind: 'date', date: '1601/1700' },
      valueQualifier: 'approx',
      place: 'Stepanakert',
      evidence: [{ docId: tl, start, end: start + 'ika-17 siglo'.length }],
    });
    expect(fact).toMatchObject({
      label: 'Ebanghelyo ng Stepanakert — dates from — about 1601/1700 (Stepanakert)',
      qualifiers: { place: { name: 'Stepanakert' } },
    });
    const updated = await call<Fact>('facts.update', { id: fact.id, place: '', date: '2012' });
    expect(updated.qualifiers).toEqual({ date: '2012', place: null });
    expect((await archive.annotations.get(fact.evidence[0].annotationId)).note).toBe(updated.label);
  });

  it('refuses malformed fact payloads before they reach the archive', async () => {
    for (const payload of [
      { subject: { name: 'X' }, predicate: 'p', object: { kind: 'money', number: 1 } },
      { subject: { name: 'X' }, predicate: 'p', object: { kind: 'number', number: Number.NaN } },
      { subject: { name: 'X' }, predicate: 'p', object: { kind: 'date', date: 'July 19' } },
      { subject: { name: 'X' }, predicate: 'p', object: { kind: 'text', text: 't', extra: 1 } },
      { subject: { name: 'X' }, predicate: '', object: { kind: 'text', text: 't' } },
    ]) {
      expect(await dispatch(api, 'facts.create', payload)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST', message: expect.stringMatching(/^Invalid request: /) },
      });
    }
    expect(await dispatch(api, 'facts.conflicts', { scope: 'everything' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
  });
});
