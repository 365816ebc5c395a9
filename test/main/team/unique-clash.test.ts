// Rows made on two desktops that mean the same thing (the same translation pair, the same fact proposal)
// but carry different ids: a local UNIQUE constraint holds one of them. The pull adopts one row on every
// desktop alike, moves what named the other to it, and sync goes on working.
import { describe, expect, it } from 'vitest';
import { createApi, dispatch } from '../../../main/api/dispatch';
import type { Archive } from '../../../main/archive/archive';
import { postgresUnavailable } from '../../helpers/postgres';
import { importText, snapshot, useDesktops } from './desktops';

const unavailable = postgresUnavailable();
if (unavailable && process.env.CI) throw new Error(`PostgreSQL is required in CI: ${unavailable}`);

const TAGALOG = [
  'Halalan sa Nagorno-Karabakh',
  'Noong 19 Hulyo 2012, 47 libo sa kanila ang bumoto para sa kasalukuyang pangulo na si Bako Sahakyan.',
  'Tumakbo rin si Vitaly Balasanyan, na nakakuha ng 32 libong boto.',
  'Ang halalan ay itinuring na hindi lehitimo ng Azerbaijan.',
].join('\n\n');
const ENGLISH = [
  'Election in Nagorno-Karabakh',
  'On 19 July 2012, 47 thousand of them voted for the incumbent president, Bako Sahakyan.',
  'Vitaly Balasanyan also ran and received 32 thousand votes.',
  'Azerbaijan considered the election illegitimate.',
].join('\n\n');

