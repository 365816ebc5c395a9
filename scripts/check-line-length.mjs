#!/usr/bin/env node
// Lint step: no line of our source runs past 120 characters (Prettier wraps code; comments, long strings,
// SQL and regular expressions are wrapped by hand). Lines still over the limit from before the formatter came
// in are listed per file in scripts/line-length-baseline.json; a file may only go down from its count.
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';

const LIMIT = 120;
const baselinePath = new URL('./line-length-baseline.json', import.meta.url);
const baseline = existsSync(baselinePath) ? JSON.parse(readFileSync(baselinePath, 'utf8')) : {};
const files = execFileSync(
  'git',
  ['ls-files', '-co', '--exclude-standard', '*.ts', '*.tsx', '*.mts', '*.mjs', '*.js', '*.cjs', '*.css'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((f) => f && !f.startsWith('out/') && existsSync(f));

let failed = false;
const counts = {};
for (const file of files) {
  const long = readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, at: i + 1 }))
    .filter(({ line }) => [...line].length > LIMIT);
  if (long.length === 0) continue;
  counts[file] = long.length;
  if (long.length > (baseline[file] ?? 0)) {
    failed = true;
    for (const { line, at } of long) console.error(`${file}:${at}: ${[...line].length} characters (limit ${LIMIT})`);
  }
}
if (process.argv.includes('--write-baseline')) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(baselinePath, JSON.stringify(counts, null, 2) + '\n');
}
const total = Object.values(counts).reduce((a, b) => a + b, 0);
if (failed) {
  console.error(`Lines over ${LIMIT} characters: wrap them (files above have more than before).`);
  process.exit(1);
}
if (total > 0)
  console.log(`line length: ${total} older lines over ${LIMIT} remain (scripts/line-length-baseline.json)`);
