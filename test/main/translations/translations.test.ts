// Translations in a real archive (SQLite on disk): links, stored alignments, corrections that survive
// re-alignment, carried annotations, counterparts of search hits, TMX/CSV export, typed translations,
// portable merge, and the channels through dispatch().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inlineAligner } from '../../../main/align/inline';
import { AlignWorkerHost } from '../../../main/align/worker-host';
import { createApi, dispatch } from '../../../main/api/dispatch';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { toTmx, xmlEscape } from '../../../main/translations/pairs-export';
import type { AlignmentBead } from '../../../shared/translations';
import type { DocumentDetail } from '../../../shared/types';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';
import { sequence } from '../../../shared/text/regex';

const dir = tempDir('tala-translations-');
let n = 0;
const open: Archive[] = [];

async function sampleArchive(): Promise<{ archive: Archive; tl: DocumentDetail; en: DocumentDetail }> {
  const archive = await openArchiveDir(join(dir, `a-${n++}`), {
    seedSamples: true,
    samplesDir: SAMPLES_DIR,
    search: 'inline',
  });
  open.push(archive);
  archive.translations.useAligner(inlineAligner);
  const docs = await archive.documents.list();
  const tl = await archive.documents.get(docs.find((d) => d.lang === 'tl')!.id);
  const en = await archive.documents.get(docs.find((d) => d.lang === 'en')!.id);
  return { archive, tl, en };
}

afterEach(async () => {
  for (const a of open.splice(0)) await a.close();
});

const pairs = (beads: readonly AlignmentBead[]) =>
  beads.map((b) => `${b.source.join('+')}>${b.target.join('+')}${b.fixed ? '*' : ''}`);
const diagonal = (count: number) => Array.from({ length: count }, (_, k) => `${k}>${k}`);
const utf8 = (s: string) => new TextEncoder().encode(s);

/** A strict little XML checker: balanced tags, quoted attributes, only the five entities and character references. */
function assertWellFormedXml(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '').replace(/^<!DOCTYPE[^>]*>\s*/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    if (m[6]) throw new Error(`stray "<" at ${m.index}`);
    if (m[5] !== undefined) {
      const bad = m[5].replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, '');
      if (/[&>]/.test(bad.replace(/>/g, ''))) throw new Error(`unescaped "&" in text near ${m.index}`);
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(m[5])) throw new Error('control character in text');
      continue;
    }
    for (const a of (m[3] ?? '').matchAll(/="([^"]*)"/g))
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(a[1])) throw new Error('unescaped & in attribute');
    if (m[1]) {
      if (stack.pop() !== m[2]) throw new Error(`</${m[2]}> closes the wrong element`);
    } else if (!m[4]) stack.push(m[2]);
  }
  if (stack.length) throw new Error(`unclosed: ${stack.join(', ')}`);
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

