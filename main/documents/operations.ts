// Documents: import (bytes, or local paths as a background job), list, read, edit, versions, originals.
import { type Requests } from '../../shared/contract';
import { NEAR_DUPLICATE_CHOICES } from '../../shared/library';
import type { Result } from '../../shared/errors';
import type { DocumentSummary, ImportJobStatus, ImportOutcome } from '../../shared/types';
import { plainFileName } from '../../shared/untrusted-text';
import { JSON_ONLY, NO_ARGUMENTS, operation, type Call, type CliInput, type OperationTable } from '../api/operation';
import { choice, json, option, writeNewFile, jsonOr } from '../cli/format';
import { publicError } from '../diagnostics';

type Channels =
  | 'app.info'
  | 'documents.list'
  | 'documents.get'
  | 'documents.import'
  | 'documents.importBatch'
  | 'documents.delete'
  | 'documents.updateMeta'
  | 'documents.editPassage'
  | 'documents.deletePassage'
  | 'documents.versions'
  | 'documents.original'
  | 'documents.importPaths'
  | 'jobs.status'
  | 'jobs.wait'
  | 'jobs.cancel';

const brief = (d: Pick<DocumentSummary, 'id' | 'title' | 'lang' | 'passages'>) => ({
  id: d.id,
  title: d.title,
  lang: d.lang,
  passages: d.passages,
});

function importRequest(input: CliInput): Requests['documents.importPaths'] {
  const nearDuplicates = choice(input, 'near-duplicates', NEAR_DUPLICATE_CHOICES);
  return { paths: input.positionals, lang: option(input, 'lang'), ...(nearDuplicates ? { nearDuplicates } : {}) };
}

/**
 * How long one `jobs.wait` of `tala import` waits before asking again (it answers as soon as the job is done; a
 * poll every 50 ms answered up to 50 ms after it).
 */
const WAIT_MS = 1000;

