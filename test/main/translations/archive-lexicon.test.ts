// The aligner's second-pass lexicon learns from the archive too: confident sentence pairs of other stored
// alignments in the same two languages reach the aligner (real SQLite archive, real aligner), and on a
// constructed pair (the last eight articles of the Universal Declaration in English and French, one sentence
// per line, with dropped and merged sentences in the translation) they make the alignment better.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inlineAligner } from '../../../main/align/inline';
import type { Aligner } from '../../../main/align/worker-host';
import type { AlignOptions } from '../../../main/align/types';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { ARCHIVE_LEXICON } from '../../../main/translations/service';
import { loadUdhr } from '../../../scripts/udhr-corpus';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const dir = tempDir('tala-archive-lexicon-');
let n = 0;
const open: Archive[] = [];

afterEach(async () => {
  for (const a of open.splice(0)) await a.close();
});

/** The real aligner, with the options of every call kept for the test to look at. */
function recordingAligner(): Aligner & { calls: AlignOptions[] } {
  const calls: AlignOptions[] = [];
  return {
    calls,
    align: (source, target, options) => {
      calls.push(options ?? {});
      return inlineAligner.align(source, target, options);
    },
  };
}

async function archiveWith(aligner: Aligner, seedSamples = false): Promise<Archive> {
  const archive = await openArchiveDir(join(dir, `a-${n++}`), {
    seedSamples,
    samplesDir: SAMPLES_DIR,
    search: 'inline',
  });
  open.push(archive);
  archive.translations.useAligner(aligner);
  return archive;
}

/** Sentence pairs of the declaration's articles whose paragraphs pair 1-1 with as many sentences. */
function articleSentences(): Array<{ article: number; en: string; fr: string }> {
  const en = loadUdhr('eng', 'en', { headings: false }).passages;
  const fr = loadUdhr('fra', 'fr', { headings: false }).passages;
  const out: Array<{ article: number; en: string; fr: string }> = [];
  for (let article = 1; article <= 30; article++) {
    const ps = en.filter((p) => p.unit === String(article));
    const qs = fr.filter((p) => p.unit === String(article));
    if (ps.length !== qs.length) continue;
    ps.forEach((p, k) => {
      const a = p.sentences!;
      const b = qs[k].sentences!;
      if (a.length !== b.length) return;
      a.forEach(([s, e], x) => out.push({ article, en: p.text.slice(s, e), fr: qs[k].text.slice(b[x][0], b[x][1]) }));
    });
  }
  return out;
}

const file = (name: string, lines: string[], lang: string) => ({
  name,
  bytes: new TextEncoder().encode(`${lines.join('\n')}\n`),
  lang,
});

/**
 * Articles 23–30 (22 sentences): the French drops every fifth sentence and merges two sentences into one
 * in two places. Returns the two files and the right beads as "source ordinals>target ordinals".
 */
function constructedPair(sentences: ReturnType<typeof articleSentences>) {
  const test = sentences.filter((s) => s.article > 22);
  const fr: string[] = [];
  const gold: string[] = [];
  for (let i = 0; i < test.length; i++) {
    if (i % 5 === 2) {
      gold.push(`${i}>`);
    } else if (i % 8 === 5 && i + 1 < test.length && (i + 1) % 5 !== 2) {
      fr.push(`${test[i].fr} ${test[i + 1].fr}`);
      gold.push(`${i}+${i + 1}>${fr.length - 1}`);
      i++;
    } else {
      fr.push(test[i].fr);
      gold.push(`${i}>${fr.length - 1}`);
    }
  }
  return {
    en: file(
      'articles-23-30.en.txt',
      test.map((s) => s.en),
      'en',
    ),
    fr: file('articles-23-30.fr.txt', fr, 'fr'),
    gold: new Set(gold),
  };
}

async function alignPair(archive: Archive, pair: ReturnType<typeof constructedPair>) {
  const en = await archive.documents.importFile(pair.en);
  if (en.status !== 'imported') throw new Error('not imported');
  const { link } = await archive.translations.importAsTranslation(pair.fr, en.document.id);
  const alignment = await archive.translations.getAlignment(en.document.id, link.translation.id);
  const beads = alignment.beads.map((b) => `${b.source.join('+')}>${b.target.join('+')}`);
  return { alignment, right: beads.filter((b) => pair.gold.has(b)).length, beads };
}

