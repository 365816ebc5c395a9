// The facts ledger: mentions, proposals, facts with evidence, entities, conflicts, timelines, exports.
import { ENTITY_TYPES, FACT_EXPORT_FORMATS, FACT_STATUSES, VALUE_QUALIFIERS } from '../../shared/facts';
import type { FactRequests } from '../../shared/facts-contract';
import { operation, UsageError, type CliInput, type OperationTable } from '../api/operation';
import { choice, flag, intOption, json, option, writeOrPrint } from '../cli/format';
import { conflictLines, factLine, mentionLine, parseValue } from './cli';
import { isFactDate, withAgreement } from './values';

const OFFSET = { min: 0, max: 2 ** 31 - 1 };
const oneId = { positionals: { min: 1, max: 1 } };
const noArgs = { positionals: { min: 0, max: 0 } };

function dateOption(input: CliInput, name: string): string | undefined {
  const date = option(input, name);
  if (date !== undefined && !isFactDate(date)) {
    throw new UsageError(`--${name} must be a date like 2012-07-19, 2012-07, 2012 or 1601/1700`);
  }
  return date;
}

async function newFact(input: CliInput): Promise<FactRequests['facts.create']> {
  const subject = option(input, 'subject');
  const predicate = option(input, 'predicate');
  const value = option(input, 'value');
  if (!subject || !predicate || value === undefined)
    throw new UsageError('facts add needs --subject, --predicate and --value');
  return {
    subject: { name: subject, type: choice(input, 'type', ENTITY_TYPES) ?? 'person' },
    predicate,
    object: await parseValue(value, option(input, 'unit'), option(input, 'kind')),
    valueQualifier: choice(input, 'qualifier', VALUE_QUALIFIERS),
    date: dateOption(input, 'date'),
    place: option(input, 'place'),
    note: option(input, 'note'),
    evidence: [
      { docId: input.positionals[0], start: intOption(input, 'start', OFFSET), end: intOption(input, 'end', OFFSET) },
    ],
  };
}

const decided = {
  print: (fact: { status: string; label: string }, input: CliInput, io: { out(text: string): void }) => {
    io.out(input.json ? json(fact) : `${fact.status}: ${fact.label}`);
  },
};

type Channels = keyof FactRequests;

