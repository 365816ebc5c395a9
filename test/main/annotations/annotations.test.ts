import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import type { DocumentDetail } from '../../../shared/types';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const dir = tempDir();
let n = 0;
const QUOTE = '47 libo sa kanila ang bumoto para sa nanunungkulang pinuno ng republika na Bako Sahakyan';

let archive: Archive;
let doc: DocumentDetail;

beforeEach(async () => {
  archive = await openArchiveDir(join(dir, `a-${n++}`), { seedSamples: true, samplesDir: SAMPLES_DIR });
  const tl = (await archive.documents.list()).find((d) => d.lang === 'tl')!;
  doc = await archive.documents.get(tl.id);
  return () => archive.close();
});

const rangeOf = (text: string, quote: string, from = 0) => {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`"${quote}" not found`);
  return { start, end: start + quote.length };
};

async function annotateQuote(quote = QUOTE, extra: { note?: string; tags?: string[] } = {}) {
  return archive.annotations.create({ docId: doc.id, ...rangeOf(doc.text, quote), ...extra });
}

describe('annotations', () => {
  it('are created from a range with quote, context, note and tags, and listed in reading order', async () => {
    const later = await annotateQuote('Setyembre 7', { tags: ['petsa'] });
    const votes = await annotateQuote(QUOTE, { note: 'Bilang ng boto: 47,000', tags: ['halalan', 'boto', 'Halalan'] });
    expect(votes).toMatchObject({
      exact: QUOTE,
      note: 'Bilang ng boto: 47,000',
      tags: ['boto', 'halalan'],
      status: 'anchored',
      color: 'yellow',
    });
    expect(doc.text.slice(votes.start - votes.prefix.length, votes.start)).toBe(votes.prefix);
    expect(doc.text.slice(votes.end, votes.end + votes.suffix.length)).toBe(votes.suffix);
    expect((await archive.annotations.list(doc.id)).map((a) => a.id)).toEqual([votes.id, later.id]);
  });

  it('refuse ranges outside the text or of blank text', async () => {
    await expect(
      archive.annotations.create({ docId: doc.id, start: 5, end: doc.text.length + 1 }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    const gap = doc.passages[1].start - 2;
    await expect(archive.annotations.create({ docId: doc.id, start: gap, end: gap + 2 })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
  });

  it('update note, colour and tags; delete returns the annotation and restore brings it back (undo)', async () => {
    const a = await annotateQuote();
    const updated = await archive.annotations.update(a.id, { note: 'bagong tala', color: 'green', tags: ['x'] });
    expect(updated).toMatchObject({ note: 'bagong tala', color: 'green', tags: ['x'], createdAt: a.createdAt });
    const deleted = await archive.annotations.delete(a.id);
    expect(await archive.annotations.list(doc.id)).toEqual([]);
    const restored = await archive.annotations.restore(deleted);
    expect(restored).toEqual({ ...deleted, updatedAt: restored.updatedAt });
  });
});

describe('re-anchoring after corrections', () => {
  const editPassage = (ordinal: number, change: (text: string) => string) =>
    archive.documents.editPassage(doc.id, doc.passages[ordinal].id, change(doc.passages[ordinal].text));

  it('follows an insertion in an earlier passage (moved), keeps the quote, records the version', async () => {
    const a = await annotateQuote();
    const report = await editPassage(1, (t) => `Ayon sa mga ulat, ${t}`);
    expect(report).toEqual({ version: 2, reanchored: { anchored: 0, moved: 1, orphaned: 0 } });
    const [after] = await archive.annotations.list(doc.id);
    const text = (await archive.documents.get(doc.id)).text;
    expect(after.status).toBe('moved');
    expect(after.start).toBe(a.start + 'Ayon sa mga ulat, '.length);
    expect(text.slice(after.start, after.end)).toBe(QUOTE);
    expect(await archive.documents.versions(doc.id)).toEqual([
      { version: 1, replacedAt: expect.any(String), reason: 'edit passage', length: doc.text.length },
    ]);
  });

  it('stays anchored when the edit comes after the quote', async () => {
    await annotateQuote();
    const report = await editPassage(8, (t) => `${t} Wakas.`);
    expect(report.reanchored).toEqual({ anchored: 1, moved: 0, orphaned: 0 });
  });

  it('re-anchors a quote that was corrected inside (fuzzy)', async () => {
    await annotateQuote();
    await editPassage(2, (t) => t.replace('nanunungkulang pinuno', 'nanunungkulan na pinuno'));
    const [after] = await archive.annotations.list(doc.id);
    expect(after.status).toBe('moved');
    expect(after.exact).toBe(
      '47 libo sa kanila ang bumoto para sa nanunungkulan na pinuno ng republika na Bako Sahakyan',
    );
  });

  it('orphans an annotation whose passage is deleted, never dropping it, and lets the user re-attach it', async () => {
    const a = await annotateQuote(QUOTE, { note: 'mahalaga' });
    const report = await archive.documents.deletePassage(doc.id, doc.passages[2].id);
    expect(report.reanchored.orphaned).toBe(1);
    const [orphan] = await archive.annotations.needsReview();
    expect(orphan).toMatchObject({ id: a.id, status: 'orphaned', exact: QUOTE, note: 'mahalaga' });
    expect((await archive.annotations.list(doc.id)).map((x) => x.id)).toEqual([a.id]);

    const current = await archive.documents.get(doc.id);
    expect(current.passages).toHaveLength(8);
    const target = rangeOf(current.text, 'Bako Sahakyan');
    const reattached = await archive.annotations.reattach(a.id, target.start, target.end);
    expect(reattached).toMatchObject({ status: 'anchored', exact: 'Bako Sahakyan', note: 'mahalaga' });
    expect(await archive.annotations.needsReview()).toEqual([]);
  });

  it('keeps the right occurrence of a repeated quote', async () => {
    const second = rangeOf(doc.text, 'Bako Sahakyan', rangeOf(doc.text, QUOTE).start);
    const a = await archive.annotations.create({ docId: doc.id, ...second });
    await editPassage(0, (t) => `Bako Sahakyan. ${t}`);
    const [after] = await archive.annotations.list(doc.id);
    const text = (await archive.documents.get(doc.id)).text;
    expect(after.start).toBe(a.start + 'Bako Sahakyan. '.length);
    expect(text.slice(after.start - 30, after.start)).toBe(doc.text.slice(a.start - 30, a.start));
  });

  it('keeps passage offsets, sentences and ordinals consistent after edits', async () => {
    await editPassage(3, (t) => `${t} Dagdag na pangungusap dito.`);
    await archive.documents.deletePassage(doc.id, doc.passages[5].id);
    const current = await archive.documents.get(doc.id);
    expect(current.version).toBe(3);
    expect(current.passages.map((p) => p.ordinal)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const p of current.passages) {
      expect(current.text.slice(p.start, p.end)).toBe(p.text);
      expect(p.sentences.at(-1)![1]).toBeLessThanOrEqual(p.text.length);
    }
    expect(current.passages[3].sentences.length).toBe(doc.passages[3].sentences.length + 1);
  });

  it('rejects an empty passage text and leaves the document unchanged', async () => {
    await expect(editPassage(0, () => '   ')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect((await archive.documents.get(doc.id)).version).toBe(1);
  });
});

describe('document metadata', () => {
  it('updates the given fields and tags only', async () => {
    const updated = await archive.documents.updateMeta(doc.id, {
      author: 'CEC ng NKR',
      publishedAt: '2012-07-20',
      tags: ['halalan', 'NKR'],
    });
    expect(updated).toMatchObject({
      title: doc.title,
      author: 'CEC ng NKR',
      publishedAt: '2012-07-20',
      tags: ['halalan', 'NKR'],
    });
    const cleared = await archive.documents.updateMeta(doc.id, { author: null, tags: [] });
    expect(cleared).toMatchObject({ author: null, tags: [], publishedAt: '2012-07-20' });
  });
});

describe('export and import', () => {
  it('writes Markdown with quote, note, tags and a citation', async () => {
    await archive.documents.updateMeta(doc.id, { source: 'https://example.org/nkr-2012', publishedAt: '2012-07-20' });
    await annotateQuote(QUOTE, { note: 'Boto para kay Sahakyan', tags: ['boto'] });
    const file = await archive.annotations.export(doc.id, 'md');
    expect(file.fileName).toMatch(/\.annotations\.md$/);
    expect(file.content).toContain(`> ${QUOTE}`);
    expect(file.content).toContain(`> — “${doc.title}”, https://example.org/nkr-2012, 2012-07-20, ¶ 3`);
    expect(file.content).toContain('Boto para kay Sahakyan');
    expect(file.content).toContain('Tags: #boto');
  });

  it('writes CSV with escaped cells and neutralised formulas', async () => {
    await annotateQuote(QUOTE, { note: '=HYPERLINK("x") and, "quoted"' });
    const { content } = await archive.annotations.export('all', 'csv');
    const [header, row] = content.trim().split('\r\n');
    expect(header.split(',')).toContain('paragraph');
    expect(row).toContain(`"'=HYPERLINK(""x"") and, ""quoted"""`);
    expect(row).toContain(',3,');
  });

  it('exports W3C JSON-LD and round-trips every field through import', async () => {
    const a = await annotateQuote(QUOTE, { note: 'tala', tags: ['boto', 'NKR'] });
    const b = await annotateQuote('Setyembre 7');
    await archive.annotations.update(b.id, { color: 'pink' });
    const original = await archive.annotations.list(doc.id);
    const file = await archive.annotations.export(doc.id, 'w3c');
    const json = JSON.parse(file.content);
    expect(json).toMatchObject({ type: 'AnnotationCollection', total: 2, first: { type: 'AnnotationPage' } });
    expect(json['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(json.first.items[0]).toMatchObject({
      id: `urn:uuid:${a.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', value: 'tala', purpose: 'commenting' },
        { type: 'TextualBody', value: 'boto', purpose: 'tagging' },
        { type: 'TextualBody', value: 'NKR', purpose: 'tagging' },
      ],
      target: {
        source: `urn:uuid:${doc.id}`,
        selector: [
          { type: 'TextQuoteSelector', exact: QUOTE, prefix: a.prefix, suffix: a.suffix },
          { type: 'TextPositionSelector', start: a.start, end: a.end },
        ],
      },
    });

    for (const x of original) await archive.annotations.delete(x.id);
    expect(await archive.annotations.importW3c(file.content)).toEqual({ imported: 2, skipped: 0, failed: [] });
    expect(await archive.annotations.list(doc.id)).toEqual(original);
    expect(await archive.annotations.importW3c(file.content)).toEqual({ imported: 0, skipped: 2, failed: [] });
  });

  it('reports broken or foreign items and rejects files that are not annotations', async () => {
    const foreign = JSON.stringify({
      type: 'AnnotationPage',
      items: [
        {
          type: 'Annotation',
          id: 'urn:uuid:9b2f7a8e-1111-4111-8111-111111111111',
          target: {
            source: 'urn:uuid:00000000-0000-4000-8000-000000000000',
            selector: { type: 'TextQuoteSelector', exact: 'x' },
          },
        },
        { type: 'Annotation', id: 'https://example.org/anno/1', target: { source: 'https://example.org' } },
      ],
    });
    const report = await archive.annotations.importW3c(foreign);
    expect(report.imported).toBe(0);
    expect(report.failed.map((f) => f.error)).toEqual([
      expect.stringContaining('not in this archive'),
      expect.stringContaining('urn:uuid'),
    ]);
    await expect(archive.annotations.importW3c('{"hello":1}')).rejects.toMatchObject({ code: 'IMPORT_REJECTED' });
    await expect(archive.annotations.importW3c('not json')).rejects.toMatchObject({
      code: 'IMPORT_REJECTED',
      message: expect.stringContaining('not JSON'),
    });
  });
});
