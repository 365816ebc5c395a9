// `npm run fuzz [-- CASES [SEED [TARGET]]]`: thousands of generated and mutated inputs for every parser
// at the archive's boundaries. Prints per-target counts; exits 1 on any crash.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchiveDir } from '../main/archive/open-default';
import { runFuzz } from './fuzz/run';

const cases = Number(process.argv[2] ?? 5000);
const seed = Number(process.argv[3] ?? Date.now() % 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'tala-fuzz-'));
const archive = await openArchiveDir(join(dir, 'archive'), { seedSamples: true });
const reports = await runFuzz(archive, cases, seed, process.argv[4]);
await archive.close();
rmSync(dir, { recursive: true, force: true });

console.log(`fuzz seed ${seed}, ${cases} cases per target`);
for (const r of reports) {
  console.log(
    `${r.target.padEnd(24)} ${String(r.cases).padStart(7)} cases` +
      `  ${String(r.accepted).padStart(7)} accepted  ${String(r.refused).padStart(7)} refused` +
      `  ${String(r.crashes.length).padStart(4)} crashes  ${(r.ms / 1000).toFixed(1)} s`,
  );
  for (const c of r.crashes.slice(0, 5)) console.log(`  CRASH ${c.error}\n    input: ${c.input}`);
}
const total = reports.reduce((n, r) => n + r.cases, 0);
const crashes = reports.reduce((n, r) => n + r.crashes.length, 0);
console.log(`total: ${total} cases, ${crashes} crashes`);
process.exitCode = crashes ? 1 : 0;
