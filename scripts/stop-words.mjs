#!/usr/bin/env node
// Writes main/search/stop-words.json: the stop-word list of each lunr-languages plugin Tala uses, as the plugin's own
// source gives it (the string its generateStopWordFilter call splits on spaces). The search reads these lists instead
// of loading every plugin to ask its filter; the plugin itself (its stemmer) is loaded when a word is first stemmed.
// Run again after updating lunr-languages: `node scripts/stop-words.mjs` (test/main/search/stop-words.test.ts fails
// while the file and the plugins disagree).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const PLUGINS = [
  'ar',
  'da',
  'de',
  'el',
  'es',
  'fi',
  'fr',
  'hu',
  'hy',
  'it',
  'nl',
  'no',
  'pl',
  'pt',
  'ro',
  'ru',
  'sv',
  'tr',
];

/** The space-separated list in `lunr.<code>.stopWordFilter = lunr.generateStopWordFilter('…'.split(' '))`. */
export function stopWordSource(code) {
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve(`lunr-languages/lunr.${code}.js`), 'utf8');
  const call = new RegExp(
    `lunr\\.${code}\\.stopWordFilter = lunr\\.generateStopWordFilter\\(\\s*'([^']*)'\\.split\\(' '\\)`,
  );
  const found = call.exec(source);
  if (!found) throw new Error(`lunr.${code}.js: no stop-word list in the expected form`);
  return found[1];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lists = Object.fromEntries(PLUGINS.map((code) => [code, stopWordSource(code)]));
  const file = new URL('../main/search/stop-words.json', import.meta.url);
  writeFileSync(file, `${JSON.stringify(lists, null, 1)}\n`);
  console.log(`wrote ${Object.keys(lists).length} lists to main/search/stop-words.json`);
}
