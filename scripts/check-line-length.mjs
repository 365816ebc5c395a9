#!/usr/bin/env node
// Lint step: no line of our source runs past 120 characters. Prettier wraps code; comments, long strings, SQL and
// regular expressions are wrapped by hand (a long regular expression is built from named parts with
// shared/text/regex.ts, a class list with renderer/src/lib/class-names.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';

const LIMIT = 120;
const files = execFileSync(
  'git',
  ['ls-files', '-co', '--exclude-standard', '*.ts', '*.tsx', '*.mts', '*.mjs', '*.js', '*.cjs', '*.css'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((f) => f && !f.startsWith('out/') && existsSync(f));

let long = 0;
for (const file of files) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const length = [...line].length; // code points: a character outside the BMP counts once
      if (length <= LIMIT) return;
      long++;
      console.error(`${file}:${i + 1}: ${length} characters (limit ${LIMIT})`);
    });
}
if (long > 0) {
  console.error(`${long} line${long === 1 ? '' : 's'} over ${LIMIT} characters: wrap them.`);
  process.exit(1);
}
