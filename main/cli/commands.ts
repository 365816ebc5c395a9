// The CLI's commands. Each returns an exit code and writes through `io`, so tests can run them in-process.
import { basename } from 'node:path';
import type { DocumentSummary } from '../../shared/types';
import { neutraliseControls, plainFileName } from '../../shared/untrusted-text';
import type { Archive } from '../archive/archive';
import { FACTS_COMMAND } from '../facts/cli';
import { alignCommand, exportPairsCommand, linkImported } from '../translations/cli';
import { importPaths } from '../documents/bulk-import';
import { writePrivateFile } from '../backups/private-files';
import type { ImportProgress, ImportSummary } from '../../shared/types';
import { NEAR_DUPLICATE_CHOICES, type NearDuplicate, type NearDuplicateChoice } from '../../shared/library';
import { COLLECTIONS_COMMAND } from '../library/cli';
import { UsageError, type ParsedArgs } from './args';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** A terminal's status line (stderr on a TTY): each call replaces the previous text; '' clears it. */
  status?(text: string): void;
}

type Command = (archive: Archive, args: ParsedArgs, io: CliIO) => Promise<number>;

const json = (value: unknown) => JSON.stringify(value, null, 2);

function summaryLine(d: Pick<DocumentSummary, 'id' | 'title' | 'lang' | 'passages'>): { id: string; title: string; lang: string; passages: number } {
  return { id: d.id, title: d.title, lang: d.lang, passages: d.passages };
}

const importCommand: Command = async (archive, args, io) => {
  if (args.positionals.length === 0) throw new UsageError('import needs at least one file or folder');
  const lang = args.flags.get('lang');
  const asJson = args.flags.has('json');
  const translationOf = args.flags.get('translation-of');
  const nearDuplicates = nearDuplicateFlag(args);
  if (typeof translationOf === 'string') await archive.documents.get(translationOf); // NOT_FOUND before importing anything
  const status = !asJson ? io.status : undefined;
  // Ctrl+C on a terminal stops after the current file and keeps what is done; a second one quits.
  const controller = new AbortController();
  const interrupt = () => {
    controller.abort();
    status?.('');
    io.err('Stopping after the current file… (Ctrl+C again to quit at once)');
  };
  if (status) process.once('SIGINT', interrupt);
  let summary;
  try {
    summary = await importPaths(archive.documents, args.positionals, {
      lang: typeof lang === 'string' ? lang : undefined,
      nearDuplicates,
      signal: controller.signal,
      onProgress: status ? (p) => status(progressLine(p)) : undefined,
    });
  } finally {
    process.off('SIGINT', interrupt);
    status?.('');
  }
  // The shape scripts rely on: paths as given, imported documents in brief.
  const result = {
    imported: summary.imported.map((i) => ({ ...summaryLine(i.document), ...nearDuplicateReport(i) })),
    skipped: summary.skipped.map((s) => ({ path: s.file, reason: s.message })),
    failed: summary.failed.map((f) => ({ path: f.file, error: f.error })),
  };
  // --translation-of: each file brought in (or already present) becomes a translation of that document.
  const linked =
    typeof translationOf === 'string'
      ? await linkImported(archive, [...summary.imported.map((i) => i.document.id), ...summary.skipped.flatMap((s) => ('existingId' in s && s.existingId ? [s.existingId] : []))], translationOf)
      : [];
  if (asJson) io.out(json({ ...result, ...(summary.cancelled ? { cancelled: true } : {}), ...(typeof translationOf === 'string' ? { linked: linked.map((l) => ({ id: l.id, source: l.source.id, translation: l.translation.id })) } : {}) }));
  else {
    for (const l of linked) io.out(`linked    ${l.translation.id} as a translation of ${l.source.id}`);
    for (const d of result.imported) {
      io.out(`imported  ${d.id}  [${d.lang}] ${d.title} (${d.passages} passages)`);
      for (const n of d.nearDuplicates ?? []) {
        const kept = d.variantOf ? 'kept as another version of it' : 'kept both (--near-duplicates skip|version to choose)';
        io.out(`          nearly the same text as ${n.id} “${oneLine(n.title)}” (${n.mediaType}, ${Math.round(n.similarity * 100)}% alike): ${kept}`);
      }
    }
    for (const s of result.skipped) io.out(`skipped   ${s.reason}`);
    for (const f of result.failed) io.out(`failed    ${f.error}`);
    io.out(`${result.imported.length} imported, ${result.skipped.length} skipped, ${result.failed.length} failed${summary.cancelled ? ' (cancelled: the remaining files were not imported)' : ''}`);
  }
  return result.failed.length > 0 ? 1 : 0;
};

