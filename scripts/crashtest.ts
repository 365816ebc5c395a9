// `npm run crashtest [-- RUNS]`: the full crash test (100 kills by default). Prints runs, kills, failures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCrashTest } from './crash-harness';

const runs = Number(process.argv[2] ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'tala-crash-'));
const started = Date.now();
const report = await runCrashTest(dir, runs, (line) => console.log(line));
rmSync(dir, { recursive: true, force: true });
console.log(
  `\ncrash test: ${report.runs} runs, ${report.kills} kills, ${report.acknowledged} acknowledged writes, ` +
    `${report.failures.length} failures, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
for (const f of report.failures) console.log(`FAILURE ${f}`);
process.exitCode = report.failures.length ? 1 : 0;
