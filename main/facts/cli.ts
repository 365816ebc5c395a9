// `tala facts <sub-command>`: the facts ledger from the command line (main/cli/commands.ts registers it).
//   facts extract <docId> [--json] [--details]     mentions: {"mentions":[{type,text,value,start,end,confidence}]}
//   facts propose <docId> [--json]                 candidate facts for the document (stored as proposals)
//   facts add <docId> --subject NAME --predicate TEXT --value V [--unit U] [--date D] --start N --end M
//   facts list [--status S] [--predicate P] [--doc ID] [--json]
//   facts accept|reject <factId> [--json]
//   facts conflicts [--json]
//   facts export --format csv|json [--out FILE]
//   facts entities [--json]
import { writePrivateFile } from '../backups/private-files';
import type { ConflictGroup, EntityType, Fact, FactObjectInput, FactStatus, Mention, ValueQualifier } from '../../shared/facts';
import { ENTITY_TYPES, FACT_STATUSES, VALUE_QUALIFIERS } from '../../shared/facts';
import type { Archive } from '../archive/archive';
import { UsageError, type ParsedArgs } from '../cli/args';
import type { CliIO, CommandSpec } from '../cli/commands';
import { analyse } from './extract/index';
import { formatValue, isFactDate, withAgreement } from './values';

const json = (value: unknown) => JSON.stringify(value, null, 2);
type Sub = (archive: Archive, args: ParsedArgs, rest: string[], io: CliIO) => Promise<number>;

function one(rest: string[], what: string): string {
  if (rest.length !== 1) throw new UsageError(`facts ${what} needs exactly one id`);
  return rest[0];
}

function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function offsetFlag(args: ParsedArgs, name: string): number {
  const value = Number(args.flags.get(name));
  if (!args.flags.has(name) || !Number.isInteger(value) || value < 0) throw new UsageError(`--${name} must be a whole number of characters`);
  return value;
}

function mentionLine(m: Mention): string {
  const about = m.about ? `  ← ${m.about.name} (${m.about.predicate})` : '';
  return `${String(m.start).padStart(6)}–${String(m.end).padEnd(6)} ${m.type.padEnd(12)} ${JSON.stringify(m.text)} → ${m.value}  [${m.confidence}]${about}`;
}

function factLine(f: Fact): string {
  const where = f.evidence.map((e) => `${e.docTitle} ¶${e.paragraph ?? '?'}`).join('; ') || (f.candidate ? `${f.candidate.docTitle} (proposed)` : 'no evidence');
  return `${f.id}  [${f.status}${f.preferred ? ', preferred' : ''}] ${f.label}\n    ${where}`;
}

/** --value: an ISO date, a number (digits, or words the extractor reads: "47 libo", "20 thousand"), else text. */
export function parseValue(raw: string, unit: string | undefined, kind: string | undefined): FactObjectInput {
  const value = raw.trim();
  if (kind === 'text') return { kind: 'text', text: value };
  if (kind === 'entity') return { kind: 'entity', name: value };
  if (kind === 'date' || (kind === undefined && isFactDate(value))) {
    if (!isFactDate(value)) throw new UsageError('--value must be a date like 2012-07-19 or 1601/1700');
    return { kind: 'date', date: value };
  }
  const plain = Number(value.replace(/[,\s_]/g, ''));
  if (value !== '' && Number.isFinite(plain)) return { kind: 'number', number: plain, ...(unit ? { unit } : {}) };
  const quantities = analyse(value, { lang: 'en' }).mentions.filter((m) => m.type === 'quantity');
  const whole = quantities.length === 1 && quantities[0].start === 0 && quantities[0].end === value.length ? quantities[0] : undefined;
  if (whole || kind === 'number') {
    if (!whole) throw new UsageError('--value must be a number');
    return { kind: 'number', number: Number(whole.value), ...(unit ?? whole.quantity?.unit ? { unit: unit ?? whole.quantity!.unit! } : {}) };
  }
  return { kind: 'text', text: value };
}

