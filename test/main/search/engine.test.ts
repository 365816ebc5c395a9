import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit, SearchResult } from '../../../shared/types';
import { Archive } from '../../../main/archive/archive';
import { seedSamples } from '../../../main/archive/open-default';
import { Database } from '../../../main/db/connection';
import { setDiagnosticSink } from '../../../main/diagnostics';
import { analyzerFor } from '../../../main/search/analyzer';
import { findMatches } from '../../../main/search/engine';
import { HighlightSpec } from '../../../main/search/plan';
import { SearchWorkerHost } from '../../../main/search/worker-host';
import { tokenize } from '../../../main/search/tokenize';
import { foldText, lowerText } from '../../../shared/text/fold';
import { sql } from '../../../main/db/sql';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const dir = tempDir();
let n = 0;
const utf8 = (s: string) => new TextEncoder().encode(s);
const matched = (hit: SearchHit, text: string) => hit.matches.map(([s, e]) => text.slice(s, e));

async function importText(
  archive: Archive,
  name: string,
  text: string,
  lang?: string,
  meta?: { publishedAt?: string; title?: string },
) {
  const outcome = await archive.documents.importFile({ name, bytes: utf8(text), lang, meta });
  if (outcome.status !== 'imported') throw new Error('not imported');
  return outcome.document.id;
}

