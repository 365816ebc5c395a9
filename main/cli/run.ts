// `tala [--archive DIR] [--verbose] <command> [arguments] [--json]`: one process, one archive, one command.
// Every command goes through the same dispatch as the app (validation, limits, permissions). Only the
// registry's declarations load before the command is known; the archive and its services load after.
import { parseArgs } from 'node:util';
import type { Channel } from '../../shared/contract';
import { AppError, type ErrorInfo } from '../../shared/errors';
import type { ImportProgress } from '../../shared/types';
import { neutraliseControls } from '../../shared/untrusted-text';
import { encodeWire, parseWire } from '../../shared/wire';
import type { Aligner } from '../align/worker-host';
import type { MergeProgress } from '../search/index-merge';
import type { Call, CliCommand, CliInput, CliIO, CliOptions } from '../api/operation';
import { UsageError } from '../api/operation';
import { archiveFileIn, defaultArchiveDir } from '../archive/paths';
import { debugRequested, diagnostic, publicError, setDiagnosticSink } from '../diagnostics';
import { commandWordAt } from './command-word';
import { COMMAND_GROUPS, COMMANDS, JSON_ONLY_CHANNELS, type CommandEntry } from './commands';
import { option, progressLine } from './format';

export type { CliIO };

const GLOBAL_OPTIONS = {
  archive: { type: 'string' },
  verbose: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies CliOptions;

const GLOBAL_USAGE = 'tala [--archive DIR] [--verbose]';

/** `tala call`: any operation by its channel, the request as JSON ({"$bytes": base64} for binary data). */
const CALL_COMMAND: CliCommand<Channel> = {
  name: 'call',
  args: '<channel> [REQUEST-JSON]',
  summary: 'any operation of the contract, JSON in and JSON out (see the list below)',
  positionals: { min: 1, max: 2 },
  request: () => undefined,
  print: () => undefined,
  run: async ({ positionals: [channel, body] }, call, io) => {
    let request: unknown;
    try {
      request = body === undefined ? undefined : parseWire(body);
    } catch {
      throw new UsageError('the request must be JSON, e.g. \'{"id": "…"}\'');
    }
    const value = await call(channel as Channel, request as never);
    io.out(JSON.stringify(encodeWire(value), null, 2));
    return 0;
  },
};

export function usage(): string {
  const names = [...COMMANDS.values()].map(({ command }) => command);
  const width = Math.max(...names.map((c) => c.name.length));
  const lines = [...names, CALL_COMMAND].map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `Usage: ${GLOBAL_USAGE} <command> [arguments] [--json]`,
    '',
    'Commands:',
    ...lines,
    '',
    `Operations for \`tala call\`: ${JSON_ONLY_CHANNELS.join(', ')}`,
    '',
    '`tala <command> --help` shows one command. --json prints machine-readable output; exit code 1 when something',
    'failed, 2 for a usage error. --verbose (or TALA_DEBUG=1) prints diagnostics such as slow queries.',
    `Without --archive, the default archive (${defaultArchiveDir()}) is used and created on first use.`,
  ].join('\n');
}

function commandUsage(command: CliCommand<Channel>): string {
  const args = command.args ? ` ${command.args}` : '';
  return `Usage: ${GLOBAL_USAGE} ${command.name}${args} [--json]\n\n${command.summary}`;
}

function groupUsage(group: string): string {
  const lines = [...COMMANDS.values()].filter(({ command }) => command.name.startsWith(`${group} `));
  return lines.map(({ command }) => `${GLOBAL_USAGE} ${command.name} ${command.args}`.trimEnd()).join('\n');
}

/** Where the command's words are: the first positional argument, and the next word for a group ('facts list'). */
function findCommand(argv: string[]): { words: string[]; rest: string[] } {
  const i = commandWordAt(argv);
  if (i < 0) return { words: [], rest: argv };
  const word = argv[i];
  const sub = COMMAND_GROUPS.has(word) && argv[i + 1] !== undefined && !argv[i + 1].startsWith('-') ? 1 : 0;
  return { words: argv.slice(i, i + 1 + sub), rest: [...argv.slice(0, i), ...argv.slice(i + 1 + sub)] };
}

function parse(rest: string[], command: CliCommand<Channel> | undefined) {
  try {
    return parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command?.options },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    // parseArgs explains a lot ("To specify a positional argument starting with '-' …"): its first sentence is enough.
    throw new UsageError((err as Error).message.split(/\.\s/)[0].replace(/\.$/, ''));
  }
}

