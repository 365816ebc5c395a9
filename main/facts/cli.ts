// How the facts ledger reads and prints on the command line (main/facts/operations.ts declares the commands).
import type { ConflictGroup, Fact, FactObjectInput, Mention } from '../../shared/facts';
import { UsageError } from '../api/operation';
import { formatValue, isFactDate } from './values';

export function mentionLine(m: Mention): string {
  const about = m.about ? `  ← ${m.about.name} (${m.about.predicate})` : '';
  const range = `${String(m.start).padStart(6)}–${String(m.end).padEnd(6)}`;
  return `${range} ${m.type.padEnd(12)} ${JSON.stringify(m.text)} → ${m.value}  [${m.confidence}]${about}`;
}

export function factLine(f: Fact): string {
  const where =
    f.evidence.map((e) => `${e.docTitle} ¶${e.paragraph ?? '?'}`).join('; ') ||
    (f.candidate ? `${f.candidate.docTitle} (proposed)` : 'no evidence');
  return `${f.id}  [${f.status}${f.preferred ? ', preferred' : ''}] ${f.label}\n    ${where}`;
}

export function conflictLines(group: ConflictGroup): string[] {
  const consistent = group.agreement === 'approximate' ? '  — consistent (approximate)' : '';
  const date = group.qualifiers.date ? ` (${group.qualifiers.date})` : '';
  const lines = [`${group.subject.name} — ${group.predicate}${date}${consistent}`];
  for (const f of group.facts) {
    const mark = f.id === group.preferredFactId ? '★' : '•';
    const why = f.preferredReason ? ` — preferred: ${f.preferredReason}` : '';
    lines.push(`  ${mark} ${formatValue(f.object, f.valueQualifier)}  [${f.status}]${why}`);
    for (const e of f.evidence) lines.push(`      ${e.docTitle} ¶${e.paragraph ?? '?'} (${e.lang}): “${e.quote}”`);
  }
  return lines;
}

/** --value: an ISO date, a number (digits, or words the extractor reads: "47 libo", "20 thousand"), else text. */
export async function parseValue(
  raw: string,
  unit: string | undefined,
  kind: string | undefined,
): Promise<FactObjectInput> {
  const value = raw.trim();
  if (kind === 'text') return { kind: 'text', text: value };
  if (kind === 'entity') return { kind: 'entity', name: value };
  if (kind === 'date' || (kind === undefined && isFactDate(value))) {
    if (!isFactDate(value)) throw new UsageError('--value must be a date like 2012-07-19 or 1601/1700');
    return { kind: 'date', date: value };
  }
  const plain = Number(value.replace(/[,\s_]/g, ''));
  if (value !== '' && Number.isFinite(plain)) return { kind: 'number', number: plain, ...(unit ? { unit } : {}) };
  // The extractor (and its gazetteer) loads only for values written in words.
  const { analyse } = await import('./extract/index');
  const quantities = analyse(value, { lang: 'en' }).mentions.filter((m) => m.type === 'quantity');
  const whole =
    quantities.length === 1 && quantities[0].start === 0 && quantities[0].end === value.length
      ? quantities[0]
      : undefined;
  if (whole || kind === 'number') {
    if (!whole) throw new UsageError('--value must be a number');
    const unitOf = unit ?? whole.quantity?.unit;
    return { kind: 'number', number: Number(whole.value), ...(unitOf ? { unit: unitOf } : {}) };
  }
  return { kind: 'text', text: value };
}