export const factOperations: OperationTable<Channels> = {
  'mentions.extract': operation('mentions.extract', {
    handle: ({ docId }, { archive }) => archive.facts.extract(docId),
    bridge: true,
    cli: {
      name: 'facts extract',
      args: '<docId> [--details]',
      summary: 'persons, organisations, places, dates and quantities in a document',
      options: { details: { type: 'boolean' } },
      ...oneId,
      request: ({ positionals: [docId] }) => ({ docId }),
      print: ({ mentions }, input, io) => {
        if (input.json) {
          const brief = mentions.map(({ type, text, value, start, end, confidence }) => ({
            type,
            text,
            value,
            start,
            end,
            confidence,
          }));
          return io.out(json({ mentions: flag(input, 'details') ? mentions : brief }));
        }
        if (mentions.length === 0) return io.out('No mentions found.');
        for (const m of mentions) io.out(mentionLine(m));
      },
    },
  }),
  'facts.propose': operation('facts.propose', {
    handle: ({ docId }, { archive }) => archive.facts.propose(docId),
    bridge: true,
    cli: {
      name: 'facts propose',
      args: '<docId>',
      summary: 'store candidate facts for a document as proposals (a person accepts or rejects them)',
      ...oneId,
      request: ({ positionals: [docId] }) => ({ docId }),
      print: (report, input, io) => {
        if (input.json) return io.out(json(report));
        const s = report.created === 1 ? '' : 's';
        io.out(
          `${report.created} new proposal${s}; ${report.proposals.length} waiting for a decision ` +
            '(accept or reject with: tala facts accept|reject <factId>)',
        );
        for (const f of report.proposals)
          io.out(`${f.id}  ${f.label}  [${f.confidence}]\n    “${f.candidate?.quote ?? ''}”`);
      },
    },
  }),
  'facts.list': operation('facts.list', {
    handle: ({ order, ...filter }, { archive }) => archive.facts.list({ ...filter, descending: order === 'desc' }),
    bridge: true,
    cli: {
      name: 'facts list',
      args: '[--status S] [--predicate P] [--doc ID]',
      summary: 'facts, by subject',
      options: { status: { type: 'string' }, predicate: { type: 'string' }, doc: { type: 'string' } },
      ...noArgs,
      request: (input) => ({
        status: choice(input, 'status', FACT_STATUSES),
        predicate: option(input, 'predicate'),
        docId: option(input, 'doc'),
        sort: 'subject',
      }),
      print: (facts, input, io) => {
        if (input.json) return io.out(json(facts));
        if (facts.length === 0) return io.out('No facts yet. Propose some with: tala facts propose <docId>');
        for (const f of facts) io.out(factLine(f));
      },
    },
  }),
  'facts.get': operation('facts.get', { bridge: true, handle: ({ id }, { archive }) => archive.facts.get(id) }),
  'facts.create': operation('facts.create', {
    handle: (input, { archive }) => archive.facts.create(input),
    bridge: true,
    cli: {
      name: 'facts add',
      args:
        '<docId> --subject NAME --predicate TEXT --value V [--unit U] [--date D] [--place P] [--type T]\n' +
        '      [--qualifier Q] [--kind K] [--note N] --start N --end M',
      summary: 'record a fact with the passage [start, end) of a document as its evidence',
      options: Object.fromEntries(
        [
          'subject',
          'predicate',
          'value',
          'unit',
          'date',
          'place',
          'type',
          'qualifier',
          'kind',
          'note',
          'start',
          'end',
        ].map((name) => [name, { type: 'string' as const }]),
      ),
      ...oneId,
      request: newFact,
      print: (fact, input, io) =>
        io.out(
          input.json ? json(fact) : `added ${fact.id}: ${fact.label}\n    evidence: “${fact.evidence[0]?.quote ?? ''}”`,
        ),
    },
  }),
  'facts.update': operation('facts.update', {
    bridge: true,
    handle: ({ id, ...changes }, { archive }) => archive.facts.update(id, changes),
  }),
  'facts.accept': operation('facts.accept', {
    handle: ({ id, changes }, { archive }) => archive.facts.accept(id, changes),
    bridge: true,
    cli: {
      name: 'facts accept',
      args: '<factId>',
      summary: 'confirm a proposal; its passage becomes an evidence annotation',
      ...oneId,
      request: ({ positionals: [id] }) => ({ id }),
      ...decided,
    },
  }),
  'facts.reject': operation('facts.reject', {
    handle: ({ id }, { archive }) => archive.facts.reject(id),
    bridge: true,
    cli: {
      name: 'facts reject',
      args: '<factId>',
      summary: 'reject a proposal',
      ...oneId,
      request: ({ positionals: [id] }) => ({ id }),
      ...decided,
    },
  }),
  'facts.delete': operation('facts.delete', {
    bridge: true,
    handle: ({ id }, { archive }) => archive.facts.delete(id),
  }),
  'facts.addEvidence': operation('facts.addEvidence', {
    bridge: true,
    handle: ({ id, ...range }, { archive }) => archive.facts.addEvidence(id, range),
  }),
  'facts.removeEvidence': operation('facts.removeEvidence', {
    bridge: true,
    handle: ({ id, annotationId }, { archive }) => archive.facts.removeEvidence(id, annotationId),
  }),
  'facts.setPreferred': operation('facts.setPreferred', {
    bridge: true,
    handle: ({ id, reason }, { archive }) => archive.facts.setPreferred(id, true, reason ?? ''),
  }),
  'facts.clearPreferred': operation('facts.clearPreferred', {
    bridge: true,
    handle: ({ id }, { archive }) => archive.facts.setPreferred(id, false, ''),
  }),
  'facts.conflicts': operation('facts.conflicts', {
    handle: async ({ scope }, { archive }) =>
      withAgreement(await archive.facts.conflicts({ includeProposed: scope === 'all' })),
    bridge: true,
    cli: {
      name: 'facts conflicts',
      args: '',
      summary: 'confirmed facts that disagree (same subject, predicate and qualifiers)',
      ...noArgs,
      request: () => ({}),
      print: (groups, input, io) => {
        if (input.json) return io.out(json(groups));
        if (groups.length === 0) return io.out('No conflicting facts.');
        for (const g of groups) io.out(conflictLines(g).join('\n'));
      },
    },
  }),
  'facts.timeline': operation('facts.timeline', {
    bridge: true,
    handle: ({ entityId, scope }, { archive }) =>
      archive.facts.timeline({ entityId, includeProposed: scope === 'all' }),
  }),
  'facts.predicates': operation('facts.predicates', {
    bridge: true,
    handle: ({ prefix }, { archive }) => archive.facts.predicates(prefix),
  }),
  'facts.export': operation('facts.export', {
    handle: ({ format, ...filter }, { archive }) => archive.facts.export(format, filter),
    bridge: true,
    cli: {
      name: 'facts export',
      args: '--format csv|json [--out FILE]',
      summary: 'every fact with its evidence, as CSV or JSON',
      options: { format: { type: 'string' }, out: { type: 'string' } },
      ...noArgs,
      request: (input) => {
        const format = choice(input, 'format', FACT_EXPORT_FORMATS);
        if (format === undefined) throw new UsageError('--format must be csv or json');
        return { format };
      },
      print: (file, input, io) => writeOrPrint(file.content, option(input, 'out'), io),
    },
  }),
  'entities.list': operation('entities.list', {
    handle: (options, { archive }) => archive.facts.listEntities(options),
    bridge: true,
    cli: {
      name: 'facts entities',
      args: '',
      summary: 'persons, organisations and places of the ledger, with their aliases',
      ...noArgs,
      request: () => ({}),
      print: (list, input, io) => {
        if (input.json) return io.out(json(list));
        for (const e of list) {
          const aliases = e.aliases.map((a) => a.alias).filter((a) => a !== e.name);
          const aka = e.aliases.length > 1 ? `  aka ${aliases.join(', ')}` : '';
          io.out(`${e.id}  [${e.type}] ${e.name} (${e.facts} facts)${aka}`);
        }
      },
    },
  }),
  'entities.get': operation('entities.get', {
    bridge: true,
    handle: ({ id }, { archive }) => archive.facts.getEntity(id),
  }),
  'entities.update': operation('entities.update', {
    bridge: true,
    handle: ({ id, ...changes }, { archive }) => archive.facts.updateEntity(id, changes),
  }),
  'entities.merge': operation('entities.merge', {
    bridge: true,
    handle: ({ targetId, sourceIds }, { archive }) => archive.facts.mergeEntities(targetId, sourceIds),
  }),
  'entities.split': operation('entities.split', {
    bridge: true,
    handle: ({ id, aliases, name }, { archive }) => archive.facts.splitEntity(id, aliases, name),
  }),
  'entities.addAlias': operation('entities.addAlias', {
    bridge: true,
    handle: ({ id, alias }, { archive }) => archive.facts.addAlias(id, alias),
  }),
  'entities.mergeSuggestions': operation('entities.mergeSuggestions', {
    bridge: true,
    handle: (_, { archive }) => archive.facts.mergeSuggestions(),
  }),
};
