// The facts ledger on real archives (SQLite files in a temp folder): proposals, acceptance with an evidence
// annotation, evidence surviving a text edit, a conflicting second source, preferred facts, entities with
// aliases (merge suggestions across scripts, merge, split), timeline, exports and portable archives.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import type { Fact } from '../../../shared/facts';
import { withAgreement } from '../../../main/facts/values';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const root = tempDir('tala-facts-');
let n = 0;
const freshDir = () => join(root, `archive-${n++}`);
const utf8 = (s: string) => new TextEncoder().encode(s);

const SECOND_SOURCE = [
  'Recount in Nagorno-Karabakh',
  '',
  'According to a count published later by observers, Bako Sahakyan received 48,000 votes in the' +
    ' presidential election of July 19, 2012.',
].join('\n');

const RUSSIAN_SOURCE = [
  'Выборы в НКР',
  '',
  '19 июля 2012 года в НКР прошли президентские выборы. По данным ЦИК, 47 тысяч избирателей' +
    ' проголосовали за Бако Саакяна.',
].join('\n');

async function docIds(archive: Archive) {
  const docs = await archive.documents.list();
  return { tl: docs.find((d) => d.lang === 'tl')!.id, en: docs.find((d) => d.lang === 'en')!.id };
}

const find = (facts: Fact[], predicate: string, subject: string) =>
  facts.find((f) => f.predicate === predicate && f.subject.name === subject)!;