describe('the lexicon of the archive', () => {
  it('confident pairs of other alignments in the same languages reach the aligner; the pair stays right', async () => {
    const sentences = articleSentences();
    const earlier = sentences.filter((s) => s.article <= 22);
    const pair = constructedPair(sentences);
    expect(earlier.length).toBeGreaterThan(30);
    expect(pair.gold.size).toBeGreaterThan(15);

    // Alone in an archive, the pair has only itself to learn from.
    const alone = await archiveWith(recordingAligner());
    const before = await alignPair(alone, pair);

    // Another archive already holds articles 1–22 aligned (English–French), and the Tagalog–English samples.
    const aligner = recordingAligner();
    const archive = await archiveWith(aligner, true);
    const docs = await archive.documents.list();
    const tl = docs.find((d) => d.lang === 'tl')!;
    const enSample = docs.find((d) => d.lang === 'en')!;
    await archive.translations.getAlignment(tl.id, enSample.id);
    // Stored the other way round (French source, English translation): pairs are turned to the asked direction.
    const fr = await archive.documents.importFile(
      file(
        'articles-1-22.fr.txt',
        earlier.map((s) => s.fr),
        'fr',
      ),
    );
    if (fr.status !== 'imported') throw new Error('not imported');
    const { link } = await archive.translations.importAsTranslation(
      file(
        'articles-1-22.en.txt',
        earlier.map((s) => s.en),
        'en',
      ),
      fr.document.id,
    );
    const stored = await archive.translations.getAlignment(fr.document.id, link.translation.id);
    expect(stored.origin).toBe('computed');
    const confident = stored.beads.flatMap((b) => b.sentences).filter((s) => s.confidence >= 0.9);
    expect(confident.length).toBeGreaterThan(20);

    aligner.calls.length = 0;
    const after = await alignPair(archive, pair);
    expect(aligner.calls).toHaveLength(1);
    const given = aligner.calls[0].lexiconPairs ?? [];
    // Only confident one-or-two-sentence pairs of the English–French alignment, English first, none from Tagalog.
    expect(given.length).toBeGreaterThan(20);
    expect(given.length).toBeLessThanOrEqual(Math.min(confident.length, ARCHIVE_LEXICON.maxPairs));
    const english = new Set(earlier.map((s) => s.en));
    const french = new Set(earlier.map((s) => s.fr));
    const startsWithOneOf = (text: string, set: Set<string>) =>
      set.has(text) || [...set].some((s) => text.startsWith(`${s} `));
    for (const p of given) {
      expect(startsWithOneOf(p.source, english)).toBe(true);
      expect(startsWithOneOf(p.target, french)).toBe(true);
    }
    expect(given.filter((p) => english.has(p.source) && french.has(p.target)).length).toBeGreaterThan(20);

    // The lexicon learnt is larger, and the pair comes out right. (Since aligner version 5 the pair alone is
    // aligned right too, so this no longer shows the archive's pairs fixing a bead; they must not break one.)
    expect(after.alignment.stats.lexiconSize).toBeGreaterThan(before.alignment.stats.lexiconSize);
    expect(after.right).toBeGreaterThanOrEqual(before.right);
    expect(after.right).toBe(pair.gold.size);

    // The pair's own stored alignment is not fed back to itself; a re-read comes from the store.
    aligner.calls.length = 0;
    const again = await archive.translations.getAlignment(after.alignment.sourceId, after.alignment.targetId, {
      recompute: true,
    });
    const fed = aligner.calls[0].lexiconPairs ?? [];
    const ownFrench = new Set(pair.fr.bytes && new TextDecoder().decode(pair.fr.bytes).split('\n'));
    expect(fed.some((p) => ownFrench.has(p.target))).toBe(false);
    expect(again.beads).toEqual(after.alignment.beads);
  });
});