describe('translation links', () => {
  it('the default archive links the English sample as the translation of the Tagalog one', async () => {
    const { archive, tl, en } = await sampleArchive();
    const links = await archive.translations.list(tl.id);
    expect(links).toEqual([
      expect.objectContaining({
        origin: 'import',
        source: expect.objectContaining({ id: tl.id, lang: 'tl' }),
        translation: expect.objectContaining({ id: en.id, lang: 'en' }),
      }),
    ]);
    // Listed from either side.
    expect((await archive.translations.list(en.id)).map((l) => l.id)).toEqual([links[0].id]);
  });

  it('links, lists, refuses nonsense, unlinks; a document can have several translations', async () => {
    const { archive, tl, en } = await sampleArchive();
    await expect(archive.translations.link(tl.id, tl.id)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(archive.translations.link(en.id, tl.id)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect((await archive.translations.link(tl.id, en.id)).id).toBe((await archive.translations.list(tl.id))[0].id);
    const ru = await archive.documents.importFile({
      name: 'ru.txt',
      bytes: utf8('Выборы в Нагорном Карабахе.\n\nБако Саакян победил.'),
      lang: 'ru',
    });
    if (ru.status !== 'imported') throw new Error('not imported');
    const link = await archive.translations.link(tl.id, ru.document.id);
    expect(link).toMatchObject({
      origin: 'link',
      source: { id: tl.id },
      translation: { id: ru.document.id, lang: 'ru' },
    });
    expect(await archive.translations.list(tl.id)).toHaveLength(2);
    await archive.translations.unlink(link.id);
    expect(await archive.translations.list(tl.id)).toHaveLength(1);
    await expect(archive.translations.unlink(link.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Deleting a document removes its links.
    await archive.documents.delete(en.id);
    expect(await archive.translations.list(tl.id)).toEqual([]);
  });

  it('imports a file as a translation (and links the existing copy when the bytes are already there)', async () => {
    const { archive, tl, en } = await sampleArchive();
    const bytes = utf8('Выборы президента Нагорно-Карабахской Республики прошли 19 июля 2012 года.');
    const first = await archive.translations.importAsTranslation({ name: 'nkr.ru.txt', bytes, lang: 'ru' }, tl.id);
    expect(first.outcome.status).toBe('imported');
    expect(first.link).toMatchObject({ origin: 'import', source: { id: tl.id }, translation: { lang: 'ru' } });
    const again = await archive.translations.importAsTranslation({ name: 'copy.txt', bytes, lang: 'ru' }, tl.id);
    expect(again.outcome.status).toBe('skipped');
    expect(again.link.id).toBe(first.link.id);
    // The English sample is already in the archive: importing it again as a translation only links it.
    const enBytes = new Uint8Array(readFileSync(join(SAMPLES_DIR, 'nkr-2012-halalan.en.txt')));
    expect(
      (await archive.translations.importAsTranslation({ name: 'en.txt', bytes: enBytes }, tl.id)).link.translation.id,
    ).toBe(en.id);
    await expect(
      archive.translations.importAsTranslation({ name: 'x.txt', bytes }, '0a0b0c0d-0e0f-4000-8000-00000000000a'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('stored alignments', () => {
  it('are computed once per pair of document versions, and recomputed when a text changes', async () => {
    const { archive, tl, en } = await sampleArchive();
    const first = await archive.translations.getAlignment(tl.id, en.id);
    expect(first).toMatchObject({
      origin: 'computed',
      sourceId: tl.id,
      targetId: en.id,
      sourceVersion: 1,
      targetVersion: 1,
      corrections: 0,
    });
    expect(pairs(first.beads)).toEqual(diagonal(9));
    const second = await archive.translations.getAlignment(tl.id, en.id);
    expect(second.origin).toBe('stored');
    expect(second.beads).toEqual(first.beads);
    // Asked the other way round: the same alignment, seen from the English side.
    const flipped = await archive.translations.getAlignment(en.id, tl.id);
    expect(flipped).toMatchObject({ origin: 'stored', sourceId: en.id, targetId: tl.id });
    expect(flipped.beads.map((b) => [b.target, b.source])).toEqual(first.beads.map((b) => [b.source, b.target]));
    // An edit makes a new version: the stored alignment no longer applies.
    await archive.documents.editPassage(
      en.id,
      en.passages[7].id,
      'Representatives of Abkhazia and South Ossetia came to the elections.',
    );
    const third = await archive.translations.getAlignment(tl.id, en.id);
    expect(third).toMatchObject({ origin: 'computed', targetVersion: 2 });
    expect((await archive.translations.getAlignment(tl.id, en.id, { recompute: true })).origin).toBe('computed');
  });

  it('aligns two documents that are not linked without storing anything', async () => {
    const { archive, tl, en } = await sampleArchive();
    const [link] = await archive.translations.list(tl.id);
    await archive.translations.unlink(link.id);
    const a = await archive.translations.getAlignment(en.id, tl.id);
    expect(a).toMatchObject({ linkId: null, origin: 'computed' });
    expect((await archive.translations.getAlignment(en.id, tl.id)).origin).toBe('computed');
    await expect(archive.translations.correct(en.id, tl.id, { op: 'merge', bead: 0 })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
  });
});

describe('manual corrections', () => {
  it('merge, split, shift and link are kept when the rest is re-aligned', async () => {
    const { archive, tl, en } = await sampleArchive();
    const t = archive.translations;
    let a = await t.correct(tl.id, en.id, { op: 'merge', bead: 2 });
    expect(pairs(a.beads)).toEqual(['0>0', '1>1', '2+3>2+3*', '4>4', '5>5', '6>6', '7>7', '8>8']);
    expect(a.corrections).toBe(1);
    // Shift the boundary between beads 4 (5>5) and 5 (6>6) on the English side: 6 moves to bead 4.
    a = await t.correct(tl.id, en.id, { op: 'shift', bead: 4, side: 'target', by: 1 });
    expect(pairs(a.beads)).toEqual(['0>0', '1>1', '2+3>2+3*', '4>4', '5>5+6*', '6>*', '7>7', '8>8']);
    // Split the merged bead again (2>2 and 3>3).
    a = await t.correct(tl.id, en.id, { op: 'split', bead: 2, sourceAt: 1, targetAt: 1 });
    expect(pairs(a.beads).slice(0, 4)).toEqual(['0>0', '1>1', '2>2*', '3>3*']);
    // Link by hand (a deliberately odd pair: 7 with 7 and 8).
    a = await t.correct(tl.id, en.id, { op: 'link', source: [7], target: [7, 8] });
    expect(pairs(a.beads).slice(-2)).toEqual(['7>7+8*', '8>']);
    const expected = pairs(a.beads);
    // Re-aligned from scratch, the corrections stay.
    expect(pairs((await t.getAlignment(tl.id, en.id, { recompute: true })).beads)).toEqual(expected);
    // And after an edit of an untouched passage (a new version of the document).
    await archive.documents.editPassage(tl.id, tl.passages[0].id, `${tl.passages[0].text} (binago)`);
    const afterEdit = await t.getAlignment(tl.id, en.id);
    expect(afterEdit.origin).toBe('computed');
    expect(pairs(afterEdit.beads)).toEqual(expected);
    // Reset forgets them all.
    expect(pairs((await t.correct(tl.id, en.id, { op: 'reset' })).beads)).toEqual(diagonal(9));
  });

  it('corrections made from the translation side are stored for the pair', async () => {
    const { archive, tl, en } = await sampleArchive();
    const a = await archive.translations.correct(en.id, tl.id, { op: 'merge', bead: 0 });
    expect(pairs(a.beads)[0]).toBe('0+1>0+1*');
    expect(pairs((await archive.translations.getAlignment(tl.id, en.id)).beads)[0]).toBe('0+1>0+1*');
  });

  it('a correction whose passage is deleted becomes stale instead of breaking the alignment', async () => {
    const { archive, tl, en } = await sampleArchive();
    await archive.translations.correct(tl.id, en.id, { op: 'link', source: [4], target: [4] });
    await archive.documents.deletePassage(en.id, en.passages[4].id);
    const a = await archive.translations.getAlignment(tl.id, en.id);
    expect(a).toMatchObject({ corrections: 0, staleCorrections: 1 });
    expect(pairs(a.beads)).toEqual(['0>0', '1>1', '2>2', '3>3', '4>', '5>4', '6>5', '7>6', '8>7']);
  });

  it('sentence-level corrections inside a paragraph bead', async () => {
    const { archive, tl, en } = await sampleArchive();
    let a = await archive.translations.correct(tl.id, en.id, {
      op: 'merge',
      level: 'sentence',
      bead: 8,
      sentenceBead: 1,
    });
    expect(a.beads[8].sentences.map((s) => [s.source, s.target, !!s.fixed])).toEqual([
      [[[8, 0]], [[8, 0]], false],
      [
        [
          [8, 1],
          [8, 2],
        ],
        [
          [8, 1],
          [8, 2],
        ],
        true,
      ],
    ]);
    a = await archive.translations.correct(tl.id, en.id, {
      op: 'link',
      level: 'sentence',
      bead: 8,
      sourceSentences: [
        [8, 0],
        [8, 1],
      ],
      targetSentences: [[8, 0]],
    });
    expect(a.beads[8].sentences[0]).toMatchObject({
      source: [
        [8, 0],
        [8, 1],
      ],
      target: [[8, 0]],
      fixed: true,
    });
    expect(
      (await archive.translations.getAlignment(tl.id, en.id, { recompute: true })).beads[8].sentences[0],
    ).toMatchObject({ fixed: true });
  });

  it('refuses corrections that do not fit the alignment', async () => {
    const { archive, tl, en } = await sampleArchive();
    const t = archive.translations;
    await expect(t.correct(tl.id, en.id, { op: 'merge', bead: 8 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(t.correct(tl.id, en.id, { op: 'split', bead: 0, sourceAt: 1, targetAt: 1 })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    await expect(t.correct(tl.id, en.id, { op: 'link', source: [1, 3], target: [1] })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    await expect(t.correct(tl.id, en.id, { op: 'link', source: [1], target: [] })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    await expect(t.correct(tl.id, en.id, { op: 'link', source: [40], target: [1] })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
  });
});

describe('carry-over', () => {
  it('an annotation appears on the aligned span of the translation, narrowed to the same words if any', async () => {
    const { archive, tl, en } = await sampleArchive();
    const name = tl.text.indexOf('Bako Sahakyan');
    const votes = tl.text.indexOf('73 libong botante');
    const sentence = tl.passages[4];
    const a1 = await archive.annotations.create({ docId: tl.id, start: name, end: name + 'Bako Sahakyan'.length });
    const a2 = await archive.annotations.create({
      docId: tl.id,
      start: votes,
      end: votes + '73 libong botante'.length,
    });
    const a3 = await archive.annotations.create({
      docId: tl.id,
      start: sentence.start,
      end: sentence.start + sentence.sentences[0][1],
    });
    const carried = await archive.translations.carried(tl.id, en.id);
    const text = (id: string) => {
      const c = carried.find((x) => x.annotationId === id)!;
      return en.text.slice(c.targetStart, c.targetEnd);
    };
    expect(text(a1.id)).toBe('Bako Sahakyan');
    // No "73 libong botante" in English: the whole aligned sentence.
    expect(text(a2.id)).toBe(en.passages[2].text.slice(...en.passages[2].sentences[0]));
    expect(text(a3.id)).toBe('The world community, naturally, did not recognise the election as legal.');
    for (const c of carried) expect(c.confidence).toBeGreaterThan(0.5);
    // Nothing is copied: the English document has no annotations of its own.
    expect(await archive.annotations.list(en.id)).toEqual([]);
    // The other way round too.
    const back = await archive.annotations.create({
      docId: en.id,
      start: en.text.indexOf('Ed Royce'),
      end: en.text.indexOf('Ed Royce') + 8,
    });
    const toTl = (await archive.translations.carried(en.id, tl.id)).find((c) => c.annotationId === back.id)!;
    expect(tl.text.slice(toTl.targetStart, toTl.targetEnd)).toBe('Ed Royce');
  });

  it('a search hit in the translation asks for its aligned source passage', async () => {
    const { archive, tl, en } = await sampleArchive();
    const hits = (await archive.search.query('Pallone')).hits;
    const hit = hits.find((h) => h.docId === en.id)!;
    const counterpart = await archive.translations.counterpart(en.id, hit.passageId, tl.id);
    expect(counterpart.passages).toEqual([
      {
        id: tl.passages[5].id,
        ordinal: 5,
        text: tl.passages[5].text,
        start: tl.passages[5].start,
        end: tl.passages[5].end,
      },
    ]);
    expect(counterpart.confidence).toBeGreaterThan(0.75);
    await expect(archive.translations.counterpart(en.id, tl.passages[0].id, tl.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('aligned pairs export', () => {
  it('TMX 1.4b: well-formed, one unit per sentence pair, xml:lang on each variant', async () => {
    const { archive, tl, en } = await sampleArchive();
    const file = await archive.translations.exportPairs(tl.id, en.id, 'tmx');
    expect(file).toMatchObject({
      mediaType: 'application/x-tmx+xml',
      fileName: expect.stringMatching(/\.tl-en\.tmx$/),
    });
    assertWellFormedXml(file.content);
    expect(file.content).toMatch(/<tmx version="1\.4">/);
    expect(file.content).toMatch(/<header [^>]*srclang="tl"[^>]*>/);
    for (const attr of ['creationtool', 'creationtoolversion', 'segtype', 'o-tmf', 'adminlang', 'srclang', 'datatype'])
      expect(file.content).toContain(` ${attr}="`);
    const units = [
      ...file.content.matchAll(
        new RegExp(
          sequence([
            /<tu tuid="\d+">\s*<prop[^>]*>[^<]*<\/prop>\s*/, // a unit and its property
            /<tuv xml:lang="tl"><seg>([^<]*)<\/seg><\/tuv>\s*/, // the Tagalog segment
            /<tuv xml:lang="en"><seg>([^<]*)<\/seg><\/tuv>\s*<\/tu>/, // the English one
          ]),
          'g',
        ),
      ),
    ];
    const sentences = tl.passages.reduce((sum, p) => sum + p.sentences.length, 0);
    expect(units).toHaveLength(sentences);
    expect(unescapeXml(units[0][1])).toBe(tl.passages[0].text.slice(...tl.passages[0].sentences[0]));
    expect(unescapeXml(units[0][2])).toBe(en.passages[0].text.slice(...en.passages[0].sentences[0]));
    const paragraphs = await archive.translations.exportPairs(tl.id, en.id, 'tmx', 'paragraph');
    expect(paragraphs.content).toContain('segtype="paragraph"');
    expect(paragraphs.content.match(/<tu /g)).toHaveLength(9);
  });

  it('TMX escapes markup, ampersands, quotes and drops characters XML cannot carry', () => {
    const tricky = 'A <b>bold</b> & "quoted" \'claim\' \u0001 ]]> end';
    expect(xmlEscape(tricky)).toBe('A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; &apos;claim&apos;  ]]&gt; end');
    const xml = toTmx(
      [{ source: tricky, target: 'Isang <i>pahayag</i> & iba pa', confidence: 0.5 }],
      {
        sourceLang: 'en',
        targetLang: 'tl',
        sourceTitle: 'Title "with" <angle> & amp',
        targetTitle: 'T',
        toolVersion: '0.1.0',
        createdAt: '2026-01-02T03:04:05.678Z',
      },
      'sentence',
    );
    assertWellFormedXml(xml);
    expect(xml).toContain('creationdate="20260102T030405Z"');
    expect(xml).toContain('<seg>Isang &lt;i&gt;pahayag&lt;/i&gt; &amp; iba pa</seg>');
    expect(() => assertWellFormedXml('<a><b></a></b>')).toThrow();
    expect(() => assertWellFormedXml('<a>x & y</a>')).toThrow();
  });

  it('two-column CSV headed by the language codes, quoted where needed, formulas defused', async () => {
    const { archive, tl, en } = await sampleArchive();
    const file = await archive.translations.exportPairs(tl.id, en.id, 'pairs-csv', 'paragraph');
    const lines = file.content.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('tl,en');
    expect(lines).toHaveLength(10);
    expect(lines[1]).toBe(`"${tl.passages[0].text}","${en.passages[0].text}"`);
    await archive.documents.editPassage(en.id, en.passages[8].id, `=HYPERLINK("http://x") ${en.passages[8].text}`);
    const again = await archive.translations.exportPairs(tl.id, en.id, 'pairs-csv', 'paragraph');
    expect(again.content).toContain(`"'=HYPERLINK(""http://x"") All the observers`);
  });
});

describe('typed translations', () => {
  it('a translation filled segment by segment: searchable, annotatable, aligned by construction', async () => {
    const { archive, tl } = await sampleArchive();
    const t = archive.translations;
    const sheet = await t.startTyped(tl.id, 'ru', { title: 'Выборы 2012 (перевод)' });
    const sentences = tl.passages.reduce((sum, p) => sum + p.sentences.length, 0);
    expect(sheet).toMatchObject({
      unit: 'sentence',
      link: { origin: 'typed', source: { id: tl.id }, translation: { lang: 'ru', title: 'Выборы 2012 (перевод)' } },
      progress: { done: 0, draft: 0, empty: sentences },
    });
    expect(sheet.segments[0]).toMatchObject({
      sourceOrdinal: 0,
      sourceSentence: 0,
      sourceText: tl.passages[0].text.slice(...tl.passages[0].sentences[0]),
      text: '',
      status: 'draft',
    });
    const ruId = sheet.link.translation.id;
    expect((await archive.documents.get(ruId)).passages).toEqual([]);

    await t.saveSegment(sheet.segments[0].id, {
      text: '  Нагорно-Карабахская Республика самопровозглашена.  ',
      status: 'done',
    });
    await t.saveSegment(sheet.segments[1].id, { text: 'Тем не менее, у неё есть\nструктура государства.' });
    await t.saveSegment(sheet.segments[3].id, { text: 'По данным ЦИК, проголосовали 73 тысячи избирателей.' });
    await expect(t.saveSegment(sheet.segments[4].id, { status: 'done' })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    const ru = await archive.documents.get(ruId);
    expect(ru.passages.map((p) => p.text)).toEqual([
      'Нагорно-Карабахская Республика самопровозглашена. Тем не менее, у неё есть структура государства.',
      'По данным ЦИК, проголосовали 73 тысячи избирателей.',
    ]);
    expect(ru.passages[0].sentences).toEqual([
      [0, 49],
      [50, 97],
    ]);
    const list = await t.segmentSheet(sheet.link.id);
    expect(list.progress).toEqual({ done: 1, draft: 2, empty: sentences - 3 });

    // Searchable at once.
    expect((await archive.search.query('самопровозглашена')).hits.map((h) => h.docId)).toEqual([ruId]);
    // Aligned by its segments.
    const a = await t.getAlignment(tl.id, ruId);
    expect(a.origin).toBe('segments');
    expect(pairs(a.beads).slice(0, 3)).toEqual(['0>0*', '1>*', '2>1*']);
    expect(a.beads[0].sentences.map((s) => [s.source, s.target])).toEqual([
      [[[0, 0]], [[0, 0]]],
      [[[0, 1]], [[0, 1]]],
    ]);
    await expect(t.correct(tl.id, ruId, { op: 'merge', bead: 0 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });

    // Annotatable; an annotation survives further typing and carries over to the source.
    const at = ru.text.indexOf('73 тысячи');
    const note = await archive.annotations.create({
      docId: ruId,
      start: at,
      end: at + '73 тысячи'.length,
      note: 'число',
    });
    await t.saveSegment(sheet.segments[2].id, { text: 'Выборы состоялись 19 июля 2012 года.' });
    const moved = await archive.annotations.get(note.id);
    const ruNow = await archive.documents.get(ruId);
    expect(ruNow.text.slice(moved.start, moved.end)).toBe('73 тысячи');
    const carried = (await t.carried(ruId, tl.id)).find((c) => c.annotationId === note.id)!;
    expect(tl.text.slice(carried.targetStart, carried.targetEnd)).toBe(
      tl.passages[2].text.slice(...tl.passages[2].sentences[0]),
    );
    // Emptying a segment takes its text out of the document again.
    await t.saveSegment(sheet.segments[2].id, { text: '' });
    expect((await archive.documents.get(ruId)).passages).toHaveLength(2);
  });

  it('one segment per passage when asked', async () => {
    const { archive, tl } = await sampleArchive();
    const sheet = await archive.translations.startTyped(tl.id, 'hy', { unit: 'passage' });
    expect(sheet.segments).toHaveLength(9);
    expect(sheet.segments[8].sourceText).toBe(tl.passages[8].text);
    await archive.translations.saveSegment(sheet.segments[8].id, {
      text: 'Բոլոր դիտորդները հաստատեցին։',
      status: 'done',
    });
    const a = await archive.translations.getAlignment(sheet.link.translation.id, tl.id);
    expect(pairs(a.beads).filter((p) => !p.startsWith('>'))).toEqual(['0>8*']);
  });
});

describe('the portable archive file', () => {
  it('carries links, corrections and typed translations; never the machine-translation settings', async () => {
    const { archive, tl, en } = await sampleArchive();
    await archive.translations.correct(tl.id, en.id, { op: 'merge', bead: 0 });
    const sheet = await archive.translations.startTyped(tl.id, 'ru');
    await archive.translations.saveSegment(sheet.segments[0].id, { text: 'Республика.', status: 'done' });
    await archive.translations.setMtSettings({ enabled: true, endpoint: 'http://127.0.0.1:9', apiKey: 'secret-key' });
    const file = join(dir, `portable-${n++}.tala`);
    await archive.backups.exportPortable(file);
    const raw = await Database.open(file, { readOnly: true });
    expect(await raw.all(sql`SELECT * FROM settings`)).toEqual([]);
    await raw.close();
    expect(readFileSync(file).includes(Buffer.from('secret-key'))).toBe(false);

    // Into an archive that has the same two samples (same content, other ids) and nothing else.
    const other = await openArchiveDir(join(dir, `b-${n++}`), {
      seedSamples: true,
      samplesDir: SAMPLES_DIR,
      search: 'inline',
    });
    open.push(other);
    other.translations.useAligner(inlineAligner);
    await other.backups.importPortable(file);
    const docs = await other.documents.list();
    const otl = docs.find((d) => d.lang === 'tl')!;
    const oen = docs.find((d) => d.lang === 'en')!;
    const links = await other.translations.list(otl.id);
    expect(links.map((l) => l.translation.lang).sort()).toEqual(['en', 'ru']);
    expect(pairs((await other.translations.getAlignment(otl.id, oen.id)).beads)[0]).toBe('0+1>0+1*');
    const ruLink = links.find((l) => l.translation.lang === 'ru')!;
    expect((await other.translations.segmentSheet(ruLink.id)).segments[0]).toMatchObject({
      text: 'Республика.',
      status: 'done',
      sourceOrdinal: 0,
    });
    expect(await other.translations.mtSettings()).toMatchObject({ enabled: false, endpoint: '' });
  });
});

describe('off the main thread', () => {
  it('the worker host runs the aligner from the TypeScript sources and gives the same beads', async () => {
    const { archive, tl, en } = await sampleArchive();
    const host = new AlignWorkerHost();
    try {
      archive.translations.useAligner(host);
      const viaWorker = await archive.translations.getAlignment(tl.id, en.id, { recompute: true });
      archive.translations.useAligner(inlineAligner);
      const inline = await archive.translations.getAlignment(tl.id, en.id, { recompute: true });
      expect(viaWorker.beads).toEqual(inline.beads);
      // Several jobs at once are answered each with its own result.
      const side = (d: DocumentDetail) => ({ lang: d.lang, passages: d.passages });
      const [x, y] = await Promise.all([host.align(side(tl), side(en)), host.align(side(en), side(tl))]);
      expect(x.beads).toHaveLength(9);
      expect(y.beads.map((b) => b.source)).toEqual(x.beads.map((b) => b.target));
    } finally {
      await host.close();
    }
  });
});

describe('the channels', () => {
  it('answer through dispatch like every other door', async () => {
    const { archive, tl, en } = await sampleArchive();
    const api = createApi(archive);
    const get = await dispatch(api, 'align.get', { docId: tl.id, otherDocId: en.id });
    expect(get).toMatchObject({ ok: true, value: { sourceId: tl.id, beads: expect.any(Array) } });
    const corrected = await dispatch(api, 'align.correct', { docId: tl.id, otherDocId: en.id, op: 'merge', bead: 0 });
    expect(corrected).toMatchObject({ ok: true, value: { corrections: 1 } });
    expect(await dispatch(api, 'translations.list', { docId: tl.id })).toMatchObject({
      ok: true,
      value: [{ translation: { id: en.id } }],
    });
    expect(await dispatch(api, 'annotations.carried', { docId: tl.id, translationDocId: en.id })).toEqual({
      ok: true,
      value: [],
    });
    expect(await dispatch(api, 'align.correct', { docId: tl.id, otherDocId: en.id, op: 'explode' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await dispatch(api, 'mt.translate', { text: 'Halalan', source: 'tl', target: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const imported = await dispatch(api, 'translations.importAsTranslation', {
      name: 'ru.txt',
      data: utf8('Выборы.'),
      lang: 'ru',
      translationOf: tl.id,
    });
    expect(imported).toMatchObject({
      ok: true,
      value: { outcome: { status: 'imported' }, link: { origin: 'import' } },
    });
  });
});