export const documentOperations: OperationTable<Channels> = {
  'app.info': operation('app.info', {
    handle: (_, { archive }) => archive.info(),
    bridge: true,
    cli: {
      name: 'info',
      summary: 'version of Tala, archive file and schema version',
      ...NO_ARGUMENTS,
      print: jsonOr(
        (info) =>
          `Tala ${info.version}\narchive: ${info.archivePath}\nschema version: ${info.schemaVersion}` +
          (info.readOnly ? `\nread-only: ${info.readOnly}` : ''),
      ),
    },
  }),
  'documents.list': operation('documents.list', {
    handle: (_, { archive }) => archive.documents.list(),
    bridge: true,
    cli: {
      name: 'list',
      summary: 'the documents in the archive',
      ...NO_ARGUMENTS,
      print: (docs, input, io) => {
        if (input.json) io.out(json(docs.map(brief)));
        else if (docs.length === 0) io.out('The archive is empty. Add documents with: tala import <file>...');
        else for (const d of docs) io.out(`${d.id}  [${d.lang}] ${d.title} (${d.passages} passages)`);
      },
    },
  }),
  'documents.get': operation('documents.get', {
    handle: ({ id }, { archive }) => archive.documents.get(id),
    bridge: true,
    cli: {
      name: 'show',
      args: '<docId>',
      summary: "a document's metadata and text",
      positionals: { min: 1, max: 1 },
      request: ({ positionals: [id] }) => ({ id }),
      print: (doc, input, io) => {
        if (input.json) {
          const { passages, ...meta } = doc;
          const texts = passages.map(({ id, ordinal, kind, text, start, end }) => ({
            id,
            ordinal,
            kind,
            text,
            start,
            end,
          }));
          return io.out(json({ ...meta, passages: texts }));
        }
        io.out(`${doc.title}\n[${doc.lang}] ${doc.id}${doc.source ? `\n${doc.source}` : ''}\n`);
        for (const p of doc.passages) io.out(p.kind === 'heading' ? `## ${p.text}\n` : `${p.text}\n`);
      },
    },
  }),
  'documents.import': operation('documents.import', {
    handle: ({ name, data, lang, nearDuplicates }, { archive }) =>
      archive.documents.importFile({ name, bytes: data, lang }, { nearDuplicates }),
    bridge: true,
    cli: JSON_ONLY, // `tala import` reads the files itself (documents.importPaths)
  }),
  'documents.importBatch': operation('documents.importBatch', {
    // Every file is imported on its own, all at once, so files ready together share group commits; one that fails
    // (a refusal, a parse error, a fault) fails alone. The answer comes once every file is settled: each file
    // reported imported is committed (durable), and the outcomes are in the order the files were sent.
    handle: ({ files, lang, nearDuplicates }, { archive, door }) =>
      Promise.all(
        files.map(({ name, data }) =>
          archive.documents.importFile({ name, bytes: data, lang }, { nearDuplicates }).then(
            (value): Result<ImportOutcome> => ({ ok: true, value }),
            (err: unknown): Result<ImportOutcome> => ({
              ok: false,
              error: publicError(err, `${door.name} documents.importBatch`),
            }),
          ),
        ),
      ),
    bridge: true,
    cli: JSON_ONLY,
  }),
  'documents.delete': operation('documents.delete', {
    handle: async ({ id }, { archive }) => {
      await archive.documents.delete(id);
      return { deleted: true };
    },
    bridge: true,
  }),
  'documents.updateMeta': operation('documents.updateMeta', {
    handle: ({ id, ...changes }, { archive }) => archive.documents.updateMeta(id, changes),
    bridge: true,
  }),
  'documents.editPassage': operation('documents.editPassage', {
    handle: ({ docId, passageId, text }, { archive }) => archive.documents.editPassage(docId, passageId, text),
    bridge: true,
  }),
  'documents.deletePassage': operation('documents.deletePassage', {
    handle: ({ docId, passageId }, { archive }) => archive.documents.deletePassage(docId, passageId),
    bridge: true,
  }),
  'documents.versions': operation('documents.versions', {
    handle: ({ id }, { archive }) => archive.documents.versions(id),
    bridge: true,
  }),
  'documents.original': operation('documents.original', {
    handle: ({ id }, { archive }) => archive.documents.original(id),
    bridge: true,
    cli: {
      name: 'original',
      args: '<docId> [--out FILE]',
      summary: 'write the file a document was imported from (never over an existing file)',
      options: { out: { type: 'string' } },
      positionals: { min: 1, max: 1 },
      request: ({ positionals: [id] }) => ({ id }),
      print: (original, input, io) => {
        // The default is the original's own name as a plain name in the current folder: never a path.
        const target = option(input, 'out') ?? plainFileName(original.fileName);
        writeNewFile(target, original.data);
        const { fileName, mediaType } = original;
        const bytes = original.data.byteLength;
        io.out(
          input.json
            ? json({ file: target, fileName, mediaType, bytes })
            : `wrote ${target} (${mediaType}, ${bytes} bytes)`,
        );
      },
    },
  }),
  'documents.importPaths': operation('documents.importPaths', {
    handle: async ({ paths, lang, nearDuplicates }, { jobs }) => jobs.start(paths, lang, nearDuplicates),
    paths: ({ paths }) => paths,
    cli: {
      name: 'import',
      args: '<file|folder>... [--lang CODE] [--translation-of DOCID] [--near-duplicates keep|skip|version]',
      summary: 'import files and folders (one transaction per file; Ctrl+C stops after the current file)',
      options: {
        lang: { type: 'string' },
        'translation-of': { type: 'string' },
        'near-duplicates': { type: 'string' },
      },
      positionals: { min: 1, max: Infinity },
      request: importRequest,
      print: () => undefined, // run() follows the job and prints the report
      run: async (input, call, io) => {
        const translationOf = option(input, 'translation-of');
        // NOT_FOUND before importing anything
        if (translationOf !== undefined) await call('documents.get', { id: translationOf });
        const status = input.json ? undefined : io.status; // the status line itself comes from the session
        let job = await call('documents.importPaths', importRequest(input));
        // Ctrl+C on a terminal stops after the current file and keeps what is done; a second one quits.
        const interrupt = () => {
          status?.('');
          io.err('Stopping after the current file… (Ctrl+C again to quit at once)');
          void call('jobs.cancel', { id: job.id });
        };
        if (status) process.once('SIGINT', interrupt);
        try {
          while (job.state === 'running') {
            job = await call('jobs.wait', { id: job.id, ms: WAIT_MS });
          }
        } finally {
          process.off('SIGINT', interrupt);
          status?.('');
        }
        return printImport(job, translationOf, input.json, call, io);
      },
    },
  }),
  'jobs.status': operation('jobs.status', {
    handle: async ({ id }, { jobs }) => jobs.status(id),
    bridge: true,
  }),
  'jobs.wait': operation('jobs.wait', {
    handle: async ({ id, ms }, { jobs }) => jobs.wait(id, ms),
    bridge: true,
  }),
  'jobs.cancel': operation('jobs.cancel', {
    handle: async ({ id }, { jobs }) => jobs.cancel(id),
    bridge: true,
  }),
};

