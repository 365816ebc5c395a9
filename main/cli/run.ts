// `tala [--archive DIR] <command> ...`: one process, one archive, one command.
import { toErrorInfo } from '../../shared/errors';
import { neutraliseControls } from '../../shared/untrusted-text';
import type { Archive } from '../archive/archive';
import { openArchiveDir } from '../archive/open-default';
import { archiveFileIn, defaultArchiveDir } from '../archive/paths';
import { restoreUnopenable } from '../backups/recovery';
import { parseArgs, UsageError, type ParsedArgs } from './args';
import { COMMANDS, type CliIO } from './commands';

const GLOBAL_VALUE_FLAGS = ['archive'];

export function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  tala [--archive DIR] ${c.usage}`);
  return `Usage:\n${lines.join('\n')}\n\nWithout --archive, the default archive (${defaultArchiveDir()}) is used and created on first use.`;
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

export async function runCli(argv: string[], rawIO: CliIO): Promise<number> {
  const io = neutralisingIO(rawIO);
  const valueFlags = new Set([...GLOBAL_VALUE_FLAGS, ...Object.values(COMMANDS).flatMap((c) => c.values)]);
  let args: ParsedArgs;
  try {
    args = parseArgs(argv, valueFlags);
  } catch (err) {
    io.err(`tala: ${(err as Error).message}\n\n${usage()}`);
    return 2;
  }
  const commandName = args.positionals.shift();
  if (!commandName || args.flags.has('help')) {
    io.out(usage());
    return commandName || args.flags.has('help') ? 0 : 2;
  }
  const spec = COMMANDS[commandName];
  if (!spec) {
    io.err(`tala: unknown command “${commandName}”\n\n${usage()}`);
    return 2;
  }
  let archive: Archive | undefined;
  try {
    for (const flag of args.flags.keys()) {
      if (!GLOBAL_VALUE_FLAGS.includes(flag) && !spec.flags.includes(flag)) throw new UsageError(`${commandName} does not take --${flag}`);
    }
    const dir = args.flags.get('archive');
    // An explicit --archive is used as given; only the default archive is seeded with the samples.
    // One command per process: searching in this thread is quicker than starting a worker for it.
    const open = () =>
      typeof dir === 'string' ? openArchiveDir(dir, { search: 'inline' }) : openArchiveDir(defaultArchiveDir(), { seedSamples: true, search: 'inline' });
    try {
      archive = await open();
    } catch (err) {
      if (commandName !== 'restore' || !isUnopenable(err)) throw err;
      // A damaged or unreadable archive can still be restored, or its own advice ("tala restore …") would loop.
      const file = restoreTarget(args);
      const kept = await restoreUnopenable(archiveFileIn(typeof dir === 'string' ? dir : defaultArchiveDir()), file);
      archive = await open(); // opens, checks and migrates the restored content like any other
      io.err(`The archive could not be opened (${toErrorInfo(err).message}).`);
      io.out(args.flags.has('json') ? JSON.stringify({ restored: file, safetyBackup: kept }, null, 2) : `restored ${file}\nthe archive that could not be opened was kept as ${kept.file}`);
      return 0;
    }
    return await spec.run(archive, args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`tala: ${err.message}\nUsage: tala [--archive DIR] ${spec.usage}`);
      return 2;
    }
    io.err(`tala: ${toErrorInfo(err).message}`);
    return 1;
  } finally {
    await archive?.close();
  }
}

function isUnopenable(err: unknown): boolean {
  const { code, message } = toErrorInfo(err);
  return code === 'ARCHIVE_DAMAGED' || (code === 'ARCHIVE_ERROR' && !message.includes('newer version of Tala'));
}

function restoreTarget(args: ParsedArgs): string {
  if (args.positionals.length !== 1) throw new UsageError('restore needs exactly one backup file');
  return args.positionals[0];
}