const extract: Sub = async (archive, args, rest, io) => {
  const result = await archive.facts.extract(one(rest, 'extract'));
  if (args.flags.has('json')) {
    const mentions = args.flags.has('details') ? result.mentions : result.mentions.map(({ type, text, value, start, end, confidence }) => ({ type, text, value, start, end, confidence }));
    io.out(json({ mentions }));
  } else if (result.mentions.length === 0) io.out('No mentions found.');
  else for (const m of result.mentions) io.out(mentionLine(m));
  return 0;
};

const propose: Sub = async (archive, args, rest, io) => {
  const report = await archive.facts.propose(one(rest, 'propose'));
  if (args.flags.has('json')) io.out(json(report));
  else {
    io.out(`${report.created} new proposal${report.created === 1 ? '' : 's'}; ${report.proposals.length} waiting for a decision (accept or reject with: tala facts accept|reject <factId>)`);
    for (const f of report.proposals) io.out(`${f.id}  ${f.label}  [${f.confidence}]\n    “${f.candidate?.quote ?? ''}”`);
  }
  return 0;
};

const add: Sub = async (archive, args, rest, io) => {
  const docId = one(rest, 'add');
  const subject = flag(args, 'subject');
  const predicate = flag(args, 'predicate');
  const value = flag(args, 'value');
  if (!subject || !predicate || value === undefined) throw new UsageError('facts add needs --subject, --predicate and --value');
  const type = flag(args, 'type');
  if (type !== undefined && !(ENTITY_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type must be one of ${ENTITY_TYPES.join(', ')}`);
  const qualifier = flag(args, 'qualifier');
  if (qualifier !== undefined && !(VALUE_QUALIFIERS as readonly string[]).includes(qualifier)) throw new UsageError(`--qualifier must be one of ${VALUE_QUALIFIERS.join(', ')}`);
  const date = flag(args, 'date');
  if (date !== undefined && !isFactDate(date)) throw new UsageError('--date must be a date like 2012-07-19, 2012-07, 2012 or 1601/1700');
  const fact = await archive.facts.create({
    subject: { name: subject, type: (type as EntityType | undefined) ?? 'person' },
    predicate,
    object: parseValue(value, flag(args, 'unit'), flag(args, 'kind')),
    valueQualifier: qualifier as ValueQualifier | undefined,
    date,
    place: flag(args, 'place'),
    note: flag(args, 'note'),
    evidence: [{ docId, start: offsetFlag(args, 'start'), end: offsetFlag(args, 'end') }],
  });
  io.out(args.flags.has('json') ? json(fact) : `added ${fact.id}: ${fact.label}\n    evidence: “${fact.evidence[0]?.quote ?? ''}”`);
  return 0;
};

const list: Sub = async (archive, args, rest, io) => {
  if (rest.length > 0) throw new UsageError('facts list takes no positional arguments');
  const status = flag(args, 'status');
  if (status !== undefined && !(FACT_STATUSES as readonly string[]).includes(status)) throw new UsageError(`--status must be one of ${FACT_STATUSES.join(', ')}`);
  const facts = await archive.facts.list({ status: status as FactStatus | undefined, predicate: flag(args, 'predicate'), docId: flag(args, 'doc'), sort: 'subject' });
  if (args.flags.has('json')) io.out(json(facts));
  else if (facts.length === 0) io.out('No facts yet. Propose some with: tala facts propose <docId>');
  else for (const f of facts) io.out(factLine(f));
  return 0;
};

const decide =
  (decision: 'accept' | 'reject'): Sub =>
  async (archive, args, rest, io) => {
    const id = one(rest, decision);
    const fact = decision === 'accept' ? await archive.facts.accept(id) : await archive.facts.reject(id);
    io.out(args.flags.has('json') ? json(fact) : `${fact.status}: ${fact.label}`);
    return 0;
  };

function conflictLines(group: ConflictGroup): string[] {
  const consistent = group.agreement === 'approximate' ? '  — consistent (approximate)' : '';
  const head = `${group.subject.name} — ${group.predicate}${group.qualifiers.date ? ` (${group.qualifiers.date})` : ''}${consistent}`;
  const lines = [head];
  for (const f of group.facts) {
    lines.push(`  ${f.id === group.preferredFactId ? '★' : '•'} ${formatValue(f.object, f.valueQualifier)}  [${f.status}]${f.preferredReason ? ` — preferred: ${f.preferredReason}` : ''}`);
    for (const e of f.evidence) lines.push(`      ${e.docTitle} ¶${e.paragraph ?? '?'} (${e.lang}): “${e.quote}”`);
  }
  return lines;
}

const conflicts: Sub = async (archive, args, rest, io) => {
  if (rest.length > 0) throw new UsageError('facts conflicts takes no positional arguments');
  const groups = withAgreement(await archive.facts.conflicts());
  if (args.flags.has('json')) io.out(json(groups));
  else if (groups.length === 0) io.out('No conflicting facts.');
  else for (const g of groups) io.out(conflictLines(g).join('\n'));
  return 0;
};

const exportFacts: Sub = async (archive, args, rest, io) => {
  if (rest.length > 0) throw new UsageError('facts export takes no positional arguments');
  const format = flag(args, 'format');
  if (format !== 'csv' && format !== 'json') throw new UsageError('--format must be csv or json');
  const file = await archive.facts.export(format);
  const out = flag(args, 'out');
  if (out) {
    writePrivateFile(out, file.content);
    io.err(`wrote ${out}`);
  } else io.out(file.content);
  return 0;
};

const entities: Sub = async (archive, args, rest, io) => {
  if (rest.length > 0) throw new UsageError('facts entities takes no positional arguments');
  const list = await archive.facts.listEntities();
  if (args.flags.has('json')) io.out(json(list));
  else for (const e of list) io.out(`${e.id}  [${e.type}] ${e.name} (${e.facts} facts)${e.aliases.length > 1 ? `  aka ${e.aliases.map((a) => a.alias).filter((a) => a !== e.name).join(', ')}` : ''}`);
  return 0;
};

const SUBCOMMANDS: Record<string, Sub> = { extract, propose, add, list, accept: decide('accept'), reject: decide('reject'), conflicts, export: exportFacts, entities };

export const FACTS_COMMAND: CommandSpec = {
  run: async (archive, args, io) => {
    const [sub, ...rest] = args.positionals;
    const run = sub ? SUBCOMMANDS[sub] : undefined;
    if (!run) throw new UsageError(`facts needs a sub-command: ${Object.keys(SUBCOMMANDS).join(', ')}`);
    return run(archive, args, rest, io);
  },
  usage: [
    'facts extract <docId> [--json] [--details]',
    '                   facts propose <docId> [--json]',
    '                   facts add <docId> --subject NAME --predicate TEXT --value V [--unit U] [--date D] [--place P] [--type T] [--qualifier Q] [--kind K] [--note N] --start N --end M [--json]',
    '                   facts list [--status S] [--predicate P] [--doc ID] [--json]',
    '                   facts accept|reject <factId> [--json]',
    '                   facts conflicts [--json]',
    '                   facts export --format csv|json [--out FILE]',
    '                   facts entities [--json]',
  ].join('\n'),
  flags: ['json', 'details', 'subject', 'predicate', 'value', 'unit', 'date', 'place', 'type', 'qualifier', 'kind', 'note', 'start', 'end', 'status', 'doc', 'format', 'out'],
  values: ['subject', 'predicate', 'value', 'unit', 'date', 'place', 'type', 'qualifier', 'kind', 'note', 'start', 'end', 'status', 'doc', 'format', 'out'],
};
