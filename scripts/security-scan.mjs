// Runs the Electronegativity scanner over the Electron glue and the renderer and fails on any
// medium or high finding. Offline: the scanner's release lookup fails harmlessly, so the Electron
// version is given explicitly.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const scanner = join(require.resolve('@doyensec/electronegativity/package.json'), '..', 'dist', 'index.js');
const work = mkdtempSync(join(tmpdir(), 'tala-eng-'));
let failed;
try {
  // One scan over the glue and the renderer together: the global checks (navigation limits,
  // permission handler, CSP) need to see both sides.
  const app = join(work, 'app');
  cpSync('main/electron', join(app, 'main/electron'), { recursive: true });
  cpSync('renderer', join(app, 'renderer'), { recursive: true });
  const csv = join(work, 'findings.csv');
  execFileSync(process.execPath, [scanner, '-i', app, '-r', '-e', electronVersion, '-o', csv], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  const findings = rows.map((row) => row.split(','));
  const serious = findings.filter(([, severity]) => /HIGH|MEDIUM/.test(severity));
  console.log(`main/electron + renderer: ${findings.length} finding(s), ${serious.length} medium or high`);
  for (const f of findings)
    console.log(`  ${f[1].replace(/"/g, '')} ${f[0]} ${f[3]}:${f[4]} ${f.slice(6, -1).join(',')}`);
  failed = serious.length;
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(
  failed ? `Electronegativity: ${failed} medium/high finding(s)` : 'Electronegativity: no medium or high finding',
);
process.exitCode = failed ? 1 : 0;
