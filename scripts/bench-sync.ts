// bench:sync — team sync through a real PostgreSQL (a throwaway cluster, as in the tests).
// First sync of a large archive (push from A, then pull into an empty B), then an incremental sync of 100
// changes each way; wall time, client peak RSS and the server's RSS. Targets: first sync ≤ 60 s each way,
// incremental ≤ 1 s.
//   npm run bench:sync -- [--docs 2000] [--paragraphs 50]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Archive } from '../main/archive/archive';
import { archiveFileIn } from '../main/archive/paths';
import { InlineParser } from '../main/ingest/parser';
import { TeamService } from '../main/team/service';
import { startPostgres } from '../test/helpers/postgres';

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '2000' }, paragraphs: { type: 'string', default: '50' } },
});
const DOCS = Number(values.docs);
const PARAGRAPHS = Number(values.paragraphs);

const WORDS =
  'halalan pangulo boto kandidato komisyon Stepanakert Karabakh Sahakyan Balasanyan libo bumoto' +
  ' mamamayan ulat balita lungsod bansa'.split(' ');
function paragraph(doc: number, p: number): string {
  const words = Array.from({ length: 40 }, (_, i) => WORDS[(doc * 31 + p * 7 + i * 13) % WORDS.length]);
  return (
    `Talata ${p} ng ulat ${doc}: ${words.join(' ')}. Ikalawang pangungusap ${doc}-${p} na` +
    ` may ${(doc * 37 + p) % 1000} libong boto.`
  );
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
function resetPeak(): void {
  peakRss = process.memoryUsage().rss;
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** RSS of the cluster's postmaster and its children (backends), in bytes. */
function serverRss(dataDir: string): number {
  const pid = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0].trim();
  const pids = [
    pid,
    ...execFileSync('ps', ['-o', 'pid=', '--ppid', pid], { encoding: 'utf8' })
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
  let total = 0;
  for (const p of pids) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // a backend that just ended
    }
  }
  return total;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T; rss: number }> {
  resetPeak();
  const started = performance.now();
  const value = await fn();
  const ms = performance.now() - started;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { ms, value, rss: peakRss };
}

const pg = startPostgres();
const work = mkdtempSync(join(tmpdir(), 'tala-bench-sync-'));
try {
  const version = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  console.log(
    `bench:sync — code ${version}, ${DOCS} documents × ${PARAGRAPHS} paragraphs,` +
      ` load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
  const db = await pg.createDatabase();
  await TeamService.initServer(pg.urlFor('tala_admin', db), [{ name: 'alice' }, { name: 'bob' }]);
  const open = (name: string) => {
    mkdirSync(join(work, name));
    return Archive.open(archiveFileIn(join(work, name)), { search: 'inline', parser: new InlineParser() });
  };
  const a = await open('a');
  const built = await timed(async () => {
    for (let d = 0; d < DOCS; d++) {
      const text = Array.from({ length: PARAGRAPHS }, (_, p) => paragraph(d, p)).join('\n\n');
      await a.documents.importFile({ name: `ulat-${d}.txt`, bytes: new TextEncoder().encode(text), lang: 'tl' });
    }
  });
  console.log(`built archive A through the import path: ${(built.ms / 1000).toFixed(1)} s`);
  await a.team.join(pg.urlFor('alice', db));
  const first = await timed(() => a.team.sync());
  const dataDir = join(pg.socketDir, 'data');
  const serverAfterPush = serverRss(dataDir);
  const b = await open('b');
  await b.team.join(pg.urlFor('bob', db));
  const pulled = await timed(() => b.team.sync());

  // 100 changes on A: new annotations on the first documents.
  const docs = (await a.documents.list()).slice(0, 100);
  for (const [i, doc] of docs.entries()) {
    const detail = await a.documents.get(doc.id);
    await a.annotations.create({
      docId: doc.id,
      start: detail.passages[0].start,
      end: detail.passages[0].start + 6,
      note: `note ${i}`,
    });
  }
  const incPush = await timed(() => a.team.sync());
  const incPull = await timed(() => b.team.sync());
  const serverEnd = serverRss(dataDir);

  const row = (what: string, t: { ms: number; rss: number }, changes: number, target: number) =>
    `| ${what} | ${changes.toLocaleString('en')} | ${(t.ms / 1000).toFixed(2)} s | ${mb(t.rss)} |` +
    ` ≤ ${target} s | ${t.ms / 1000 <= target ? 'met' : 'missed'} |`;
  console.log('\n| step | changes | wall | client peak RSS | target | verdict |\n|---|---|---|---|---|---|');
  console.log(row('first sync: push from A (seal + push)', first, first.value.pushed, 60));
  console.log(row('first sync: pull into empty B', pulled, pulled.value.pulled, 60));
  console.log(row('incremental: push 100 changes', incPush, incPush.value.pushed, 1));
  console.log(row('incremental: pull 100 changes', incPull, incPull.value.pulled, 1));
  console.log(
    `\nserver RSS (postmaster + backends): ${mb(serverAfterPush)} after the first push, ${mb(serverEnd)} at the end`,
  );
  await a.close();
  await b.close();
} finally {
  clearInterval(sampler);
  pg.stop();
  rmSync(work, { recursive: true, force: true });
}