describe('search engine on a real archive', () => {
  let archive: Archive;
  let ruId: string;
  let hyId: string;
  let combiningId: string;
  beforeAll(async () => {
    archive = await Archive.open(join(dir, `a-${n++}.sqlite`), { search: 'inline' });
    await seedSamples(archive, SAMPLES_DIR);
    ruId = await importText(
      archive,
      'ru.txt',
      'Виталий Баласанян не поздравил Бако Саакяна с победой на выборах.\n\nНаблюдатели' +
        ' зафиксировали нарушения на избирательных участках.',
      'ru',
      { publishedAt: '2012-07-20' },
    );
    hyId = await importText(
      archive,
      'hy.txt',
      'Բակո Սահակյանը վերընտրվեց։ Վիտալի Բալասանյանը չշնորհավորեց նրան։',
      'hy',
      { publishedAt: '2012' },
    );
    combiningId = await importText(
      archive,
      'fr.html',
      "<html><head><title>Cafe\u0301s</title></head><body><p>Le cafe\u0301 de la place et l'égalité" +
        ' des électeurs.</p></body></html>',
      'fr',
    );
  });
  afterAll(() => archive.close());

  it('keeps the skeleton fields and adds matches, facets, expansions, groups', async () => {
    const r = await archive.search.query('Sahakyan');
    expect(r.total).toBeGreaterThanOrEqual(6);
    expect(r.hits[0]).toEqual(
      expect.objectContaining({
        docId: expect.any(String),
        passageId: expect.any(String),
        score: expect.any(Number),
        snippet: expect.any(String),
        matches: expect.any(Array),
      }),
    );
    expect(r.facets?.lang.map((f) => f.value)).toEqual(expect.arrayContaining(['tl', 'en', 'hy']));
    expect(r.facets?.mediaType).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'text/plain' })]));
    expect(r.groups?.flatMap((g) => g.hits).sort((a, b) => a - b)).toEqual(r.hits.map((_, i) => i));
    expect(r.options).toEqual({ stems: true, translit: true, names: true });
  });

  it('highlights the matched words at their offsets in the original passage text', async () => {
    const r = await archive.search.query('Sahakyan');
    for (const hit of r.hits) {
      const doc = await archive.documents.get(hit.docId);
      const text = doc.passages[hit.ordinal].text;
      const spellings = /sahakyan|սահակյան|саакян/;
      for (const word of matched(hit, text)) expect(word.toLowerCase()).toMatch(spellings);
      for (const [s, e] of hit.snippetMatches) expect(hit.snippet.slice(s, e).toLowerCase()).toMatch(spellings);
    }
  });

  it('finds names across scripts: Latin query → Cyrillic and Armenian text, and back', async () => {
    const latin = await archive.search.query('Balasanyan');
    expect(latin.hits.map((h) => h.docId)).toEqual(expect.arrayContaining([ruId, hyId]));
    const ru = latin.hits.find((h) => h.docId === ruId)!;
    expect(ru.matches).toEqual([[8, 17]]); // Баласанян
    const cyrillic = await archive.search.query('Баласанян');
    expect(cyrillic.hits.some((h) => h.lang === 'en' && h.snippet.includes('Balasanyan'))).toBe(true);
    expect(cyrillic.expansions).toContainEqual({
      kind: 'translit',
      term: 'баласанян',
      to: expect.arrayContaining(['balasanyan']),
    });
    const off = await archive.search.query({ query: 'Balasanyan', translit: false, names: false });
    expect(off.hits.map((h) => h.docId)).not.toContain(ruId);
    expect(off.options?.translit).toBe(false);
  });

  it('covers near spellings with fuzzy matching and reports the expansion', async () => {
    const r = await archive.search.query('Saakyan~1');
    expect(r.expansions).toContainEqual(
      expect.objectContaining({ kind: 'fuzzy', term: 'saakyan', to: expect.arrayContaining(['sahakyan']) }),
    );
    expect(r.hits.some((h) => h.snippet.includes('Sahakyan'))).toBe(true);
  });

  it('stems per language and says so; stems can be switched off', async () => {
    const r = await archive.search.query('выборы');
    expect(r.hits.map((h) => h.docId)).toContain(ruId);
    expect(r.expansions).toContainEqual(expect.objectContaining({ kind: 'stem', term: 'выборы' }));
    const tl = await archive.search.query('ipinahayag');
    expect(tl.hits.some((h) => h.lang === 'tl' && h.snippet.includes('nagpahayag'))).toBe(true);
    const exact = await archive.search.query({ query: 'выборы', stems: false });
    expect(exact.hits.map((h) => h.docId)).not.toContain(ruId);
  });

  it('matches exact phrases only in order, across the phrase', async () => {
    const r = await archive.search.query('"Bako Sahakyan"');
    expect(r.total).toBeGreaterThan(0);
    for (const hit of r.hits) {
      const doc = await archive.documents.get(hit.docId);
      const words = matched(hit, doc.passages[hit.ordinal].text);
      const spellings = [/^bako\s+sahakyan$/i, /^Բակո Սահակյան/, /^Бако Саакяна$/];
      expect(words.every((w) => spellings.some((re) => re.test(w)))).toBe(true);
    }
    expect((await archive.search.query('"Sahakyan Bako"')).total).toBe(0);
  });

  it('highlights correctly with combining characters and non-Latin scripts (UTF-16 offsets)', async () => {
    // Imported text is NFC; a decomposed é is still matched and highlighted whole.
    const spec = new HighlightSpec();
    spec.surfaces.add('cafe');
    spec.surfaces.add('egalite');
    const text = 'Le cafe\u0301 de la place et l\u2019e\u0301galite\u0301 des électeurs.';
    expect(findMatches(analyzerFor('fr'), text, spec).map(([s, e]) => text.slice(s, e))).toEqual([
      'cafe\u0301',
      'e\u0301galite\u0301',
    ]);
    const fr = (await archive.search.query('café')).hits.find((h) => h.docId === combiningId)!;
    const frText = (await archive.documents.get(combiningId)).passages[fr.ordinal].text;
    expect(matched(fr, frText)).toEqual(['café']);
    expect(fr.titleMatches).toEqual([[0, 5]]);
    const hy = (await archive.search.query('Սահակյան')).hits.find((h) => h.docId === hyId)!;
    const hyText = (await archive.documents.get(hyId)).passages[hy.ordinal].text;
    expect(hy.matches.map(([s, e]) => hyText.slice(s, e))).toEqual(['Սահակյանը']);
    const eg = (await archive.search.query('egalite')).hits.find((h) => h.docId === combiningId)!;
    expect(matched(eg, frText)).toEqual(['égalité']);
  });

  it('filters by language, document, type and published date', async () => {
    const onlyRu = await archive.search.query('Balasanyan lang:ru');
    expect(onlyRu.hits.map((h) => h.lang)).toEqual(['ru']);
    expect(onlyRu.facets?.lang).toEqual([{ value: 'ru', passages: 1, documents: 1 }]);
    const notEn = await archive.search.query('Sahakyan -lang:en');
    expect(notEn.hits.every((h) => h.lang !== 'en')).toBe(true);
    const doc = await archive.search.query(`Balasanyan doc:${hyId}`);
    expect(doc.hits.map((h) => h.docId)).toEqual([hyId]);
    const html = await archive.search.query('cafe type:html');
    expect(html.hits.map((h) => h.mediaType)).toEqual(['text/html']);
    const in2012 = await archive.search.query('Balasanyan date:2012-07..2012-12');
    // hy is dated just "2012": it overlaps
    expect(new Set(in2012.hits.map((h) => h.docId))).toEqual(new Set([ruId, hyId]));
    const july = await archive.search.query('Balasanyan date:2012-07-20');
    expect(july.hits.map((h) => h.docId)).toEqual(expect.arrayContaining([ruId]));
    expect((await archive.search.query('Balasanyan date:2013..')).total).toBe(0);
  });

  it('paginates passages, and groups by document on request', async () => {
    const all = await archive.search.query({ query: 'Sahakyan halalan election', limit: 100 });
    const page1 = await archive.search.query({ query: 'Sahakyan halalan election', limit: 3 });
    const page2 = await archive.search.query({ query: 'Sahakyan halalan election', limit: 3, offset: 3 });
    expect(page1.total).toBe(all.total);
    expect([...page1.hits, ...page2.hits].map((h) => h.passageId)).toEqual(
      all.hits.slice(0, 6).map((h) => h.passageId),
    );
    const byDoc = await archive.search.query({ query: 'Sahakyan halalan election', limit: 1, groupBy: 'document' });
    expect(byDoc.groups).toHaveLength(1);
    expect(byDoc.hits.length).toBeLessThanOrEqual(3);
    expect(byDoc.groups![0].matchingPassages).toBeGreaterThanOrEqual(byDoc.hits.length);
    expect(byDoc.totalDocuments).toBe(all.totalDocuments);
  });

  it('required, optional, excluded, OR and boosts combine like lunr', async () => {
    const both = await archive.search.query('+Sahakyan +Balasanyan');
    const without = await archive.search.query('+Sahakyan -Balasanyan');
    expect(both.total + without.total).toBe((await archive.search.query('Sahakyan')).total);
    const or = await archive.search.query('+Баласанян OR Սահակյանը lang:ru,hy');
    expect(new Set(or.hits.map((h) => h.docId))).toEqual(new Set([ruId, hyId]));
    const boosted = await archive.search.query('Sahakyan halalan^5 lang:tl');
    expect(boosted.hits[0].matches.some(([s, e]) => /halalan/i.test(boosted.hits[0].snippet) || e > s)).toBe(true);
    expect((await archive.search.query('-Sahakyan').catch((e) => e)).code).toBe('BAD_QUERY');
    expect((await archive.search.query('lang:tl').catch((e) => e)).message).toMatch(/add a word/);
  });

  it('drops stop words from queries when other words remain, and says so', async () => {
    const r = await archive.search.query('ang halalan');
    expect(r.expansions).toContainEqual({ kind: 'stopword', term: 'ang', to: [] });
    expect(r.total).toBe((await archive.search.query('halalan')).total);
  });

  it('suggests a correction from the vocabulary when nothing matches', async () => {
    const r = await archive.search.query('+Balasanyn +halalan');
    expect(r.total).toBe(0);
    expect(r.didYouMean).toBe('+balasanyan +halalan');
    expect((await archive.search.query('qwxzv')).didYouMean).toBeNull();
  });

  it('expands prefixes and wildcards against the vocabulary', async () => {
    const prefix = await archive.search.query('Balasan*');
    expect(prefix.expansions).toContainEqual(
      expect.objectContaining({ kind: 'prefix', to: expect.arrayContaining(['balasanyan']) }),
    );
    const mid = await archive.search.query('Sa*yan');
    expect(mid.expansions?.[0]).toMatchObject({ kind: 'wildcard', to: expect.arrayContaining(['sahakyan']) });
    expect(mid.hits.some((h) => h.docId === hyId)).toBe(true); // Սահակյանը is spelled sahakyany in Latin
    expect((await archive.search.query('+zzq* Sahakyan')).total).toBe(0);
  });
});

