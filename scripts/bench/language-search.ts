// Search table benchmark: document-level precision and recall of Tala's search on a small multilingual corpus
// (scripts/bench/corpus/: short tl, en, ru, hy, fr documents) against scripts/bench/search-table.json (query →
// the documents it must find). The corpus goes into a real temporary archive through the real import path.
// Called by scripts/bench-language.ts; `tsx scripts/bench/language-search.ts` prints it alone.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Archive } from '../../main/archive/archive';

export interface SearchTableRow {
  query: string;
  expected: string[];
  found: string[];
  precision: number;
  recall: number;
}

export interface SearchTableSummary {
  queries: number;
  /** Micro-averaged over all (query, document) decisions. */
  precision: number;
  recall: number;
  f1: number;
  /** Queries that found every expected document and nothing else. */
  exact: number;
  targets: { precision: number; recall: number };
  met: boolean;
}

const TARGET = { precision: 0.95, recall: 0.9 };
const here = fileURLToPath(new URL('.', import.meta.url));
const round = (x: number) => Math.round(x * 1000) / 1000;

export async function runSearchTableBench(): Promise<{ rows: SearchTableRow[]; summary: SearchTableSummary }> {
  type Table = { queries: Array<{ query: string; expected: string[] }> };
  const table = JSON.parse(readFileSync(join(here, 'search-table.json'), 'utf8')) as Table;
  const dir = mkdtempSync(join(tmpdir(), 'tala-bench-search-'));
  const archive = await Archive.open(join(dir, 'bench.sqlite'), { search: 'inline' });
  try {
    const names = new Map<string, string>();
    for (const file of readdirSync(join(here, 'corpus')).sort()) {
      const [name, lang] = file.split('.');
      const bytes = readFileSync(join(here, 'corpus', file));
      const outcome = await archive.documents.importFile({ name: file, bytes, lang });
      if (outcome.status !== 'imported') throw new Error(`${file} was not imported`);
      names.set(outcome.document.id, name);
    }
    const rows: SearchTableRow[] = [];
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { query, expected } of table.queries) {
      const result = await archive.search.query({ query, limit: 100, groupBy: 'document' });
      const found = [...new Set(result.hits.map((h) => names.get(h.docId) ?? h.docId))].sort();
      const hit = found.filter((f) => expected.includes(f)).length;
      tp += hit;
      fp += found.length - hit;
      fn += expected.length - hit;
      const precision = found.length ? round(hit / found.length) : 1;
      rows.push({ query, expected, found, precision, recall: round(hit / expected.length) });
    }
    const precision = tp + fp ? tp / (tp + fp) : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    const exact = rows.filter((r) => r.precision === 1 && r.recall === 1).length;
    const met = precision >= TARGET.precision && recall >= TARGET.recall;
    const figures = { precision: round(precision), recall: round(recall), f1: round(f1) };
    const summary = { queries: rows.length, ...figures, exact, targets: TARGET, met };
    return { rows, summary };
  } finally {
    await archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printSearchTableBench({ rows, summary: s }: Awaited<ReturnType<typeof runSearchTableBench>>): void {
  console.log('Search table (document level)');
  for (const r of rows) {
    if (r.precision === 1 && r.recall === 1) continue;
    const missed = r.expected.filter((e) => !r.found.includes(e));
    const extra = r.found.filter((f) => !r.expected.includes(f));
    const notes = [missed.length ? `missed ${missed.join(', ')}` : '', extra.length ? `extra ${extra.join(', ')}` : ''];
    console.log(`  ${r.query}: P ${r.precision} R ${r.recall}  ${notes.filter(Boolean).join('  ')}`);
  }
  const verdict = s.met ? 'met' : 'MISSED';
  const targets = `targets P ≥ ${s.targets.precision}, R ≥ ${s.targets.recall}: ${verdict}`;
  console.log(`  ${s.queries} queries, ${s.exact} exact; P ${s.precision}  R ${s.recall}  F1 ${s.f1}  (${targets})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void runSearchTableBench().then(printSearchTableBench);
}