function checkPositionals(command: CliCommand<Channel>, positionals: string[]): void {
  const { min, max } = command.positionals;
  if (positionals.length > max) {
    const extra = positionals
      .slice(max)
      .map((p) => JSON.stringify(p))
      .join(' ');
    throw new UsageError(
      `${command.name} takes ${max === 0 ? 'no' : `at most ${max}`} argument${max === 1 ? '' : 's'}; extra: ${extra}`,
    );
  }
  if (positionals.length < min)
    throw new UsageError(`${command.name} needs ${command.args.split(' [')[0] || 'arguments'}`);
}

export async function runCli(argv: string[], rawIO: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const io = neutralisingIO(rawIO);
  const { words, rest } = findCommand(argv);
  const name = words.join(' ');
  const entry: CommandEntry | undefined = COMMANDS.get(name);
  const command = name === 'call' ? CALL_COMMAND : entry?.command;
  let parsed;
  try {
    parsed = parse(rest, command);
  } catch (err) {
    io.err(`tala: ${(err as Error).message}\n\n${command ? commandUsage(command) : usage()}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (!command) {
    const group = words[0];
    if (COMMAND_GROUPS.has(group)) {
      if (values.help && words.length === 1) {
        io.out(groupUsage(group));
        return 0;
      }
      io.err(`tala: ${group} needs a sub-command:\n${groupUsage(group)}`);
      return 2;
    }
    if (words.length === 0 || name === 'help') {
      const asked = values.help === true || name === 'help';
      if (asked) io.out(usage());
      else io.err(usage());
      return asked ? 0 : 2;
    }
    io.err(`tala: unknown command “${name}”\n\n${usage()}`);
    return 2;
  }
  if (values.help) {
    io.out(commandUsage(command));
    return 0;
  }
  const input: CliInput = { values, positionals, json: values.json === true };
  const verbose = values.verbose === true || debugRequested(env);
  const previousSink = setDiagnosticSink(verbose ? (line) => io.err(line) : null);
  try {
    checkPositionals(command, positionals);
    const request = command.run ? undefined : await command.request(input); // usage errors before the archive opens
    const recover = entry?.channel === 'archive.restore' ? restoreUnopenableArchive(input, io) : undefined;
    // An import's parse worker loads its code, and parses the first file, while the archive opens (the archive uses
    // the process's parser; the import takes that parse: import-ahead.ts).
    if (entry?.channel === 'documents.importPaths') await parseAhead(input).catch(() => undefined);
    // Imports report each file on a terminal's status line (not with --json).
    const status = input.json ? undefined : io.status;
    const onImportProgress = status ? (p: ImportProgress) => status(progressLine(p)) : undefined;
    // After an import or a reindex, the search index is merged before the process ends (a batch tool: the next
    // search, in any program, then reads one segment; search/index-merge.ts), shown on the status line. After an
    // import only when worth it; after a reindex always: it rewrote every row, so whatever segments its batches
    // left (how many depends on timing) are all new, and one more rewrite costs no more than the reindex did.
    const reindex = entry?.channel === 'search.reindex';
    const mergeIndex =
      entry?.channel === 'documents.importPaths' || reindex
        ? {
            always: reindex,
            onProgress: status
              ? (p: MergeProgress) =>
                  status(p.pages < p.total ? `Merging the search index… ${Math.floor((100 * p.pages) / p.total)}%` : '')
              : () => undefined,
          }
        : undefined;
    return await withArchive(
      { dir: values.archive, onImportProgress, mergeIndex },
      async (call) => {
        if (command.run) return command.run(input, call, io);
        const code = await command.print(await call(entry!.channel, request as never), input, io);
        return typeof code === 'number' ? code : 0;
      },
      recover,
    );
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`tala: ${err.message}\n\n${commandUsage(command)}`);
      return 2;
    }
    if (input.json) io.out(JSON.stringify({ error: errorInfo(err) }, null, 2));
    else io.err(`tala: ${errorText(err, input, entry?.channel, verbose)}`);
    return 1;
  } finally {
    setDiagnosticSink(previousSink);
  }
}

/** `tala import`: starts the parse worker and its parse of the first file (see import-ahead.ts). */
async function parseAhead(input: CliInput): Promise<void> {
  const [{ sharedWorkerParser }, { parseFirstFileAhead }] = await Promise.all([
    import('../ingest/parser'),
    import('../documents/import-ahead'),
  ]);
  const parser = sharedWorkerParser();
  parser.warm?.();
  parseFirstFileAhead(parser, input.positionals, option(input, 'lang'));
}

/** What `tala restore` does when the archive cannot even be opened: put the backup in its place. */
type Recovery = (failure: unknown, archiveFile: string) => Promise<number>;

/**
 * Opens the archive (loading the services only now), runs `work` with the CLI's door into it, closes it. An
 * archive that cannot be opened goes to `recover` when given; the restored archive is then opened once to check it.
 */
async function withArchive(
  {
    dir,
    onImportProgress,
    mergeIndex,
  }: {
    dir: string | boolean | undefined;
    onImportProgress?: (p: ImportProgress) => void;
    /** Merge the search index after `work` (if worth it, or `always`), telling its progress to `onProgress`. */
    mergeIndex?: { always: boolean; onProgress: (p: MergeProgress) => void };
  },
  work: (call: Call) => Promise<number>,
  recover?: Recovery,
): Promise<number> {
  const [{ openArchiveDir }, { createApi, dispatch }] = await Promise.all([
    import('../archive/open-default'),
    import('../api/dispatch'),
  ]);
  // An explicit --archive is used as given; only the default archive is seeded with the samples.
  // One command per process: searching and aligning in this thread is quicker than starting workers.
  const folder = typeof dir === 'string' ? dir : defaultArchiveDir();
  const aligner: Aligner = {
    align: async (...args) => (await import('../align/inline')).inlineAligner.align(...args),
  };
  const open = () => openArchiveDir(folder, { search: 'inline', aligner, seedSamples: typeof dir !== 'string' });
  const started = performance.now();
  let archive;
  try {
    archive = await open();
  } catch (err) {
    if (!recover || !isUnopenable(err)) throw err;
    const code = await recover(err, archiveFileIn(folder));
    await (await open()).close(); // opens, checks and migrates the restored content like any other
    return code;
  }
  diagnostic(`[tala] archive ${archive.path} opened in ${Math.round(performance.now() - started)} ms`);
  try {
    const session = createApi(archive, 'cli', { onImportProgress });
    const call: Call = async (channel, request) => {
      const result = await dispatch(session, channel, request);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
      return result.value as never;
    };
    try {
      const code = await work(call);
      if (mergeIndex) {
        await archive.mergeSearchIndex(mergeIndex);
        mergeIndex.onProgress({ pages: 0, total: 0 }); // the status line cleared, also when the merge stopped early
      }
      return code;
    } finally {
      await session.context.jobs.stopAll(); // an import started by `tala call` stops after its current file
    }
  } finally {
    await archive.close();
  }
}

function isUnopenable(err: unknown): boolean {
  if (!(err instanceof AppError)) return false;
  return (
    err.code === 'ARCHIVE_DAMAGED' || (err.code === 'ARCHIVE_ERROR' && !err.message.includes('newer version of Tala'))
  );
}

/** A damaged or unreadable archive can still be restored, or its own advice ("tala restore …") would loop. */
function restoreUnopenableArchive(input: CliInput, io: CliIO): Recovery {
  return async (failure, archiveFile) => {
    const { restoreUnopenable } = await import('../backups/recovery');
    const file = input.positionals[0];
    const kept = await restoreUnopenable(archiveFile, file);
    io.err(`The archive could not be opened (${errorInfo(failure).message}).`);
    const said = `restored ${file}\nthe archive that could not be opened was kept as ${kept.file}`;
    io.out(input.json ? JSON.stringify({ restored: file, safetyBackup: kept }, null, 2) : said);
    return 0;
  };
}

/**
 * Every line the CLI prints goes through here: titles, file names and messages can come from a crafted file,
 * and a raw ESC or BEL would let it drive the terminal. JSON stays valid (escapes only appear inside strings).
 */
export function neutralisingIO(io: CliIO): CliIO {
  const status = io.status;
  return {
    out: (text) => io.out(neutraliseControls(text)),
    err: (text) => io.err(neutraliseControls(text)),
    ...(status ? { status: (text: string) => status(neutraliseControls(text)) } : {}),
  };
}

function errorInfo(err: unknown): ErrorInfo {
  if (!(err instanceof AppError)) return publicError(err, 'cli');
  return { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
}

/** The error for a person: a search error points at the character; a fault says where the details are. */
function errorText(err: unknown, input: CliInput, channel: Channel | undefined, verbose: boolean): string {
  const info = errorInfo(err);
  const position = info.details?.position;
  if (info.code === 'BAD_QUERY' && channel === 'search.query' && position !== undefined) {
    const query = input.positionals.join(' ');
    return `${info.message}\n  ${query}\n  ${' '.repeat(position)}^`;
  }
  if (info.code === 'INTERNAL' && !verbose)
    return `${info.message}\nRun the command again with --verbose to see the details.`;
  return info.message;
}