describe('index upkeep', () => {
  it('an import is searchable when it commits, a delete forgets it, edits and notes are found at once', async () => {
    const file = join(dir, `b-${n++}.sqlite`);
    const archive = await Archive.open(file, { search: 'inline' });
    const id = await importText(
      archive,
      'a.txt',
      'Unang talata tungkol sa halalan.\n\nIkalawang talata tungkol sa pulitika.',
      'tl',
    );
    expect((await archive.search.query('pulitika')).hits).toEqual([expect.objectContaining({ docId: id, ordinal: 1 })]);

    const doc = await archive.documents.get(id);
    await archive.documents.editPassage(id, doc.passages[1].id, 'Ikalawang talata tungkol sa ekonomiya.');
    expect((await archive.search.query('pulitika')).total).toBe(0);
    expect((await archive.search.query('ekonomiya')).total).toBe(1);

    await archive.annotations.create({
      docId: id,
      start: 0,
      end: 5,
      note: 'Tingnan ang Sahakyan',
      tags: ['ebidensya'],
    });
    expect((await archive.search.query('note:Sahakyan')).hits).toEqual([
      expect.objectContaining({ docId: id, ordinal: 0 }),
    ]);
    expect((await archive.search.query('tag:ebidensya')).total).toBe(1);
    await archive.documents.updateMeta(id, { tags: ['halalan-2012'], title: 'Bagong pamagat' });
    // A title counts once per document (issue 11), not once per passage.
    const tagged = await archive.search.query('title:pamagat');
    expect(tagged.total).toBe(1);
    expect(tagged.facets?.tag).toEqual([{ value: 'halalan-2012', passages: 1, documents: 1 }]);

    await archive.documents.delete(id);
    expect((await archive.search.query('ekonomiya')).total).toBe(0);
    expect(await archive.search.status()).toEqual({
      indexedPassages: 0,
      totalPassages: 0,
      pendingDocuments: 0,
      reindexing: false,
    });
    await archive.close();
  });

  it('a failed import leaves no index rows', async () => {
    const file = join(dir, `c-${n++}.sqlite`);
    const archive = await Archive.open(file, { search: 'inline' });
    const db = await Database.open(file);
    await db.exec(
      `CREATE TRIGGER fail_second BEFORE INSERT ON passages WHEN NEW.ordinal = 1 BEGIN SELECT RAISE(ABORT,
        'disk says no'); END`,
    );
    await expect(archive.documents.importFile({ name: 'x.txt', bytes: utf8('Una.\n\nIkalawa.') })).rejects.toThrow(
      /disk says no/,
    );
    expect(await db.get(sql`SELECT count(*) AS n FROM search_docs`)).toEqual({ n: 0 });
    expect(await db.get(sql`SELECT count(*) AS n FROM search_terms`)).toEqual({ n: 0 });
    await db.close();
    await archive.close();
  });

  it('reindex rebuilds everything from the documents, with progress, and search status counts passages', async () => {
    const file = join(dir, `d-${n++}.sqlite`);
    const archive = await Archive.open(file, { search: 'inline' });
    await seedSamples(archive, SAMPLES_DIR);
    const before = await archive.search.query('Sahakyan');
    // Wreck the derived data: the index must come back from documents and passages alone.
    const db = await Database.open(file);
    await db.exec(`INSERT INTO search_fts (search_fts) VALUES ('delete-all'); DELETE FROM search_terms;`);
    await db.close();
    expect((await archive.search.query({ query: 'Sahakyan', translit: false })).total).toBe(0);
    const progress: number[] = [];
    const report = await archive.search.reindex((p) => progress.push(p.done));
    expect(report).toMatchObject({ documents: 2, passages: before.total > 0 ? 18 : 0 });
    expect(progress.at(-1)).toBe(2);
    const after = await archive.search.query('Sahakyan');
    // Same hits; equal scores may come in another order (documents get new index numbers).
    expect(after.hits.map((h) => h.passageId).sort()).toEqual(before.hits.map((h) => h.passageId).sort());
    expect(await archive.search.status()).toEqual({
      indexedPassages: 18,
      totalPassages: 18,
      pendingDocuments: 0,
      reindexing: false,
    });
    expect((await archive.search.query('Balasanyn')).didYouMean).toBe('balasanyan');
    await archive.close();
  });

  it('indexes documents of an archive created before the search index existed', async () => {
    const file = join(dir, `e-${n++}.sqlite`);
    const db = await Database.open(file);
    const { migrate } = await import('../../../main/db/migrate');
    await migrate(db, { target: 2 });
    await db.run(
      sql`INSERT INTO documents (id, title, lang, content_hash, media_type, text, imported_at) VALUES
        ('11111111-1111-4111-8111-111111111111', 'Luma', 'tl', 'h', 'text/plain', 'Lumang halalan.', 'x')`,
    );
    await db.run(
      sql`INSERT INTO passages (id, document_id, ordinal, kind, text, start_offset, end_offset) VALUES ('p1',
        '11111111-1111-4111-8111-111111111111', 0, 'paragraph', 'Lumang halalan.', 0, 15)`,
    );
    await db.close();
    const archive = await Archive.open(file, { search: 'inline' });
    expect((await archive.search.query('halalan')).total).toBe(1);
    await archive.close();
  });
});

