// franc's francAll (franc 6.2.0), computed the other way round and with the same result to the last digit.
// franc scores a text against every language of its script: for each of the text's trigrams, it looks the trigram
// up in each language's 300-trigram model (≈1,000 trigrams × 180 Latin languages = 180,000 dictionary look-ups,
// most of them misses; 8 ms a 2,000-character sample, most of an import of small files). Here each script's
// models are inverted once (trigram → the languages that have it, with its rank there), so a text costs one
// look-up per trigram plus one step per language that knows it. The distance is the same integer sum:
//   Σ over the text's trigrams t: |count(t) − rank_L(t) − 1| if L's model has t, else 300
// = 300 × (trigrams) + Σ over t in L's model (|count(t) − rank_L(t) − 1| − 300),
// then franc's stable sort (ties keep franc's language order) and normalisation, the same floating-point steps.
// test/main/ingest/trigram-rank.test.ts compares every result with franc's own.
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

/** franc's constants. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

interface ScriptModels {
  /** Languages in franc's order (the order ties keep). */
  languages: string[];
  /** Trigram → pairs (language index, rank) of the models that hold it. */
  index: Map<string, Int32Array>;
}

const models = new Map<string, ScriptModels>();

function modelsOf(script: string): ScriptModels {
  let found = models.get(script);
  if (found) return found;
  const languages = Object.keys(data[script]);
  const lists = new Map<string, number[]>();
  languages.forEach((language, l) => {
    // franc keeps the first position of a trigram that a model lists twice.
    const seen = new Set<string>();
    data[script][language].split('|').forEach((trigram, rank) => {
      if (seen.has(trigram)) return;
      seen.add(trigram);
      const list = lists.get(trigram);
      if (list) list.push(l, rank);
      else lists.set(trigram, [l, rank]);
    });
  });
  const index = new Map<string, Int32Array>();
  for (const [trigram, list] of lists) index.set(trigram, Int32Array.from(list));
  found = { languages, index };
  models.set(script, found);
  return found;
}

/** The script whose letters occur most (franc's getTopScript: the first of equal counts wins). */
function topScript(value: string): [string | undefined, number] {
  let topCount = -1;
  let top: string | undefined;
  for (const script of Object.keys(expressions)) {
    const count = (value.match(expressions[script])?.length ?? 0) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return [top, topCount];
}

/** trigram-utils' asDictionary: trigrams of the cleaned, space-padded text with their counts. */
function trigramCounts(value: string): Map<string, number> {
  const cleaned = ` ${value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const trigram = cleaned.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

/** The languages of the text's script with their scores (1 = best), best first: `francAll(value, { minLength })`. */
export function rankLanguages(value: string, minLength = 10): Array<[string, number]> {
  if (!value || value.length < minLength) return [['und', 1]];
  value = value.slice(0, MAX_LENGTH);
  const [script, count] = topScript(value);
  if (!script || !(script in data)) return !script || count === 0 ? [['und', 1]] : [[script, 1]];

  const { languages, index } = modelsOf(script);
  const counts = trigramCounts(value);
  const distances = new Float64Array(languages.length).fill(MAX_DIFFERENCE * counts.size);
  for (const [trigram, occurrences] of counts) {
    const holders = index.get(trigram);
    if (!holders) continue;
    for (let i = 0; i < holders.length; i += 2)
      distances[holders[i]] += Math.abs(occurrences - holders[i + 1] - 1) - MAX_DIFFERENCE;
  }
  const ranked: Array<[string, number]> = languages.map((language, l) => [language, distances[l]]);
  ranked.sort((a, b) => a[1] - b[1]);
  const min = ranked[0][1];
  const max = value.length * MAX_DIFFERENCE - min;
  for (const entry of ranked) entry[1] = 1 - (entry[1] - min) / max || 0;
  return ranked;
}
