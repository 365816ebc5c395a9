// `npm run bench:cli`: how fast the built command line starts, against the floor of any Node program that
// opens SQLite (`node -e "require('sqlite3')"`). Each round runs, one after the other, the baseline, `tala
// search` on a small archive (the two samples), the baseline again and `tala --help`, so a busy machine
// slows every side alike. Targets: search ≤ 3× the baseline, --help ≤ 2×.
//   npm run bench:cli [-- --rounds N]   (default 15)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const REPO = join(import.meta.dirname, '..');
const CLI = join(REPO, 'out', 'main', 'cli.js');
const SAMPLES = join(REPO, 'resources', 'samples');

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '15' } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number');

if (!existsSync(CLI)) {
  console.log('Building first (out/main/cli.js is missing)…');
  execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO, stdio: 'inherit' });
}

const archive = mkdtempSync(join(tmpdir(), 'tala-bench-cli-'));
execFileSync(process.execPath, [CLI, '--archive', archive, 'import', SAMPLES, '--json'], { stdio: 'ignore' });

interface Side {
  label: string;
  args: string[];
  ms: number[];
}
const baseline: Side = { label: `node -e "require('sqlite3')"`, args: ['-e', "require('sqlite3')"], ms: [] };
const search: Side = { label: 'tala search Sahakyan', args: [CLI, '--archive', archive, 'search', 'Sahakyan'], ms: [] };
const help: Side = { label: 'tala --help', args: [CLI, '--help'], ms: [] };

function time(side: Side): void {
  const started = performance.now();
  const run = spawnSync(process.execPath, side.args, { cwd: REPO, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${side.label} failed (${run.status}): ${run.stderr}`);
  side.ms.push(ms);
}

// One unmeasured round warms the file cache for every side.
for (const side of [baseline, search, help]) time(side);
for (const side of [baseline, search, help]) side.ms.length = 0;
for (let i = 0; i < rounds; i++) for (const side of [baseline, search, baseline, help]) time(side);
rmSync(archive, { recursive: true, force: true });

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
const p90 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

console.log(
  `CLI start-up, ${rounds} rounds (baseline twice per round), ${cpus().length} CPUs, load ${loadavg()[0].toFixed(2)}`,
);
console.log('| command | median | p90 | min | ratio to baseline (median) | target |');
console.log('| --- | --- | --- | --- | --- | --- |');
const base = median(baseline.ms);
for (const [side, target] of [
  [baseline, ''],
  [search, '≤ 3×'],
  [help, '≤ 2×'],
] as const) {
  const ratio = median(side.ms) / base;
  const verdict = target === '' ? '' : `${target} ${ratio <= Number(target.slice(2, -1)) ? 'met' : 'MISSED'}`;
  const min = sorted(side.ms)[0];
  console.log(
    `| \`${side.label}\`` +
      ` | ${fmt(median(side.ms))} | ${fmt(p90(side.ms))} | ${fmt(min)} | ${ratio.toFixed(2)}× | ${verdict} |`,
  );
}