describe('facets', () => {
  it('count the passages and documents per language, media type and tag, each summed over the others', async () => {
    const archive = await Archive.open(join(dir, `a-${n++}.sqlite`), { search: 'inline' });
    try {
      // Three languages across two media types, several passages each, and tags on some documents.
      const a = await importText(archive, 'a.txt', 'Zorbalite una.\n\nZorbalite ikalawa.\n\nWala rito.', 'tl');
      const b = await importText(archive, 'b.txt', 'Zorbalite first.', 'en');
      await importText(archive, 'c.md', '# Zorbalite\n\nZorbalite again.\n\nZorbalite thrice.', 'en');
      const d = await importText(
        archive,
        'd.html',
        '<html><body><p>Zorbalite deux.</p><p>Zorbalite trois.</p></body></html>',
        'fr',
      );
      await importText(archive, 'e.html', '<html><body><p>Zorbalite quatre.</p></body></html>', 'tl');
      await importText(archive, 'f.txt', 'Nothing of the kind here.', 'fr');
      await archive.documents.updateMeta(a, { tags: ['alpha', 'beta'] });
      await archive.documents.updateMeta(b, { tags: ['alpha'] });
      await archive.documents.updateMeta(d, { tags: ['beta'] });
      const tags = new Map([
        [a, ['alpha', 'beta']],
        [b, ['alpha']],
        [d, ['beta']],
      ]);
      // The facets against counts made here from every hit (all on one page).
      const expected = (hits: SearchHit[]) => {
        const count = (key: (h: SearchHit) => string[]) => {
          const by = new Map<string, { passages: number; docs: Set<string> }>();
          for (const h of hits)
            for (const value of key(h)) {
              const c = by.get(value) ?? { passages: 0, docs: new Set<string>() };
              c.passages++;
              c.docs.add(h.docId);
              by.set(value, c);
            }
          return [...by]
            .map(([value, c]) => ({ value, passages: c.passages, documents: c.docs.size }))
            .sort((x, y) => y.passages - x.passages || (x.value < y.value ? -1 : 1));
        };
        return {
          lang: count((h) => [h.lang]),
          mediaType: count((h) => [h.mediaType]),
          tag: count((h) => tags.get(h.docId) ?? []),
        };
      };
      const r = await archive.search.query({ query: 'zorbalite', limit: 100 });
      expect(r.totalDocuments).toBe(5);
      expect(r.hits).toHaveLength(r.total);
      expect(new Set(r.hits.map((h) => h.lang))).toEqual(new Set(['tl', 'en', 'fr']));
      expect(new Set(r.hits.map((h) => h.mediaType)).size).toBe(3);
      expect(r.facets).toEqual(expected(r.hits));
      expect(r.facets?.tag.map((t) => t.value).sort()).toEqual(['alpha', 'beta']);
      const onlyHtml = await archive.search.query({ query: 'zorbalite type:html', limit: 100 });
      expect(onlyHtml.totalDocuments).toBe(2);
      expect(onlyHtml.facets).toEqual(expected(onlyHtml.hits));
      expect(onlyHtml.facets?.lang.map((f) => f.value).sort()).toEqual(['fr', 'tl']);
    } finally {
      await archive.close();
    }
  });

  it('of tags appear with the first tag of an archive and go with its last, in the next search', async () => {
    // Searches of an archive without tags leave the tag facet's join out of their statement.
    const archive = await Archive.open(join(dir, `a-${n++}.sqlite`), { search: 'inline' });
    try {
      const id = await importText(archive, 'a.txt', 'Quorvantine una.\n\nQuorvantine ikalawa.', 'tl');
      await importText(archive, 'b.txt', 'Quorvantine first.', 'en');
      expect((await archive.search.query('quorvantine')).facets?.tag).toEqual([]);
      expect((await archive.search.query('quorvantine')).facets?.tag).toEqual([]);
      await archive.documents.updateMeta(id, { tags: ['halalan'] });
      // The same query (its plan kept) and a new one.
      expect((await archive.search.query('quorvantine')).facets?.tag).toEqual([
        { value: 'halalan', passages: 2, documents: 1 },
      ]);
      expect((await archive.search.query('quorvantine ikalawa')).facets?.tag).toEqual([
        { value: 'halalan', passages: 2, documents: 1 },
      ]);
      await archive.documents.updateMeta(id, { tags: [] });
      expect((await archive.search.query('quorvantine')).facets?.tag).toEqual([]);
      await archive.documents.updateMeta(id, { tags: ['pulitika'] });
      expect((await archive.search.query('quorvantine')).facets?.tag).toEqual([
        { value: 'pulitika', passages: 2, documents: 1 },
      ]);
    } finally {
      await archive.close();
    }
  });

  it('of tags come with the first tag given and indexed by another process', async () => {
    const file = join(dir, `r-${n++}.sqlite`);
    const archive = await Archive.open(file, { search: 'inline' });
    try {
      const id = await importText(archive, 'a.txt', 'Quorvantine una.\n\nQuorvantine ikalawa.', 'tl');
      expect((await archive.search.query('quorvantine')).facets?.tag).toEqual([]);
      const other = await Archive.open(file, { search: 'inline' });
      await other.documents.updateMeta(id, { tags: ['halalan'] });
      // Its search indexes the tagged document: this archive's engine finds nothing left to index.
      expect((await other.search.query('ikalawa')).facets?.tag).toEqual([
        { value: 'halalan', passages: 1, documents: 1 },
      ]);
      await other.close();
      expect((await archive.search.query('quorvantine una')).facets?.tag).toEqual([
        { value: 'halalan', passages: 2, documents: 1 },
      ]);
    } finally {
      await archive.close();
    }
  });
});

