// Cross-script name matching benchmark: precision, recall and F1 of the name key (shared/text/name-key.ts)
// on scripts/bench/name-pairs.json — pairs of spellings of one name and near pairs of different names, across
// Latin, Cyrillic and Armenian. Called by scripts/bench-language.ts; `tsx scripts/bench/language-names.ts`
// prints it alone.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nameScript, nameWords, sameName } from '../../shared/text/name-key';

interface NamePair {
  a: string;
  b: string;
  same: boolean;
  kind: string;
  region: string;
}

export interface PairRow {
  /** What the row counts: 'all', a script pair ('latin–cyrillic'), or a kind ('person', 'place'). */
  group: string;
  pairs: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface NamePairSummary extends PairRow {
  /** Pairs the key got wrong, for the report. */
  errors: Array<{ a: string; b: string; expected: boolean }>;
  targets: { precision: number; recall: number };
  met: boolean;
}

const TARGET = { precision: 0.95, recall: 0.95 };

function scriptOf(name: string): string {
  const scripts = new Set(nameWords(name).map(nameScript));
  return scripts.size === 1 ? [...scripts][0] : 'mixed';
}

function score(group: string, list: Array<NamePair & { predicted: boolean }>): PairRow {
  const tp = list.filter((p) => p.same && p.predicted).length;
  const fp = list.filter((p) => !p.same && p.predicted).length;
  const fn = list.filter((p) => p.same && !p.predicted).length;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const counts = { pairs: list.length, truePositives: tp, falsePositives: fp, falseNegatives: fn };
  return { group, ...counts, precision: round(precision), recall: round(recall), f1: round(f1) };
}

export async function runNamePairBench(): Promise<{ rows: PairRow[]; summary: NamePairSummary }> {
  const file = fileURLToPath(new URL('./name-pairs.json', import.meta.url));
  const { pairs } = JSON.parse(readFileSync(file, 'utf8')) as { pairs: NamePair[] };
  const judged = pairs.map((p) => ({ ...p, predicted: sameName(p.a, p.b) }));
  const groups = new Map<string, typeof judged>();
  const add = (key: string, p: (typeof judged)[number]) => groups.set(key, [...(groups.get(key) ?? []), p]);
  for (const p of judged) {
    add([scriptOf(p.a), scriptOf(p.b)].sort().join('–'), p);
    add(p.kind, p);
  }
  const rows = [...groups].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([g, list]) => score(g, list));
  const all = score('all', judged);
  const errors = judged.filter((p) => p.same !== p.predicted).map((p) => ({ a: p.a, b: p.b, expected: p.same }));
  const met = all.precision >= TARGET.precision && all.recall >= TARGET.recall;
  return { rows, summary: { ...all, errors, targets: TARGET, met } };
}

export function printNamePairBench(result: Awaited<ReturnType<typeof runNamePairBench>>): void {
  const figures = (r: PairRow) => `P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}`;
  const line = (r: PairRow) => `${r.group.padEnd(20)} ${String(r.pairs).padStart(5)}  ${figures(r)}`;
  console.log('Cross-script name pairs (name key)');
  for (const r of result.rows) console.log(`  ${line(r)}`);
  const s = result.summary;
  const verdict = s.met ? 'met' : 'MISSED';
  console.log(`  ${line(s)}  (targets P ≥ ${s.targets.precision}, R ≥ ${s.targets.recall}: ${verdict})`);
  for (const e of s.errors) console.log(`    ${e.expected ? 'missed' : 'wrongly joined'}: ${e.a} / ${e.b}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void runNamePairBench().then(printNamePairBench);
}
