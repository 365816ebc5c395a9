// Crash test: start a writer child, SIGKILL it at a random moment, then check that the archive opens,
// passes integrity_check, and holds every write the child had acknowledged. Repeated `runs` times.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Archive } from '../main/archive/archive';
import { archiveFileIn } from '../main/archive/paths';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

export interface CrashReport {
  runs: number;
  kills: number;
  acknowledged: number;
  failures: string[];
}

export async function runCrashTest(
  dir: string,
  runs: number,
  log: (line: string) => void = () => undefined,
): Promise<CrashReport> {
  // Create the archive (and run migrations) before the first kill, so each run exercises writes.
  await (await Archive.open(archiveFileIn(dir))).close();
  const report: CrashReport = { runs: 0, kills: 0, acknowledged: 0, failures: [] };
  const acked = { doc: new Set<string>(), ann: new Set<string>() };
  for (let run = 1; run <= runs; run++) {
    report.runs++;
    const killed = await runChildUntilKilled(dir, 50 + Math.random() * 700, (kind, id) => acked[kind].add(id));
    if (killed) report.kills++;
    const problems = await verify(dir, acked);
    report.acknowledged = acked.doc.size + acked.ann.size;
    for (const p of problems) report.failures.push(`run ${run}: ${p}`);
    log(
      `run ${run}/${runs}: ${killed ? 'killed' : 'exited'}; ${acked.doc.size} documents` +
        ` and ${acked.ann.size} annotations acknowledged so far;` +
        ` ${problems.length ? problems.join('; ') : 'archive intact'}`,
    );
  }
  return report;
}

/** Starts the writer, waits until it is writing, lets it run `afterMs` more, then SIGKILLs it. */
function runChildUntilKilled(
  dir: string,
  afterMs: number,
  onAck: (kind: 'doc' | 'ann', id: string) => void,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ACK (doc|ann) (\S+)$/.exec(line);
        if (m) onAck(m[1] as 'doc' | 'ann', m[2]);
        else if (line === 'READY' && !timer) timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(true);
      else reject(new Error(`the writer exited on its own: ${stderr.slice(-500)}`));
    });
  });
}

async function verify(dir: string, acked: { doc: Set<string>; ann: Set<string> }): Promise<string[]> {
  const problems: string[] = [];
  let archive: Archive;
  try {
    archive = await Archive.open(archiveFileIn(dir));
  } catch (err) {
    return [`archive does not open: ${(err as Error).message}`];
  }
  try {
    const health = await archive.backups.health();
    if (health.integrity !== 'ok') problems.push(`integrity_check: ${health.integrity}`);
    const present = new Set((await archive.documents.list()).map((d) => d.id));
    const missingDocs = [...acked.doc].filter((id) => !present.has(id));
    if (missingDocs.length) problems.push(`${missingDocs.length} acknowledged document(s) missing`);
    const annotations = new Set((await archive.annotations.listAll()).map((a) => a.id));
    const missingAnns = [...acked.ann].filter((id) => !annotations.has(id));
    if (missingAnns.length) problems.push(`${missingAnns.length} acknowledged annotation(s) missing`);
    for (const id of present) {
      const doc = await archive.documents.get(id);
      if (doc.passages.length === 0) problems.push(`document ${id} has no passages (partial import)`);
    }
  } finally {
    await archive.close();
  }
  return problems;
}