describe('search in a worker thread', () => {
  it('answers the same as in-process, including errors and reindex progress', async () => {
    const file = join(dir, `w-${n++}.sqlite`);
    const archive = await Archive.open(file);
    await seedSamples(archive, SAMPLES_DIR);
    const r: SearchResult = await archive.search.query('Sahakyan');
    expect(r.total).toBeGreaterThanOrEqual(3);
    await expect(archive.search.query('title:')).rejects.toMatchObject({
      code: 'BAD_QUERY',
      message: expect.stringContaining('title:'),
    });
    const progress: number[] = [];
    expect(await archive.search.reindex((p) => progress.push(p.done))).toMatchObject({ documents: 2, passages: 18 });
    expect(progress.length).toBeGreaterThan(0);
    expect(await archive.search.status()).toMatchObject({ indexedPassages: 18, totalPassages: 18 });
    // The same hits in the same order (documents keep their number, so hits of equal score keep their order).
    const afterReindex = await archive.search.query('Sahakyan');
    expect(afterReindex.hits.map((h) => h.passageId)).toEqual(r.hits.map((h) => h.passageId));
    await archive.close();

    const inline = await Archive.open(file, { search: 'inline' });
    expect((await inline.search.query('Sahakyan')).hits.map((h) => h.passageId)).toEqual(
      afterReindex.hits.map((h) => h.passageId),
    );
    await inline.close();
  }, 60_000);
});

