import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { francAll } from 'franc';
import { data } from 'franc/data.js';
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

function expectSame(text: string, minLength?: number): void {
  const options = minLength === undefined ? {} : { minLength };
  expect(rankLanguages(text, minLength), JSON.stringify(text.slice(0, 80))).toEqual(francAll(text, options));
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
    ])
      for (const minLength of [undefined, 1, 3]) expectSame(text, minLength);
  });
});