/** The shape scripts rely on: paths as given, imported documents in brief; links made by --translation-of. */
async function printImport(
  job: ImportJobStatus,
  translationOf: string | undefined,
  asJson: boolean,
  call: Call,
  io: { out(text: string): void },
): Promise<number> {
  const { summary } = job;
  const result = {
    imported: summary.imported.map((i) => ({
      ...brief(i.document),
      ...(i.nearDuplicates
        ? { nearDuplicates: i.nearDuplicates, ...(i.variantOf ? { variantOf: i.variantOf } : {}) }
        : {}),
    })),
    skipped: summary.skipped.map((s) => ({ path: s.file, reason: s.message })),
    failed: summary.failed.map((f) => ({ path: f.file, error: f.error })),
  };
  const broughtIn = [
    ...summary.imported.map((i) => i.document.id),
    ...summary.skipped.flatMap((s) => ('existingId' in s && s.existingId ? [s.existingId] : [])),
  ];
  const linked = [];
  if (translationOf !== undefined) {
    for (const id of broughtIn) {
      if (id !== translationOf)
        linked.push(await call('translations.link', { sourceId: translationOf, translationId: id }));
    }
  }
  if (asJson) {
    const links = linked.map((l) => ({ id: l.id, source: l.source.id, translation: l.translation.id }));
    io.out(
      json({
        ...result,
        ...(summary.cancelled ? { cancelled: true } : {}),
        ...(translationOf ? { linked: links } : {}),
      }),
    );
  } else {
    for (const l of linked) io.out(`linked    ${l.translation.id} as a translation of ${l.source.id}`);
    for (const d of result.imported) {
      io.out(`imported  ${d.id}  [${d.lang}] ${d.title} (${d.passages} passages)`);
      const kept = d.variantOf
        ? 'kept as another version of it'
        : 'kept both (--near-duplicates skip|version to choose)';
      for (const n of d.nearDuplicates ?? []) {
        const alike = `${n.mediaType}, ${Math.round(n.similarity * 100)}% alike`;
        io.out(`          nearly the same text as ${n.id} “${n.title.replace(/\s+/g, ' ')}” (${alike}): ${kept}`);
      }
    }
    for (const s of result.skipped) io.out(`skipped   ${s.reason}`);
    for (const f of result.failed) io.out(`failed    ${f.error}`);
    const cancelled = summary.cancelled ? ' (cancelled: the remaining files were not imported)' : '';
    const { imported, skipped, failed } = result;
    io.out(`${imported.length} imported, ${skipped.length} skipped, ${failed.length} failed${cancelled}`);
  }
  return result.failed.length > 0 ? 1 : 0;
}
