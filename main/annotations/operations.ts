// Annotations: create, edit, re-attach, review, export and W3C import.
import { EXPORT_FORMATS, type Requests } from '../../shared/contract';
import { PAIRS_EXPORT_FORMATS } from '../../shared/align-contract';
import { operation, UsageError, type CliInput, type OperationTable } from '../api/operation';
import { choice, intOption, json, option, options, writeOrPrint, jsonOr } from '../cli/format';

type Channels =
  | 'annotations.list'
  | 'annotations.needsReview'
  | 'annotations.create'
  | 'annotations.update'
  | 'annotations.delete'
  | 'annotations.restore'
  | 'annotations.reattach'
  | 'annotations.export'
  | 'annotations.importW3c';

const OFFSET = { min: 0, max: 2 ** 31 - 1 };

function exportRequest(input: CliInput): Requests['annotations.export'] {
  const format = choice(input, 'format', EXPORT_FORMATS);
  if (format === undefined) throw new UsageError('--format is required: md, csv, w3c, tmx or pairs-csv');
  return { docId: input.positionals[0], format };
}

export const annotationOperations: OperationTable<Channels> = {
  'annotations.list': operation('annotations.list', {
    handle: async ({ docId }, { archive }) => {
      await archive.documents.get(docId); // NOT_FOUND for a document that does not exist, not an empty list
      return archive.annotations.list(docId);
    },
    bridge: true,
    cli: {
      name: 'annotations',
      args: '<docId>',
      summary: "a document's annotations",
      positionals: { min: 1, max: 1 },
      request: ({ positionals: [docId] }) => ({ docId }),
      print: (list, input, io) => {
        if (input.json) {
          const brief = list.map(({ id, exact, prefix, suffix, start, end, note, tags, status }) => {
            return { id, exact, prefix, suffix, start, end, note, tags, status };
          });
          return io.out(json(brief));
        }
        if (list.length === 0) return io.out('No annotations in this document.');
        for (const a of list) {
          const note = a.note ? `\n    ${a.note}` : '';
          const tags = a.tags.length ? `\n    tags: ${a.tags.join(', ')}` : '';
          io.out(`${a.id}  ${a.start}–${a.end} [${a.status}] “${a.exact}”${note}${tags}`);
        }
      },
    },
  }),
  'annotations.needsReview': operation('annotations.needsReview', {
    handle: (_, { archive }) => archive.annotations.needsReview(),
    bridge: true,
  }),
  'annotations.create': operation('annotations.create', {
    handle: (request, { archive }) => archive.annotations.create(request),
    bridge: true,
    cli: {
      name: 'annotate',
      args: '<docId> --start N --end M [--note TEXT] [--tag T]...',
      summary: 'annotate a range of a document (character offsets into its text)',
      options: {
        start: { type: 'string' },
        end: { type: 'string' },
        note: { type: 'string' },
        tag: { type: 'string', multiple: true },
      },
      positionals: { min: 1, max: 1 },
      request: (input) => ({
        docId: input.positionals[0],
        start: intOption(input, 'start', OFFSET),
        end: intOption(input, 'end', OFFSET),
        note: option(input, 'note'),
        tags: options(input, 'tag'),
      }),
      print: jsonOr((created) => `annotated ${created.id}: “${created.exact}”`),
    },
  }),
  'annotations.update': operation('annotations.update', {
    handle: ({ id, ...changes }, { archive }) => archive.annotations.update(id, changes),
    bridge: true,
  }),
  'annotations.delete': operation('annotations.delete', {
    handle: ({ id }, { archive }) => archive.annotations.delete(id),
    bridge: true,
  }),
  'annotations.restore': operation('annotations.restore', {
    handle: ({ annotation }, { archive }) => archive.annotations.restore(annotation),
    bridge: true,
  }),
  'annotations.reattach': operation('annotations.reattach', {
    handle: ({ id, start, end }, { archive }) => archive.annotations.reattach(id, start, end),
    bridge: true,
  }),
  'annotations.export': operation('annotations.export', {
    handle: ({ docId, format }, { archive }) => archive.annotations.export(docId, format),
    bridge: true,
    cli: {
      name: 'export',
      args:
        '<docId|all> --format md|csv|w3c [--out FILE]\n' +
        '  | export <docId> --format tmx|pairs-csv --translation DOCID [--level sentence|paragraph] [--out FILE]',
      summary: 'annotations as Markdown, CSV or W3C JSON-LD; aligned pairs of a translation as TMX or CSV',
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        translation: { type: 'string' },
        level: { type: 'string' },
      },
      positionals: { min: 1, max: 1 },
      request: exportRequest,
      print: (file, input, io) => writeOrPrint(file.content, option(input, 'out'), io),
      // --format tmx|pairs-csv exports a document and its translation (align.export), the others annotations.
      run: async (input, call, io) => {
        const format = choice(input, 'format', [...EXPORT_FORMATS, ...PAIRS_EXPORT_FORMATS]);
        const pairs = format === 'tmx' || format === 'pairs-csv' ? format : undefined;
        let file;
        if (pairs) {
          const other = option(input, 'translation');
          if (other === undefined)
            throw new UsageError(`--format ${pairs} needs --translation <docId> (the other document)`);
          const level = choice(input, 'level', ['sentence', 'paragraph'] as const) ?? 'sentence';
          file = await call('align.export', { docId: input.positionals[0], otherDocId: other, format: pairs, level });
        } else {
          if (option(input, 'translation') ?? option(input, 'level')) {
            throw new UsageError('--translation and --level go with --format tmx or pairs-csv');
          }
          file = await call('annotations.export', exportRequest(input));
        }
        writeOrPrint(file.content, option(input, 'out'), io);
        return 0;
      },
    },
  }),
  'annotations.importW3c': operation('annotations.importW3c', {
    handle: ({ content }, { archive }) => archive.annotations.importW3c(content),
    bridge: true,
  }),
};