describe.skipIf(unavailable)('rows that clash on a local unique key, made on two desktops', () => {
  const { team, desktop } = useDesktops(['alice', 'bob', 'dave']);
  const importDocument = async (archive: Archive, name: string, text: string, lang: string) =>
    archive.documents.get(await importText(archive, name, text, lang));

  it('the same pair linked as translations on two desktops: one link everywhere, both corrections kept', async () => {
    const db = await team();
    const a = await desktop('alice', db);
    const b = await desktop('bob', db);
    const tl = await importDocument(a, 'halalan.txt', TAGALOG, 'tl');
    const en = await importDocument(a, 'election.txt', ENGLISH, 'en');
    await a.team.sync();
    await b.team.sync();

    // Offline, both link the pair and correct its alignment, each in a different place.
    const linkA = await a.translations.link(tl.id, en.id);
    const linkB = await b.translations.link(tl.id, en.id);
    expect(linkA.id).not.toBe(linkB.id);
    await a.translations.correct(tl.id, en.id, { op: 'link', source: [1], target: [1] });
    await b.translations.correct(tl.id, en.id, { op: 'link', source: [3], target: [3] });

    await a.team.sync();
    await b.team.sync(); // used to fail here, and at every later try: UNIQUE constraint failed
    await a.team.sync();

    const kept = [linkA.id, linkB.id].sort()[0];
    for (const side of [a, b]) {
      const links = await side.translations.list(tl.id);
      expect(links.map((l) => l.id)).toEqual([kept]);
      const alignment = await side.translations.getAlignment(tl.id, en.id);
      expect(alignment.linkId).toBe(kept);
      expect(alignment.corrections).toBe(2);
    }
    expect(await snapshot(b)).toEqual(await snapshot(a));

    // A desktop that joins later pulls both links in one go and settles on the same one.
    const c = await desktop('carol', db);
    await c.team.sync();
    expect(await snapshot(c)).toEqual(await snapshot(a));

    // Sync keeps working both ways, corrections on the adopted link included.
    await b.translations.correct(tl.id, en.id, { op: 'link', source: [2], target: [2] });
    const note = await b.annotations.create({ docId: tl.id, start: 0, end: 7, note: 'after the clash' });
    expect((await b.team.sync()).pushed).toBeGreaterThan(0);
    await a.team.sync();
    expect((await a.annotations.list(tl.id)).map((n) => n.id)).toContain(note.id);
    expect((await a.translations.getAlignment(tl.id, en.id)).corrections).toBe(3);
    expect(await snapshot(b)).toEqual(await snapshot(a));
    expect((await a.team.status()).lastError).toBeNull();
  });

  it('a pair linked both ways on two desktops (S→T, T→S): one link, corrections turned its way', async () => {
    const db = await team();
    const a = await desktop('alice', db);
    const b = await desktop('bob', db);
    const tl = await importDocument(a, 'halalan.txt', TAGALOG, 'tl');
    const en = await importDocument(a, 'election.txt', ENGLISH, 'en');
    await a.team.sync();
    await b.team.sync();

    // Offline, alice links English as a translation of Tagalog, bob the other way round; each corrects once.
    const linkA = await a.translations.link(tl.id, en.id);
    const linkB = await b.translations.link(en.id, tl.id);
    await a.translations.correct(tl.id, en.id, { op: 'link', source: [1], target: [1] });
    await b.translations.correct(en.id, tl.id, { op: 'link', source: [2, 3], target: [3] });

    await a.team.sync();
    await b.team.sync();
    await a.team.sync();

    const kept = [linkA, linkB].sort((x, y) => x.id.localeCompare(y.id))[0];
    const fixed = (beads: Array<{ source: number[]; target: number[]; fixed?: boolean }>) =>
      beads.filter((x) => x.fixed).map((x) => ({ source: x.source, target: x.target }));
    const check = async (side: Archive) => {
      const links = await side.translations.list(tl.id);
      expect(links.map((l) => [l.id, l.source.id, l.translation.id])).toEqual([
        [kept.id, kept.source.id, kept.translation.id],
      ]);
      expect(await side.translations.list(en.id)).toEqual(links);
      const fromTl = await side.translations.getAlignment(tl.id, en.id);
      expect(fromTl).toMatchObject({ linkId: kept.id, corrections: 2, staleCorrections: 0 });
      expect(fixed(fromTl.beads)).toEqual([
        { source: [1], target: [1] },
        { source: [3], target: [2, 3] },
      ]);
      const fromEn = await side.translations.getAlignment(en.id, tl.id);
      expect(fixed(fromEn.beads)).toEqual([
        { source: [1], target: [1] },
        { source: [2, 3], target: [3] },
      ]);
    };
    await check(a);
    await check(b);
    expect(await snapshot(b)).toEqual(await snapshot(a));

    // A desktop that joins later pulls both links in one go and settles on the same one.
    const c = await desktop('carol', db);
    await c.team.sync();
    await check(c);
    expect(await snapshot(c)).toEqual(await snapshot(a));

    // Corrections made afterwards, from either document's side, reach the others the same way.
    await b.translations.correct(en.id, tl.id, { op: 'link', source: [0], target: [0] });
    await b.team.sync();
    await a.team.sync();
    expect((await a.translations.getAlignment(tl.id, en.id)).corrections).toBe(3);
    expect(await snapshot(b)).toEqual(await snapshot(a));
    expect((await a.team.status()).lastError).toBeNull();
    expect((await b.team.status()).lastError).toBeNull();

    // Unlinked on one desktop, the pair is unlinked everywhere: the other's link, settled into it, goes too.
    const other = [linkA, linkB].find((l) => l.id !== kept.id)!;
    const unlinker = other === linkA ? b : a; // the desktop that did not make the dropped link
    await unlinker.translations.unlink(kept.id);
    for (const side of [unlinker, a, b, c]) await side.team.sync();
    const d = await desktop('dave', db);
    await d.team.sync();
    for (const side of [a, b, c, d]) expect(await side.translations.list(tl.id)).toEqual([]);
    expect(await snapshot(b)).toEqual(await snapshot(a));
    expect(await snapshot(d)).toEqual(await snapshot(a));
  });

  it('the same person made on two desktops: offered once as a merge on each; merged, one everywhere', async () => {
    const db = await team();
    const a = await desktop('alice', db);
    const b = await desktop('bob', db);
    // Offline, each records a fact about Bako Sahakyan: each desktop makes its own entity of him.
    const onA = await a.facts.create({
      subject: { name: 'Bako Sahakyan', type: 'person' },
      predicate: 'votes received',
      object: { kind: 'number', number: 47_000, unit: 'votes' },
    });
    const onB = await b.facts.create({
      subject: { name: 'Bako Sahakyan', type: 'person' },
      predicate: 'office',
      object: { kind: 'text', text: 'President' },
    });
    // A namesake of another kind (a place) and another person are not offered.
    await b.facts.create({
      subject: { name: 'Bako Sahakyan', type: 'place' },
      predicate: 'population',
      object: { kind: 'number', number: 10 },
    });
    await a.facts.create({
      subject: { name: 'Vitaly Balasanyan', type: 'person' },
      predicate: 'votes received',
      object: { kind: 'number', number: 32_000, unit: 'votes' },
    });
    expect(onA.subject.entityId).not.toBe(onB.subject.entityId);
    await a.team.sync();
    await b.team.sync();
    await a.team.sync();
    await b.team.sync(); // nothing new: no second offer

    const pair = [onA.subject.entityId, onB.subject.entityId].sort();
    const offers = async (side: Archive) =>
      (await side.team.conflicts()).filter((c) => c.entity === 'entities' && c.kind === 'duplicate');
    for (const side of [a, b]) {
      const people = (await side.facts.listEntities({ type: 'person' })).filter((e) => e.name === 'Bako Sahakyan');
      expect(people.map((e) => e.id).sort()).toEqual(pair);
      const [offer, ...more] = await offers(side);
      expect(more).toEqual([]);
      expect([String(offer.rowKey[0]), String(offer.other?.same_as)].sort()).toEqual(pair);
      expect(offer).toMatchObject({ current: { name: 'Bako Sahakyan' }, other: { name: 'Bako Sahakyan' } });
      expect([offer.keptAuthor, offer.otherAuthor].sort()).toEqual(['alice', 'bob']);
    }
    const [offerA] = await offers(a);
    await expect(a.team.resolve(offerA.id, 'take-other')).rejects.toThrow(/Both copies are kept/);

    // Bob merges through the API (the review list's Merge them); alice's offer settles when the merge arrives.
    const [offerB] = await offers(b);
    const api = createApi(b, 'bridge');
    expect(await dispatch(api, 'team.resolve', { id: offerB.id, choice: 'merge' })).toEqual({
      ok: true,
      value: { resolved: true },
    });
    await b.team.sync();
    await a.team.sync();
    for (const side of [a, b]) {
      const people = (await side.facts.listEntities({ type: 'person' })).filter((e) => e.name === 'Bako Sahakyan');
      expect(people.map((e) => e.id)).toEqual([pair[0]]);
      const facts = await side.facts.list({ entityId: pair[0] });
      expect(facts.map((f) => f.id).sort()).toEqual([onA.id, onB.id].sort());
      expect(await offers(side)).toEqual([]);
      expect((await side.team.status()).openConflicts).toBe(0);
    }
    expect(await snapshot(b)).toEqual(await snapshot(a));

    // A desktop joining later sees one person and nothing to review.
    const c = await desktop('carol', db);
    await c.team.sync();
    expect(await offers(c)).toEqual([]);
    expect(await snapshot(c)).toEqual(await snapshot(a));
  });

  it('the same person made in three scripts on three desktops: each pair offered, merged to one', async () => {
    const db = await team();
    const a = await desktop('alice', db);
    const b = await desktop('bob', db);
    const d = await desktop('dave', db);
    // Offline, each writes the name as their source does: Russian, English, Armenian.
    const made = [
      await a.facts.create({
        subject: { name: 'Бако Саакян', type: 'person' },
        predicate: 'votes received',
        object: { kind: 'number', number: 47_000, unit: 'votes' },
      }),
      await b.facts.create({
        subject: { name: 'Bako Sahakyan', type: 'person' },
        predicate: 'office',
        object: { kind: 'text', text: 'President' },
      }),
      await d.facts.create({
        subject: { name: 'Բակո Սահակյան', type: 'person' },
        predicate: 'born in',
        object: { kind: 'text', text: 'Stepanakert' },
      }),
    ];
    // Another Sahakyan (another first name) and the same name as a place are not offered.
    await d.facts.create({
      subject: { name: 'Gagik Sahakyan', type: 'person' },
      predicate: 'office',
      object: { kind: 'text', text: 'Minister' },
    });
    await a.facts.create({
      subject: { name: 'Sahakyan', type: 'place' },
      predicate: 'population',
      object: { kind: 'number', number: 10 },
    });
    const ids = made.map((f) => f.subject.entityId!);
    expect(new Set(ids).size).toBe(3);
    for (const side of [a, b, d, a, b, d]) await side.team.sync();

    const offers = async (side: Archive) =>
      (await side.team.conflicts()).filter((c) => c.entity === 'entities' && c.kind === 'duplicate');
    const pairsOf = async (side: Archive) =>
      (await offers(side)).map((o) => [String(o.rowKey[0]), String(o.other?.same_as)].sort().join(' ')).sort();
    const allPairs = [
      [ids[0], ids[1]],
      [ids[0], ids[2]],
      [ids[1], ids[2]],
    ]
      .map((p) => p.sort().join(' '))
      .sort();
    for (const side of [a, b, d]) expect(await pairsOf(side)).toEqual(allPairs);
    // Each offer shows the two names side by side, as written.
    const shown = (await offers(b)).map((o) => [String(o.current?.name), String(o.other?.name)].sort().join(' / '));
    expect(shown.sort()).toEqual(
      [
        ['Bako Sahakyan', 'Бако Саакян'],
        ['Bako Sahakyan', 'Բակո Սահակյան'],
        ['Бако Саакян', 'Բակո Սահակյան'],
      ]
        .map((p) => p.sort().join(' / '))
        .sort(),
    );

    // Bob merges every pair from the review list; the others settle as the merges arrive.
    const api = createApi(b, 'bridge');
    for (let open = await offers(b); open.length > 0; open = await offers(b))
      expect(await dispatch(api, 'team.resolve', { id: open[0].id, choice: 'merge' })).toMatchObject({ ok: true });
    await b.team.sync();
    await a.team.sync();
    await d.team.sync();
    const kept = [...ids].sort()[0];
    for (const side of [a, b, d]) {
      expect(await offers(side)).toEqual([]);
      const people = await side.facts.listEntities({ type: 'person' });
      expect(people.filter((e) => ids.includes(e.id)).map((e) => e.id)).toEqual([kept]);
      expect(people.some((e) => e.name === 'Gagik Sahakyan')).toBe(true);
      const facts = await side.facts.list({ entityId: kept });
      expect(facts.map((f) => f.id).sort()).toEqual(made.map((f) => f.id).sort());
    }
    expect(await snapshot(b)).toEqual(await snapshot(a));
    expect(await snapshot(d)).toEqual(await snapshot(a));
  });

  it('the same proposals made on two desktops: one fact each, the accepted one with its evidence', async () => {
    const db = await team();
    const a = await desktop('alice', db);
    const b = await desktop('bob', db);
    const tl = await importDocument(a, 'halalan.txt', TAGALOG, 'tl');
    await a.team.sync();
    await b.team.sync();

    const onA = (await a.facts.propose(tl.id)).proposals;
    const onB = (await b.facts.propose(tl.id)).proposals;
    expect(onA.length).toBeGreaterThan(0);
    expect(onB.length).toBe(onA.length);
    // Bob accepts his copy of a proposal, with a note; alice leaves hers as it is.
    const accepted = await b.facts.accept(onB[0].id, { note: 'checked against the CEC results' });

    await a.team.sync();
    await b.team.sync();
    await a.team.sync();

    const sa = await snapshot(a);
    expect(await snapshot(b)).toEqual(sa);
    const keys = (sa.facts as Array<{ proposal_key: string | null }>).map((f) => f.proposal_key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(onA.length);
    // Each proposal keeps the smaller of its two ids, on both desktops.
    const ids = (sa.facts as Array<{ id: string }>).map((f) => f.id).sort();
    const expected = onA.map(
      (f, i) =>
        [
          f.id,
          onB.find((g) => g.predicate === f.predicate && g.subject.name === f.subject.name)?.id ?? onB[i].id,
        ].sort()[0],
    );
    expect(ids).toEqual(expected.sort());
    // Bob's evidence annotation is kept and names the kept fact.
    const evidence = sa.fact_evidence as Array<{ fact_id: string; annotation_id: string }>;
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(ids).toContain(e.fact_id);
    const annotationIds = (sa.annotations as Array<{ id: string }>).map((x) => x.id);
    for (const e of evidence) expect(annotationIds).toContain(e.annotation_id);
    const c = await desktop('carol', db);
    await c.team.sync();
    expect(await snapshot(c)).toEqual(sa);
    // The accepted version is not lost: it is the fact, or it stays visible for review beside it.
    for (const side of [a, b]) {
      const facts = await side.facts.list({});
      const same = facts.find((f) => f.predicate === accepted.predicate && f.subject.name === accepted.subject.name);
      expect(same).toBeDefined();
      const conflicts = await side.team.conflicts();
      const visible =
        (same!.status === 'confirmed' && same!.note === 'checked against the CEC results') ||
        conflicts.some((c) => c.entity === 'facts' && c.other?.note === 'checked against the CEC results');
      expect(visible).toBe(true);
    }
    expect((await a.team.status()).lastError).toBeNull();
    expect((await b.team.status()).lastError).toBeNull();
  });
});