describe('hits of equal score', () => {
  it('keep their order when a document is indexed again (an edit of its metadata, a reindex)', async () => {
    const archive = await Archive.open(join(dir, `t-${n++}.sqlite`), { search: 'inline' });
    // Three documents whose passages score the same for "kalayaan" (same words, same lengths, titles alike).
    const ids: string[] = [];
    for (const word of ['alpha', 'bravo', 'delta'])
      ids.push(await importText(archive, `${word}.txt`, `Kalayaan ng bayan ${word}.`, 'en', { title: word }));
    const order = async () => {
      const r = await archive.search.query('kalayaan');
      expect(new Set(r.hits.map((h) => h.score)).size).toBe(1);
      return r.hits.map((h) => h.docId);
    };
    const before = await order();
    expect([...before].sort()).toEqual([...ids].sort());
    // The first document in the order is indexed again (a metadata change that adds no words): it stays first.
    await archive.documents.updateMeta(before[0], { publishedAt: '2020-01-01' });
    expect(await order()).toEqual(before);
    await archive.search.reindex();
    expect(await order()).toEqual(before);
    await archive.close();
  });
});

describe('wildcards and fuzzy terms after the vocabulary changed', () => {
  it('expand to the words of documents imported, re-indexed or deleted since the last search', async () => {
    const archive = await Archive.open(join(dir, `v-${n++}.sqlite`), { search: 'inline' });
    const expanded = async (query: string) =>
      (await archive.search.query(query)).expansions.filter((e) => e.kind !== 'translit').flatMap((e) => e.to);
    const first = await importText(archive, 'a.txt', 'Zebrafoo ang una.', 'en');
    expect(await expanded('zebra*')).toEqual(['zebrafoo']);
    expect(await expanded('zebrafo~1')).toEqual(['zebrafoo']);
    // New words since: the vocabulary in memory is read again (the look-up sees search_terms grow).
    await importText(archive, 'b.txt', 'Zebrabar ang pangalawa.', 'en');
    expect(await expanded('zebra*')).toEqual(['zebrabar', 'zebrafoo']);
    expect(await expanded('zebraba~1')).toEqual(['zebrabar']);
    // A reindex rebuilds search_terms (a new epoch): the words of a deleted document are gone.
    await archive.documents.delete(first);
    await archive.search.reindex();
    expect(await expanded('zebra*')).toEqual(['zebrabar']);
    await archive.close();
  });
});