function nearDuplicateFlag(args: ParsedArgs): NearDuplicateChoice | undefined {
  const value = args.flags.get('near-duplicates');
  if (value === undefined) return undefined;
  if (!NEAR_DUPLICATE_CHOICES.includes(value as NearDuplicateChoice)) throw new UsageError('--near-duplicates must be keep, skip or version');
  return value as NearDuplicateChoice;
}

/** The near-duplicates an import found, as scripts read them (absent when there were none). */
function nearDuplicateReport(i: ImportSummary['imported'][number]): { nearDuplicates?: NearDuplicate[]; variantOf?: string } {
  if (!i.nearDuplicates) return {};
  return { nearDuplicates: i.nearDuplicates, ...(i.variantOf ? { variantOf: i.variantOf } : {}) };
}

/** "[12/40] 30% report.pdf — about 20 s left" */
export function progressLine(p: ImportProgress): string {
  const share = p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : p.total > 0 ? p.done / p.total : 1;
  const step = Math.min(p.done + (p.current ? 1 : 0), p.total);
  const name = p.current ? oneLine(basename(p.current)) : 'done';
  const left = p.secondsLeft === null ? '' : p.secondsLeft < 60 ? ` — about ${Math.max(1, p.secondsLeft)} s left` : ` — about ${Math.round(p.secondsLeft / 60)} min left`;
  return `[${step}/${p.total}] ${Math.floor(share * 100)}% ${name}${p.current ? left : ''}`;
}

/** A file name fit for one terminal line: control characters escaped, at most 60 characters. */
function oneLine(name: string): string {
  const clean = neutraliseControls(name).replace(/\s+/g, ' ');
  return clean.length > 60 ? `${clean.slice(0, 28)}…${clean.slice(-28)}` : clean;
}

const listCommand: Command = async (archive, args, io) => {
  const docs = (await archive.documents.list()).map(summaryLine);
  if (args.flags.has('json')) io.out(json(docs));
  else if (docs.length === 0) io.out('The archive is empty. Add documents with: tala import <file>...');
  else for (const d of docs) io.out(`${d.id}  [${d.lang}] ${d.title} (${d.passages} passages)`);
  return 0;
};

const showCommand: Command = async (archive, args, io) => {
  const [id] = args.positionals;
  if (!id || args.positionals.length > 1) throw new UsageError('show needs exactly one document id');
  const doc = await archive.documents.get(id);
  if (args.flags.has('json')) {
    const { passages, ...meta } = doc;
    io.out(json({ ...meta, passages: passages.map(({ id, ordinal, kind, text, start, end }) => ({ id, ordinal, kind, text, start, end })) }));
  } else {
    io.out(`${doc.title}\n[${doc.lang}] ${doc.id}${doc.source ? `\n${doc.source}` : ''}\n`);
    for (const p of doc.passages) io.out(p.kind === 'heading' ? `## ${p.text}\n` : `${p.text}\n`);
  }
  return 0;
};

const searchCommand: Command = async (archive, args, io) => {
  if (args.positionals.length === 0) throw new UsageError('search needs a query, e.g. tala search "Sahakyan"');
  const query = args.positionals.join(' ');
  const limitFlag = args.flags.get('limit');
  const limit = limitFlag === undefined ? 20 : Number(limitFlag);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit must be a whole number from 1 to 500');
  const offsetFlag = args.flags.get('offset');
  const offset = offsetFlag === undefined ? 0 : Number(offsetFlag);
  if (!Number.isInteger(offset) || offset < 0) throw new UsageError('--offset must be a whole number, 0 or more');
  const off = (flag: string) => args.flags.has(flag);
  const switches = { stems: !off('no-stems'), translit: !off('no-translit'), names: !off('no-names') };
  const result = await archive.search.query({ query, limit, offset, ...switches });
  if (args.flags.has('json')) {
    const hits = result.hits.map(({ docId, title, passageId, lang, score, snippet, matches }) => ({ docId, title, passageId, lang, score, snippet, matches }));
    io.out(json({ total: result.total, hits, facets: result.facets, expansions: result.expansions, didYouMean: result.didYouMean ?? null }));
  } else {
    io.out(`${result.total} passage${result.total === 1 ? '' : 's'} match “${query}”`);
    if (result.didYouMean) io.out(`did you mean: ${result.didYouMean}`);
    const widened = (result.expansions ?? []).filter((e) => e.kind !== 'translit' || e.to.some((t) => t !== e.term));
    if (widened.length) io.out(`expanded: ${widened.map((e) => `${e.term} → ${e.kind}${e.to.length ? ` ${e.to.slice(0, 8).join(', ')}${e.to.length > 8 || e.truncated ? ', …' : ''}` : ''}`).join('; ')}`);
    for (const h of result.hits) io.out(`\n${h.title} [${h.lang}] ¶${h.ordinal + 1}  (doc ${h.docId})\n  ${markMatches(h.snippet, h.snippetMatches)}`);
  }
  return 0;
};