describe('proposals and evidence', () => {
  let archive: Archive;
  let tl: string;
  beforeAll(async () => {
    archive = await openArchiveDir(freshDir(), { seedSamples: true, samplesDir: SAMPLES_DIR });
    ({ tl } = await docIds(archive));
  });
  afterAll(() => archive.close());

  it('proposes facts for a document without confirming any, and never proposes the same one twice', async () => {
    const report = await archive.facts.propose(tl);
    expect(report.created).toBe(8);
    expect(
      report.proposals.every((f) => f.status === 'proposed' && f.origin === 'extractor' && f.evidence.length === 0),
    ).toBe(true);
    const votes = find(report.proposals, 'votes received', 'Bako Sahakyan');
    expect(votes).toMatchObject({
      object: { kind: 'number', number: 47_000, unit: 'votes' },
      qualifiers: { date: '2012-07-19', place: null },
      label: 'Bako Sahakyan — votes received — 47,000 votes (2012-07-19)',
      candidate: {
        docId: tl,
        quote: expect.stringMatching(/^47 libo sa kanila ang bumoto para sa .* Bako Sahakyan$/),
        link: `#/doc/${tl}`,
      },
    });
    expect(await archive.facts.list({ status: 'confirmed' })).toEqual([]);

    const turnout = find(report.proposals, 'voters (turnout)', 'Nagorno-Karabakh');
    await archive.facts.reject(turnout.id);
    const again = await archive.facts.propose(tl);
    expect(again.created).toBe(0);
    expect(again.proposals).toHaveLength(7);
    expect((await archive.facts.get(turnout.id)).status).toBe('rejected');
  });

  it('accepting a proposal confirms it and makes its passage an evidence annotation', async () => {
    const [proposal] = (await archive.facts.list({ docId: tl, status: 'proposed' })).filter(
      (f) => f.predicate === 'votes received' && f.subject.name === 'Bako Sahakyan',
    );
    const fact = await archive.facts.accept(proposal.id);
    const doc = await archive.documents.get(tl);
    expect(fact.status).toBe('confirmed');
    expect(fact.evidence).toHaveLength(1);
    const [evidence] = fact.evidence;
    const passage = doc.passages[2];
    expect(evidence).toMatchObject({
      docId: tl,
      docTitle: doc.title,
      lang: 'tl',
      passageId: passage.id,
      paragraph: 3,
      quote: proposal.candidate!.quote,
      status: 'anchored',
      link: `#/doc/${tl}/a/${evidence.annotationId}`,
    });
    expect(doc.text.slice(evidence.start, evidence.end)).toBe(evidence.quote);
    const annotation = await archive.annotations.get(evidence.annotationId);
    expect(annotation).toMatchObject({ docId: tl, exact: evidence.quote, tags: ['fact'], note: fact.label });
  });

  it('a confirmed fact keeps its evidence through a text edit (the annotation re-anchors)', async () => {
    const [fact] = (await archive.facts.list({ status: 'confirmed' })).filter((f) => f.predicate === 'votes received');
    const before = fact.evidence[0];
    const doc = await archive.documents.get(tl);
    const passage = doc.passages.find((p) => p.id === before.passageId)!;
    const inserted = 'Ayon sa opisyal na bilang na inilabas kinabukasan: ';
    const at = passage.text.indexOf('47 libo');
    const report = await archive.documents.editPassage(
      tl,
      passage.id,
      passage.text.slice(0, at) + inserted + passage.text.slice(at),
    );
    expect(report.reanchored.moved).toBeGreaterThanOrEqual(1);

    const after = (await archive.facts.get(fact.id)).evidence[0];
    const edited = await archive.documents.get(tl);
    expect(after).toMatchObject({
      annotationId: before.annotationId,
      quote: before.quote,
      passageId: before.passageId,
      status: 'moved',
      start: before.start + inserted.length,
    });
    expect(edited.text.slice(after.start, after.end)).toBe(before.quote);
  });

  it('a proposal read before an edit is still accepted onto the moved text', async () => {
    const proposal = find(
      await archive.facts.list({ docId: tl, status: 'proposed' }),
      'votes received',
      'Vitaly Balasanyan',
    );
    const doc = await archive.documents.get(tl);
    const passage = doc.passages.find((p) => p.text.includes('20 libo'))!;
    await archive.documents.editPassage(tl, passage.id, passage.text.replace('20 libo', 'at 20 libo'));
    const fact = await archive.facts.accept(proposal.id);
    const edited = await archive.documents.get(tl);
    expect(edited.text.slice(fact.evidence[0].start, fact.evidence[0].end)).toBe(proposal.candidate!.quote);
  });

  it('edits a proposal while accepting it, and suggests predicates from earlier facts', async () => {
    const proposal = find(
      await archive.facts.list({ docId: tl, status: 'proposed' }),
      'inauguration date',
      'Bako Sahakyan',
    );
    const fact = await archive.facts.accept(proposal.id, { predicate: 'Inauguration  date', note: 'second term' });
    expect(fact).toMatchObject({
      status: 'confirmed',
      predicate: 'Inauguration date',
      note: 'second term',
      object: { kind: 'date', date: '2012-09-07' },
    });
    expect(await archive.facts.predicates('v')).toEqual([{ predicate: 'votes received', facts: 2 }]);
    expect((await archive.facts.predicates('')).map((p) => p.predicate)).toEqual(
      expect.arrayContaining(['votes received', 'candidate in election', 'election date', 'Inauguration date']),
    );
  });

  it('deleting a fact removes the annotation made for it', async () => {
    const fact = await archive.facts.create({
      subject: { name: 'Arkady Soghomonyan', type: 'person' },
      predicate: 'position',
      object: { kind: 'text', text: 'Vice-Rector' },
      evidence: [{ docId: tl, start: 0, end: 3 }],
    });
    const annotationId = fact.evidence[0].annotationId;
    expect(fact).toMatchObject({ status: 'confirmed', origin: 'person', confidence: 1 });
    await archive.facts.delete(fact.id);
    await expect(archive.annotations.get(annotationId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(archive.facts.get(fact.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses bad input with clear errors', async () => {
    await expect(
      archive.facts.create({ subject: { name: ' ' }, predicate: 'x', object: { kind: 'text', text: 'y' } }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(
      archive.facts.create({ subject: { name: 'A B' }, predicate: 'x', object: { kind: 'date', date: '19 July' } }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(
      archive.facts.create({
        subject: { name: 'A B' },
        predicate: 'x',
        object: { kind: 'text', text: 'y' },
        evidence: [{ docId: tl, start: 5, end: 2 }],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect((await archive.facts.list()).some((f) => f.subject.name === 'A B')).toBe(false);
    await expect(archive.facts.accept('0a0b0c0d-0e0f-4000-8000-00000000000a')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('conflicts between sources', () => {
  let archive: Archive;
  let tl: string;
  let second: string;
  beforeAll(async () => {
    archive = await openArchiveDir(freshDir(), { seedSamples: true, samplesDir: SAMPLES_DIR });
    ({ tl } = await docIds(archive));
    const imported = await archive.documents.importFile({
      name: 'recount.txt',
      bytes: utf8(SECOND_SOURCE),
      lang: 'en',
    });
    if (imported.status !== 'imported') throw new Error('import failed');
    second = imported.document.id;
  });
  afterAll(() => archive.close());

  it('a second source with a different vote count shows up as a conflict, with both evidence passages', async () => {
    const first = find((await archive.facts.propose(tl)).proposals, 'votes received', 'Bako Sahakyan');
    await archive.facts.accept(first.id);
    const recount = find((await archive.facts.propose(second)).proposals, 'votes received', 'Bako Sahakyan');
    expect(recount).toMatchObject({ object: { kind: 'number', number: 48_000 }, qualifiers: { date: '2012-07-19' } });
    expect(recount.subject.entityId).toBe(first.subject.entityId);
    expect(await archive.facts.conflicts()).toEqual([]); // a proposal is not yet a claim
    expect(await archive.facts.conflicts({ includeProposed: true })).toHaveLength(1);
    await archive.facts.accept(recount.id);

    const groups = await archive.facts.conflicts();
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group).toMatchObject({
      subject: { name: 'Bako Sahakyan' },
      predicate: 'votes received',
      qualifiers: { date: '2012-07-19', place: null },
      preferredFactId: null,
    });
    const docs = new Map((await archive.documents.list()).map((d) => [d.id, d.title]));
    const evidence = group.facts.map((f) => ({
      value: f.object.kind === 'number' ? f.object.number : null,
      ...f.evidence[0],
    }));
    expect(evidence).toEqual([
      expect.objectContaining({
        value: 47_000,
        docId: tl,
        docTitle: docs.get(tl),
        quote: expect.stringContaining('47 libo'),
        passageId: expect.any(String),
        annotationId: expect.any(String),
      }),
      expect.objectContaining({
        value: 48_000,
        docId: second,
        docTitle: 'Recount in Nagorno-Karabakh',
        quote: 'Bako Sahakyan received 48,000',
        passageId: expect.any(String),
        paragraph: 2,
      }),
    ]);
  });

  it('the user marks one as preferred with a reason (one per group), and can clear it', async () => {
    const [group] = await archive.facts.conflicts();
    const official = group.facts.find((f) => f.object.kind === 'number' && f.object.number === 47_000)!;
    const other = group.facts.find((f) => f !== official)!;
    await archive.facts.setPreferred(other.id, true, 'observers');
    const marked = await archive.facts.setPreferred(official.id, true, 'official CEC count');
    expect(marked).toMatchObject({ preferred: true, preferredReason: 'official CEC count' });
    expect((await archive.facts.get(other.id)).preferred).toBe(false);
    expect((await archive.facts.conflicts())[0].preferredFactId).toBe(official.id);
    await archive.facts.setPreferred(official.id, false, '');
    expect((await archive.facts.conflicts())[0].preferredFactId).toBeNull();
  });

  it('the same value from a translation is no conflict; a different date qualifier is another group', async () => {
    const { en } = await docIds(archive);
    const translated = find((await archive.facts.propose(en)).proposals, 'votes received', 'Vitaly Balasanyan');
    const original = find(await archive.facts.list({ docId: tl }), 'votes received', 'Vitaly Balasanyan');
    await archive.facts.accept(translated.id);
    await archive.facts.accept(original.id);
    await archive.facts.create({
      subject: { name: 'Vitaly Balasanyan', type: 'person' },
      predicate: 'votes received',
      object: { kind: 'number', number: 18_000, unit: 'votes' },
      date: '2007-07-19',
    });
    expect((await archive.facts.conflicts()).map((g) => g.subject.name)).toEqual(['Bako Sahakyan']);
  });

  it('lists facts with filters and sorts, and gives a timeline of dated facts', async () => {
    const sahakyan = find(await archive.facts.list({ status: 'confirmed' }), 'votes received', 'Bako Sahakyan').subject
      .entityId;
    expect(
      (await archive.facts.list({ entityId: sahakyan, status: 'confirmed' })).map(
        (f) => f.object.kind === 'number' && f.object.number,
      ),
    ).toEqual([47_000, 48_000]);
    expect((await archive.facts.list({ docId: second })).map((f) => f.label)).toEqual([
      'Bako Sahakyan — votes received — 48,000 votes (2012-07-19)',
    ]);
    const byConfidence = await archive.facts.list({ status: 'confirmed', sort: 'confidence', descending: true });
    expect(byConfidence[0].confidence).toBe(1);
    const timeline = await archive.facts.timeline();
    expect(timeline.map((t) => t.date)).toEqual(['2007-07-19', '2012-07-19', '2012-07-19', '2012-07-19', '2012-07-19']);
    expect(timeline[1]).toMatchObject({ role: 'qualifier', from: '2012-07-19', to: '2012-07-19' });
  });

  it('exports facts with citations as CSV and JSON', async () => {
    const csv = await archive.facts.export('csv');
    expect(csv).toMatchObject({ fileName: 'tala-facts.csv', mediaType: 'text/csv' });
    const lines = csv.content.trim().split('\r\n');
    expect(lines[0]).toBe(
      'fact_id,subject,subject_type,predicate,value,number,unit,date_value,value_qualifier,date,place,status,' +
        'confidence,origin,preferred,preferred_reason,note,document_id,document_title,source,published,lang,' +
        'paragraph,quote,annotation_id,created,updated',
    );
    expect(lines.find((l) => l.includes('48,000'))).toContain(
      ',Recount in Nagorno-Karabakh,,,en,2,"Bako Sahakyan received 48,000",',
    );
    const json = JSON.parse((await archive.facts.export('json')).content);
    const recount = json.facts.find((f: { value: string }) => f.value === '48,000 votes');
    expect(recount).toMatchObject({
      subject: { name: 'Bako Sahakyan', type: 'person' },
      predicate: 'votes received',
      qualifiers: { date: '2012-07-19' },
      citations: [
        {
          documentId: second,
          title: 'Recount in Nagorno-Karabakh',
          paragraph: 2,
          quote: 'Bako Sahakyan received 48,000',
          lang: 'en',
          link: expect.stringMatching(/^#\/doc\//),
        },
      ],
    });
  });

  it('deleting a document takes its open proposals with it and leaves confirmed facts', async () => {
    const { en } = await docIds(archive);
    const before = await archive.facts.list({ docId: en });
    expect(before.some((f) => f.status === 'proposed')).toBe(true);
    await archive.documents.delete(en);
    const left = await archive.facts.list();
    expect(left.some((f) => before.some((b) => b.id === f.id && b.status === 'proposed'))).toBe(false);
    const kept = left.find((f) => f.id === before.find((b) => b.status === 'confirmed')!.id)!;
    expect(kept.status).toBe('confirmed');
    expect(kept.evidence).toEqual([]);
  });
});

describe('conflicting sources in other words and scripts', () => {
  let archive: Archive;
  let tl: string;
  beforeAll(async () => {
    archive = await openArchiveDir(freshDir(), { seedSamples: true, samplesDir: SAMPLES_DIR });
    ({ tl } = await docIds(archive));
    await archive.facts.accept(find((await archive.facts.propose(tl)).proposals, 'votes received', 'Bako Sahakyan').id);
  });
  afterAll(() => archive.close());

  async function importText(name: string, text: string, lang: string): Promise<string> {
    const imported = await archive.documents.importFile({ name, bytes: utf8(text), lang });
    if (imported.status !== 'imported') throw new Error('import failed');
    return imported.document.id;
  }

  it(
    '"Sahakyan received 48,000 votes on 2012-07-19": the surname finds the person, the date in the' +
      ' sentence is the qualifier',
    async () => {
      const doc = await importText('note.txt', 'Field note\n\nSahakyan received 48,000 votes on 2012-07-19.', 'en');
      const proposal = find((await archive.facts.propose(doc)).proposals, 'votes received', 'Bako Sahakyan');
      expect(proposal).toMatchObject({
        subjectAlias: 'Sahakyan',
        qualifiers: { date: '2012-07-19' },
        object: { kind: 'number', number: 48_000 },
      });
      await archive.facts.accept(proposal.id);
      const [group] = await archive.facts.conflicts();
      expect(group.facts.map((f) => [f.evidence[0].docId, f.evidence[0].quote])).toEqual([
        [tl, expect.stringContaining('47 libo')],
        [doc, 'Sahakyan received 48,000'],
      ]);
      await archive.facts.delete(proposal.id);
      expect(await archive.facts.conflicts()).toEqual([]);
    },
  );

  it('a Russian source naming "Саакян" conflicts at once: the name meets "Sahakyan" across scripts', async () => {
    const doc = await importText(
      'nablyudateli.txt',
      'Наблюдатели\n\nПо данным наблюдателей, Саакян получил 48 тысяч голосов 19 июля 2012 года.',
      'ru',
    );
    // "Саакян" is the alias "Sahakyan" (recorded by the note above) in another script (issue 11): same entity.
    const proposal = find((await archive.facts.propose(doc)).proposals, 'votes received', 'Bako Sahakyan');
    expect(proposal.subjectAlias).toBe('Саакян');
    await archive.facts.accept(proposal.id);

    const [group] = await archive.facts.conflicts();
    expect(
      group.facts.map((f) => ({
        alias: f.subjectAlias,
        lang: f.evidence[0].lang,
        value: f.object.kind === 'number' ? f.object.number : null,
      })),
    ).toEqual([
      { alias: expect.stringMatching(/Bako Sahakyan/), lang: 'tl', value: 47_000 },
      { alias: 'Саакян', lang: 'ru', value: 48_000 },
    ]);
    expect(group.facts[1].evidence[0]).toMatchObject({ docId: doc, quote: 'Саакян получил 48 тысяч', paragraph: 2 });
  });
});

describe('approximate values', () => {
  let archive: Archive;
  beforeAll(async () => {
    archive = await openArchiveDir(freshDir());
  });
  afterAll(() => archive.close());

  const votes = (number: number, valueQualifier: 'exact' | 'approx' | 'gt', name = 'Raffi Hovannisian') =>
    archive.facts.create({
      subject: { name, type: 'person' },
      predicate: 'votes received',
      object: { kind: 'number', number, unit: 'votes' },
      valueQualifier,
      date: '2013-02-18',
    });

  it('"about 47,000" against 47,000 is consistent (approximate), not a conflict', async () => {
    await votes(47_000, 'approx');
    await votes(47_000, 'exact');
    const [group] = withAgreement(await archive.facts.conflicts());
    expect(group).toMatchObject({ subject: { name: 'Raffi Hovannisian' }, agreement: 'approximate' });
    expect(group.facts.map((f) => f.valueQualifier).sort()).toEqual(['approx', 'exact']);
  });

  it('"more than 860,000" against 862,000 is consistent; 850,000 against it is a conflict', async () => {
    await votes(860_000, 'gt', 'Serzh Sargsyan');
    await votes(862_000, 'exact', 'Serzh Sargsyan');
    const sargsyan = async () =>
      withAgreement(await archive.facts.conflicts()).find((g) => g.subject.name === 'Serzh Sargsyan')!;
    expect((await sargsyan()).agreement).toBe('approximate');
    await votes(850_000, 'exact', 'Serzh Sargsyan');
    expect((await sargsyan()).agreement).toBe('conflict');
  });
});

describe('entities', () => {
  let archive: Archive;
  let tl: string;
  let ru: string;
  beforeAll(async () => {
    archive = await openArchiveDir(freshDir(), { seedSamples: true, samplesDir: SAMPLES_DIR });
    ({ tl } = await docIds(archive));
    const imported = await archive.documents.importFile({
      name: 'vybory.txt',
      bytes: utf8(RUSSIAN_SOURCE),
      lang: 'ru',
    });
    if (imported.status !== 'imported') throw new Error('import failed');
    ru = imported.document.id;
    await archive.facts.propose(tl);
    await archive.facts.propose(ru);
  });
  afterAll(() => archive.close());

  it('a lone surname resolves to the one person who has it', async () => {
    const fact = await archive.facts.create({
      subject: { name: 'Sahakyan', type: 'person' },
      predicate: 'term',
      object: { kind: 'text', text: 'second' },
    });
    expect(fact.subject.name).toBe('Bako Sahakyan');
    expect(fact.subjectAlias).toBe('Sahakyan');
  });

  it('takes the same person written in another script for one entity, without a merge', async () => {
    // The Russian source's "Бако Саакяна" meets "Bako Sahakyan" by the cross-script name key (issue 11).
    const suggestions = await archive.facts.mergeSuggestions();
    expect(
      suggestions.some((s) => [s.target.name, s.source.name].sort().join(' / ') === 'Bako Sahakyan / Бако Саакян'),
    ).toBe(false);
    expect(suggestions.some((s) => s.target.type !== s.source.type)).toBe(false);
    const people = await archive.facts.listEntities({ type: 'person', query: 'sahakyan' });
    expect(people.map((p) => p.name)).toEqual(['Bako Sahakyan']);
    const merged = await archive.facts.getEntity(people[0].id);
    expect(merged.aliases.map((a) => a.alias)).toEqual(
      expect.arrayContaining(['Bako Sahakyan', 'Sahakyan', 'Бако Саакян', 'Бако Саакяна']),
    );
    expect(merged.aliases.find((a) => a.alias === 'Бако Саакян')!.key).toBe('bako saakyan');

    const detail = await archive.facts.getEntity(merged.id);
    expect(detail.factList.map((f) => f.predicate)).toEqual(
      expect.arrayContaining(['votes received', 'inauguration date', 'candidate in election']),
    );
    expect(
      new Set(detail.factList.filter((f) => f.predicate === 'votes received').map((f) => f.candidate!.docId)),
    ).toEqual(new Set([tl, ru]));
    const docsMentioning = new Set(detail.mentions.map((m) => m.docId));
    expect(docsMentioning.size).toBe(3); // Tagalog, English, Russian
    const russian = detail.mentions.find((m) => m.docId === ru)!;
    expect(russian).toMatchObject({
      alias: expect.stringMatching(/^Бако Саакяна?$/),
      link: `#/doc/${ru}`,
      passageId: expect.any(String),
    });
    expect((await archive.documents.get(ru)).text.slice(russian.start, russian.end)).toBe('Бако Саакяна');
  });

  it('the merged person now has two sources saying 47,000 for the same day: no conflict', async () => {
    for (const f of await archive.facts.list({ predicate: 'votes received', status: 'proposed' }))
      if (f.subject.name === 'Bako Sahakyan') await archive.facts.accept(f.id);
    expect(await archive.facts.conflicts()).toEqual([]);
  });

  it('splits the Russian spellings off again, taking their facts along', async () => {
    const [person] = await archive.facts.listEntities({ type: 'person', query: 'sahakyan' });
    const { kept, created } = await archive.facts.splitEntity(person.id, ['Бако Саакян', 'Бако Саакяна']);
    expect(created).toMatchObject({ name: 'Бако Саакян', type: 'person' });
    expect(created.aliases.map((a) => a.alias).sort()).toEqual(['Бако Саакян', 'Бако Саакяна']);
    expect(kept.aliases.map((a) => a.alias)).not.toContain('Бако Саакян');
    const moved = await archive.facts.list({ entityId: created.id });
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((f) => f.subjectAlias.startsWith('Бако'))).toBe(true);
    await expect(archive.facts.splitEntity(created.id, ['Бако Саакян', 'Бако Саакяна'])).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
  });

  it('adds aliases and renames', async () => {
    const [person] = await archive.facts.listEntities({ query: 'Balasanyan' });
    const withAlias = await archive.facts.addAlias(person.id, 'Виталий Баласанян');
    expect(withAlias.aliases.map((a) => a.key)).toContain('vitaliy balasanyan');
    expect((await archive.facts.listEntities({ query: 'Баласанян' })).map((e) => e.id)).toEqual([person.id]);
    const renamed = await archive.facts.updateEntity(person.id, { name: 'Vitaliy Balasanyan' });
    expect(renamed.name).toBe('Vitaliy Balasanyan');
  });
});

describe('portable archives carry the facts ledger', () => {
  it('entities, aliases, facts and evidence arrive by UUID, once', async () => {
    const archive = await openArchiveDir(freshDir(), { seedSamples: true, samplesDir: SAMPLES_DIR });
    const { tl } = await docIds(archive);
    const proposal = find((await archive.facts.propose(tl)).proposals, 'votes received', 'Bako Sahakyan');
    const fact = await archive.facts.accept(proposal.id);
    const file = join(root, `copy-${n++}.tala`);
    await archive.backups.exportPortable(file);

    const other = await openArchiveDir(freshDir(), { seedSamples: true, samplesDir: SAMPLES_DIR });
    await other.backups.importPortable(file);
    const ours = (await other.documents.list()).find((d) => d.lang === 'tl')!.id;
    const copied = await other.facts.get(fact.id);
    expect(copied).toMatchObject({ label: fact.label, status: 'confirmed' });
    expect(copied.evidence).toEqual([
      expect.objectContaining({
        annotationId: fact.evidence[0].annotationId,
        docId: ours,
        quote: fact.evidence[0].quote,
      }),
    ]);
    expect((await other.facts.list({ status: 'proposed' })).length).toBe(
      (await archive.facts.list({ status: 'proposed' })).length,
    );

    await other.backups.importPortable(file);
    expect((await other.facts.list()).length).toBe((await archive.facts.list()).length);
    expect((await other.facts.propose(ours)).created).toBe(0);
    await other.close();
    await archive.close();
  });
});
