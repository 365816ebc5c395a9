import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { francAll } from 'franc';
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
import { describe, expect, it } from 'vitest';
import { rankLanguages } from '../../../main/ingest/trigram-rank';

const SAMPLES = join(__dirname, '..', '..', '..', 'resources', 'samples');

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text made of one language's own trigrams (so every script franc knows is exercised), with noise. */
function textOf(script: string, language: string, next: () => number, length: number): string {
  const trigrams = data[script][language].split('|');
  let text = '';
  while (text.length < length) {
    const pick = trigrams[Math.floor(next() * trigrams.length)];
    const r = next();
    text += r < 0.1 ? pick.toUpperCase() : r < 0.15 ? `${pick}, 42! ` : r < 0.2 ? `${pick}\n\n` : pick;
  }
  return text;
}

/** Both ways of scoring (a script's first samples directly, the later ones from its inverted models) give franc's. */
function expectSame(text: string, minLength?: number): void {
  const options = minLength === undefined ? {} : { minLength };
  const franc = francAll(text, options);
  for (const scoring of ['direct', 'inverted'] as const)
    expect(rankLanguages(text, minLength, scoring), `${scoring} ${JSON.stringify(text.slice(0, 80))}`).toEqual(franc);
}

describe('rankLanguages (franc, inverted)', () => {
  it("gives franc's ranking and scores for the sample documents, whole and in slices", () => {
    for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(SAMPLES, file), 'utf8');
      for (const [start, length] of [
        [0, 2000],
        [0, 5000],
        [100, 30],
        [777, 300],
        [1500, 9],
        [3000, 1200],
      ])
        for (const minLength of [undefined, 1]) expectSame(text.slice(start, start + length), minLength);
    }
  });

  it("gives franc's result for generated text in every language of every script", () => {
    const next = random(7);
    for (const script of Object.keys(data))
      for (const language of Object.keys(data[script]))
        for (const length of [12, 400, 2500]) expectSame(textOf(script, language, next, length), 1);
  });

  it("gives franc's result for mixed scripts, case changes, digits, punctuation and empty text", () => {
    const next = random(11);
    const ru = textOf('Cyrillic', 'rus', next, 300);
    const en = textOf('Latin', 'eng', next, 300);
    for (const text of [
      '',
      ' ',
      'a',
      '1234567890',
      '!!! ??? ...',
      'İstanbul İZMİR ıı ŞŞ',
      'ΣΊΣΥΦΟΣ σίσυφος',
      `${ru} ${en}`,
      `${en} ${ru}`,
      `${en}\t\t\n ${en.toUpperCase()}`,
      '東京は日本の首都です。 Tokyo is the capital.',
      'ᐃᓄᒃᑎᑐᑦ ᖃᐅᔨᒪ',
      // Characters outside the BMP (Chinese extension B, Japanese kana supplement, Adlam), lone surrogates.
      '𠀀𠀁𠀂 𪜀𪜁 中文 𠀀',
      '𛀁𛀂 ひらがな 𠀀',
      '𞤀𞤁𞤂 𞤃 abc',
      '\uD840 \uDC00 \uD840\uD840\uDC00 x\uDC00y',
      `${en} ${'𠀀'.repeat(600)}`,
    ])
      for (const minLength of [undefined, 1, 3]) expectSame(text, minLength);
  });

  it('counts scripts as franc does: its expressions match single BMP code units (never a surrogate) or pairs', () => {
    // rankLanguages counts each script's letters in one pass, testing each distinct code unit (or surrogate pair)
    // once; that gives franc's match counts only while every alternative of franc's expressions is one BMP code unit
    // or a high surrogate followed by a low one.
    const unit = String.raw`\[[^\]]*\]|\\u[0-9A-Fa-f]{4}`;
    const shape = new RegExp(`^(?:${unit})(?:${unit})?$`);
    for (const [script, expression] of Object.entries(expressions)) {
      const single = new RegExp(expression.source);
      for (let u = 0xd800; u <= 0xdfff; u++) expect(single.test(String.fromCharCode(u)), script).toBe(false);
      for (const alternative of expression.source.split('|')) expect(alternative, script).toMatch(shape);
    }
  });
});