/** Brackets the matches of a snippet for the terminal: [[word]]. */
function markMatches(snippet: string, matches: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [s, e] of matches) {
    out += `${snippet.slice(at, s)}[[${snippet.slice(s, e)}]]`;
    at = e;
  }
  return out + snippet.slice(at);
}

const reindexCommand: Command = async (archive, args, io) => {
  const asJson = args.flags.has('json');
  let lastShown = 0;
  const report = await archive.search.reindex((p) => {
    const now = Date.now();
    if (asJson || (now - lastShown < 500 && p.done < p.total)) return;
    lastShown = now;
    io.err(`indexed ${p.done} of ${p.total} documents`);
  });
  const status = await archive.search.status();
  if (asJson) io.out(json({ ...report, indexedPassages: status.indexedPassages, totalPassages: status.totalPassages }));
  else io.out(`reindexed ${report.documents} documents (${report.passages} passages) in ${(report.ms / 1000).toFixed(1)} s`);
  return 0;
};

function intFlag(args: ParsedArgs, name: string): number {
  const value = Number(args.flags.get(name));
  if (!args.flags.has(name) || !Number.isInteger(value) || value < 0) throw new UsageError(`--${name} must be a whole number of characters`);
  return value;
}

function oneDocId(args: ParsedArgs, command: string): string {
  const [id] = args.positionals;
  if (!id || args.positionals.length > 1) throw new UsageError(`${command} needs exactly one document id`);
  return id;
}

const annotationsCommand: Command = async (archive, args, io) => {
  const docId = oneDocId(args, 'annotations');
  await archive.documents.get(docId);
  const list = await archive.annotations.list(docId);
  if (args.flags.has('json')) {
    io.out(json(list.map(({ id, exact, prefix, suffix, start, end, note, tags, status }) => ({ id, exact, prefix, suffix, start, end, note, tags, status }))));
  } else if (list.length === 0) io.out('No annotations in this document.');
  else for (const a of list) io.out(`${a.id}  ${a.start}–${a.end} [${a.status}] “${a.exact}”${a.note ? `\n    ${a.note}` : ''}${a.tags.length ? `\n    tags: ${a.tags.join(', ')}` : ''}`);
  return 0;
};

const annotateCommand: Command = async (archive, args, io) => {
  const docId = oneDocId(args, 'annotate');
  const note = args.flags.get('note');
  const created = await archive.annotations.create({
    docId,
    start: intFlag(args, 'start'),
    end: intFlag(args, 'end'),
    note: typeof note === 'string' ? note : undefined,
    tags: args.lists.get('tag') ?? [],
  });
  io.out(args.flags.has('json') ? json(created) : `annotated ${created.id}: “${created.exact}”`);
  return 0;
};

const exportCommand: Command = async (archive, args, io) => {
  const target = oneDocId(args, 'export');
  const format = args.flags.get('format');
  if (format === 'tmx' || format === 'pairs-csv') return exportPairsCommand(archive, target, format, args, io);
  if (args.flags.has('translation') || args.flags.has('level')) throw new UsageError('--translation and --level go with --format tmx or pairs-csv');
  if (format !== 'md' && format !== 'csv' && format !== 'w3c') throw new UsageError('--format must be md, csv, w3c, tmx or pairs-csv');
  const file = await archive.annotations.export(target, format);
  const out = args.flags.get('out');
  if (typeof out === 'string') {
    writePrivateFile(out, file.content);
    io.err(`wrote ${out}`);
  } else io.out(file.content);
  return 0;
};

const backupCommand: Command = async (archive, args, io) => {
  const made = await archive.backups.create('manual');
  io.out(args.flags.has('json') ? json(made) : `backup written: ${made.file}`);
  return 0;
};

const backupsCommand: Command = async (archive, args, io) => {
  const list = archive.backups.list();
  if (args.flags.has('json')) io.out(json(list));
  else if (list.length === 0) io.out('No backups yet. Make one with: tala backup');
  else for (const b of list) io.out(`${b.createdAt}  ${b.reason.padEnd(13)} ${(b.bytes / 1024).toFixed(0).padStart(8)} KiB  ${b.file}`);
  return 0;
};

const restoreCommand: Command = async (archive, args, io) => {
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) throw new UsageError('restore needs exactly one backup file');
  const { safetyBackup } = await archive.backups.restore(file);
  io.out(args.flags.has('json') ? json({ restored: file, safetyBackup }) : `restored ${file}\nthe previous content was kept as ${safetyBackup.file}`);
  return 0;
};