describe('a search asked again', () => {
  it('is planned again when another process indexed since: it finds the new spellings of its names', async () => {
    const file = join(dir, `r-${n++}.sqlite`);
    const archive = await Archive.open(file, { search: 'inline' });
    const en = await importText(archive, 'en.txt', 'Vitaly Balasanyan did not congratulate him.', 'en');
    const before = await archive.search.query('Balasanyan');
    expect(before.hits.map((h) => h.docId)).toEqual([en]);
    expect(before.expansions.flatMap((e) => e.to)).not.toContain('баласанян');
    // The same query again (another page, the other grouping) gives the same answer.
    const again = await archive.search.query({ query: 'Balasanyan', groupBy: 'document' });
    expect(again.groups.map((g) => g.docId)).toEqual([en]);

    const other = await Archive.open(file, { search: 'inline' });
    const ru = await importText(other, 'ru.txt', 'Виталий Баласанян не поздравил его.', 'ru');
    await other.close();
    const after = await archive.search.query('Balasanyan');
    expect(after.hits.map((h) => h.docId).sort()).toEqual([en, ru].sort());
    expect(after.expansions.flatMap((e) => e.to)).toContain('баласанян');
    await archive.close();
  });
});

describe('highlights in scripts written without spaces', () => {
  // Every word of the text is split out and compared (the reference): findMatches leaves a run unsplit only when
  // none of the query's words can be in it, which must give the same ranges.
  const texts = [
    'すべての人は、法の下において平等であり、また、いかなる差別もなしに法の平等な保護を受ける権利を有する。',
    '人人生而自由,在尊严和权利上一律平等。他们赋有理性和良心,并应以兄弟关系的精神相对待。',
    'มนุษย์ทั้งหลายเกิดมามีอิสระและเสมอภาคกันในเกียรติศักด์และสิทธิ ต่างมีเหตุผลและมโนธรรม',
    'មនុស្សទាំងអស់ កើតមកមានសេរីភាព និងសមភាពក្នុងផ្នែកសេចក្ដីថ្លៃថ្នូរនិងសិទ្ធិ។',
    'ABC漢字とカタカナ、Ｆｕｌｌ幅のﾊﾝｶｸ、ガ行の濁音と「Ивановさん」と東京。',
  ];
  const reference = (text: string, spec: HighlightSpec) => {
    const words = tokenize(text).map((t) => ({ ...t, form: foldText(lowerText(t.text)) }));
    const ranges: Array<[number, number]> = words.filter((w) => spec.surfaces.has(w.form)).map((w) => [w.start, w.end]);
    for (const phrase of spec.phrases)
      for (let i = 0; i + phrase.length <= words.length; i++)
        if (phrase.every((p, k) => words[i + k].form === p))
          ranges.push([words[i].start, words[i + phrase.length - 1].end]);
    ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged: Array<[number, number]> = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    return merged;
  };
  it('are those of every word, for each word and each two-word phrase of the texts', () => {
    let highlighted = 0;
    for (const lang of ['ja', 'zh', 'th', 'km', '']) {
      const analyzer = analyzerFor(lang);
      expect(analyzer.pipeline.stemmerSource).toBe('none');
      for (const text of texts) {
        const words = tokenize(text).map((t) => foldText(lowerText(t.text)));
        for (let i = 0; i < words.length; i++) {
          const spec = new HighlightSpec();
          spec.surfaces.add(words[i]);
          if (i + 1 < words.length) spec.phrases.push([words[i], words[i + 1]]);
          for (const other of texts) {
            const expected = reference(other, spec);
            expect(findMatches(analyzer, other, spec)).toEqual(expected);
            highlighted += expected.length;
          }
        }
      }
    }
    expect(highlighted).toBeGreaterThan(500);
  });
});

describe('search worker fallback', () => {
  it('searches in the calling thread when the worker cannot start', async () => {
    const file = join(dir, `f-${n++}.sqlite`);
    // A thread kept from an earlier archive would serve this one: none is kept, and none can start.
    await SearchWorkerHost.endSpare();
    const previous = process.env.TALA_SEARCH_WORKER;
    process.env.TALA_SEARCH_WORKER = join(dir, 'no-such-worker.js');
    const warnings: string[] = [];
    setDiagnosticSink((line) => void warnings.push(line));
    try {
      const archive = await Archive.open(file);
      await importText(archive, 'a.txt', 'Isang talata tungkol sa halalan.', 'tl');
      expect((await archive.search.query('halalan')).total).toBe(1);
      expect(await archive.search.status()).toMatchObject({ indexedPassages: 1 });
      await archive.close();
      expect(warnings.join('\n')).toMatch(/search worker did not start/);
    } finally {
      setDiagnosticSink(null);
      if (previous === undefined) delete process.env.TALA_SEARCH_WORKER;
      else process.env.TALA_SEARCH_WORKER = previous;
    }
  });
});
