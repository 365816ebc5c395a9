// Runs every fuzz target over generated inputs and counts accepted, refused and crashing cases.
import fc from 'fast-check';
import type { Archive } from '../../main/archive/archive';
import { TARGETS } from './targets';

export interface TargetReport {
  target: string;
  cases: number;
  accepted: number;
  refused: number;
  crashes: Array<{ input: string; error: string }>;
  ms: number;
}

export async function runFuzz(
  archive: Archive,
  casesPerTarget: number,
  seed: number,
  only?: string,
): Promise<TargetReport[]> {
  const reports: TargetReport[] = [];
  for (const target of TARGETS.filter((t) => !only || t.name.includes(only))) {
    const started = performance.now();
    const report: TargetReport = { target: target.name, cases: 0, accepted: 0, refused: 0, crashes: [], ms: 0 };
    for (const input of fc.sample(target.arbitrary, { numRuns: casesPerTarget, seed })) {
      report.cases++;
      try {
        report[(await target.run(input, archive)) as 'accepted' | 'refused']++;
      } catch (err) {
        report.crashes.push({
          input: describe(input),
          error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
        });
      }
    }
    report.ms = Math.round(performance.now() - started);
    reports.push(report);
  }
  return reports;
}

function describe(input: unknown): string {
  if (input instanceof Uint8Array)
    return `bytes[${input.length}] ${Buffer.from(input.subarray(0, 120)).toString('base64')}`;
  return JSON.stringify(input)?.slice(0, 300) ?? String(input);
}