const exportArchiveCommand: Command = async (archive, args, io) => {
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) throw new UsageError('export-archive needs exactly one file to write');
  await archive.backups.exportPortable(file);
  io.out(args.flags.has('json') ? json({ file }) : `archive written to ${file}`);
  return 0;
};

const importArchiveCommand: Command = async (archive, args, io) => {
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) throw new UsageError('import-archive needs exactly one archive file');
  const report = await archive.backups.importPortable(file);
  if (args.flags.has('json')) io.out(json(report));
  else {
    io.out(`documents: ${report.documents.added} added, ${report.documents.alreadyPresent} already present`);
    io.out(`annotations: ${report.annotations.added} added, ${report.annotations.alreadyPresent} already present, ${report.annotations.orphaned} need review`);
  }
  return 0;
};

const originalCommand: Command = async (archive, args, io) => {
  const docId = oneDocId(args, 'original');
  const original = await archive.documents.original(docId);
  const out = args.flags.get('out');
  // Never overwrite: the default is the original's own name, as a plain name, in the current folder.
  const target = typeof out === 'string' ? out : plainFileName(original.fileName);
  writePrivateFile(target, original.data, 'wx');
  io.out(args.flags.has('json') ? json({ file: target, fileName: original.fileName, mediaType: original.mediaType, bytes: original.data.byteLength }) : `wrote ${target} (${original.mediaType}, ${original.data.byteLength} bytes)`);
  return 0;
};

const infoCommand: Command = async (archive, args, io) => {
  const info = await archive.info();
  io.out(args.flags.has('json') ? json(info) : `Tala ${info.version}\narchive: ${info.archivePath}\nschema version: ${info.schemaVersion}`);
  return 0;
};

export interface CommandSpec {
  run: Command;
  usage: string;
  /** Flags this command accepts besides the global ones; those in `values` take a value. */
  flags: string[];
  values: string[];
}

export const COMMANDS: Record<string, CommandSpec> = {
  import: {
    run: importCommand,
    usage: 'import <file|folder>... [--lang CODE] [--translation-of DOCID] [--near-duplicates keep|skip|version] [--json]',
    flags: ['json', 'lang', 'translation-of', 'near-duplicates'],
    values: ['lang', 'translation-of', 'near-duplicates'],
  },
  list: { run: listCommand, usage: 'list [--json]', flags: ['json'], values: [] },
  show: { run: showCommand, usage: 'show <docId> [--json]', flags: ['json'], values: [] },
  search: {
    run: searchCommand,
    usage: 'search "<query>" [--limit N] [--offset N] [--no-stems] [--no-translit] [--no-names] [--json]',
    flags: ['json', 'limit', 'offset', 'no-stems', 'no-translit', 'no-names'],
    values: ['limit', 'offset'],
  },
  reindex: { run: reindexCommand, usage: 'reindex [--json]', flags: ['json'], values: [] },
  annotations: { run: annotationsCommand, usage: 'annotations <docId> [--json]', flags: ['json'], values: [] },
  annotate: {
    run: annotateCommand,
    usage: 'annotate <docId> --start N --end M [--note TEXT] [--tag T]... [--json]',
    flags: ['json', 'start', 'end', 'note', 'tag'],
    values: ['start', 'end', 'note', 'tag'],
  },
  export: {
    run: exportCommand,
    usage: 'export <docId|all> --format md|csv|w3c [--out FILE]  |  export <docId> --format tmx|pairs-csv --translation DOCID [--level sentence|paragraph] [--out FILE]',
    flags: ['format', 'out', 'translation', 'level'],
    values: ['format', 'out', 'translation', 'level'],
  },
  align: { run: alignCommand, usage: 'align <docA> <docB> [--json] [--recompute]', flags: ['json', 'recompute'], values: [] },
  backup: { run: backupCommand, usage: 'backup [--json]', flags: ['json'], values: [] },
  backups: { run: backupsCommand, usage: 'backups [--json]', flags: ['json'], values: [] },
  restore: { run: restoreCommand, usage: 'restore <backup file> [--json]', flags: ['json'], values: [] },
  'export-archive': { run: exportArchiveCommand, usage: 'export-archive <file.tala> [--json]', flags: ['json'], values: [] },
  'import-archive': { run: importArchiveCommand, usage: 'import-archive <file.tala> [--json]', flags: ['json'], values: [] },
  original: { run: originalCommand, usage: 'original <docId> [--out FILE] [--json]', flags: ['json', 'out'], values: ['out'] },
  info: { run: infoCommand, usage: 'info [--json]', flags: ['json'], values: [] },
  // A command with sub-commands (extract, propose, add, list, conflicts…): see main/facts/cli.ts.
  facts: FACTS_COMMAND,
  // Sub-commands list, create, add, remove, delete: see main/library/cli.ts.
  collections: COLLECTIONS_COMMAND,
};


