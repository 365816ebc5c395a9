// Made-up parallel texts for the aligner's tests: seeded, so each test's pair is the same on every run.
import { align } from '../../../main/align/aligner';
import type { AlignPassage, AlignResult, AlignSide } from '../../../main/align/types';

/** A made-up word: two syllables from its number. */
const word = (consonants: string, vowels: string, n: number) =>
  [n % 11, Math.floor(n / 11) % 11].map((k, x) => consonants[(k + 3 * x) % 11] + vowels[(k + x) % 5]).join('') + 'n';

export interface MadeUpPair {
  source: AlignSide;
  target: AlignSide;
  /** The right beads as "source indices:target indices". */
  gold: string[];
}

/**
 * Two made-up languages (no shared word beginnings, no numbers or names: the lexicon is the only word evidence),
 * sentences of seeded random words translated word for word with about one word in five left out and now and then
 * one added; about one sentence in eight is joined to the previous one in the translation (a 2-1 bead). With
 * `notes`, the translation adds after about one sentence in five a note of words of its own (a 0-1 bead).
 */
export function madeUpPair(seed0: number, count: number, options: { notes?: boolean } = {}): MadeUpPair {
  let seed = seed0;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const src: string[] = [];
  const tgt: string[] = [];
  const gold: string[] = [];
  for (let k = 0; k < count; k++) {
    const size = 4 + Math.floor(random() * 9);
    const words = Array.from({ length: size }, () => Math.floor(random() * 80));
    const translated = words.filter(() => random() > 0.2);
    if (random() < 0.3) translated.push(Math.floor(random() * 80));
    const s = `${words.map((w) => word('bdgklmnprst', 'aeiou', w)).join(' ')}.`;
    const t = `${translated.map((w) => word('fhjqvwxyzcb', 'uoiea', w)).join(' ')}.`;
    src.push(s);
    // A sentence is never joined to a note.
    if (random() < 0.12 && tgt.length && !gold[gold.length - 1].startsWith(':')) {
      tgt[tgt.length - 1] = `${tgt[tgt.length - 1].slice(0, -1)} ${t}`;
      gold[gold.length - 1] = gold[gold.length - 1].replace(':', `,${src.length - 1}:`);
    } else {
      tgt.push(t);
      gold.push(`${src.length - 1}:${tgt.length - 1}`);
    }
    if (options.notes && random() < 0.2) {
      const n = 3 + Math.floor(random() * 8);
      const note = Array.from({ length: n }, () => word('fhjqvwxyzcb', 'uoiea', 80 + Math.floor(random() * 40)));
      tgt.push(`${note.join(' ')}.`);
      gold.push(`:${tgt.length - 1}`);
    }
  }
  const side = (lang: string, texts: string[]): AlignSide => ({ lang, passages: texts.map((text) => ({ text })) });
  return { source: side('xa', src), target: side('xb', tgt), gold };
}

/** The aligner's beads of a made-up pair, as its gold writes them. */
export const beadsOf = (pair: MadeUpPair): string[] =>
  align(pair.source, pair.target).beads.map((b) => `${b.source.join(',')}:${b.target.join(',')}`);

/** Passages of consecutive sentences, `sizes` of them each, with their sentence spans. */
export function paragraphs(sentences: string[], sizes: number[]): AlignPassage[] {
  const out: AlignPassage[] = [];
  let at = 0;
  for (const size of sizes) {
    let text = '';
    const spans: Array<[number, number]> = [];
    for (const s of sentences.slice(at, at + size)) {
      if (text) text += ' ';
      spans.push([text.length, text.length + s.length]);
      text += s;
    }
    at += size;
    out.push({ text, sentences: spans });
  }
  return out;
}

/**
 * Paragraph sizes that do not match an original's: `first`, then 6, 4, 3 and 7 sentences in turn, the last cut so
 * that they add up to `total`.
 */
export function unevenSizes(first: number[], total: number): number[] {
  const sizes = [...first];
  for (let k = 0; sizes.reduce((a, b) => a + b, 0) < total; k++) sizes.push([6, 4, 3, 7][k % 4]);
  sizes[sizes.length - 1] -= sizes.reduce((a, b) => a + b, 0) - total;
  return sizes;
}

/**
 * Sentence beads as "source>target" of sentence numbers counted over the whole document, each with the paragraph
 * bead that holds it and its confidence.
 */
export function sentenceBeads(
  result: AlignResult,
  source: AlignPassage[],
  target: AlignPassage[],
): Array<{ bead: number; key: string; confidence: number }> {
  const offsets = (ps: AlignPassage[]) => {
    let at = 0;
    return ps.map((p) => (at += p.sentences!.length) - p.sentences!.length);
  };
  const os = offsets(source);
  const ot = offsets(target);
  return result.beads.flatMap((b, k) =>
    b.sentences.map((s) => ({
      bead: k,
      key: `${s.source.map(([q, x]) => os[q] + x).join('+')}>${s.target.map(([q, x]) => ot[q] + x).join('+')}`,
      confidence: s.confidence,
    })),
  );
}

/** `count` sentences of a committee's report in English and their Tagalog translations, each with its own numbers. */
export function reportSentences(count: number): { en: string[]; tl: string[] } {
  const en = Array.from(
    { length: count },
    (_, k) =>
      `Item ${k + 10} of the report says the committee met ${(k % 9) + 2} times and heard ${(k + 3) * 17} witnesses.`,
  );
  const tl = Array.from(
    { length: count },
    (_, k) =>
      `Sinasabi ng bilang ${k + 10} ng ulat na nagpulong ang komite nang ${(k % 9) + 2} beses at dininig ang ` +
      `${(k + 3) * 17} saksi.`,
  );
  return { en, tl };
}
