// `tala collections <sub-command>`: the user's collections from the command line (main/cli/commands.ts
// registers it).
//   collections list [--json]
//   collections create <name> [--json]
//   collections add|remove <name or id> <docId>... [--json]
//   collections delete <name or id>
import type { Collection } from '../../shared/library';
import type { Archive } from '../archive/archive';
import { UsageError, type ParsedArgs } from '../cli/args';
import type { CliIO, CommandSpec } from '../cli/commands';

const json = (value: unknown) => JSON.stringify(value, null, 2);
type Sub = (archive: Archive, args: ParsedArgs, rest: string[], io: CliIO) => Promise<number>;

function line(c: Collection): string {
  return `${c.id}  ${c.name} (${c.documents} document${c.documents === 1 ? '' : 's'})`;
}

/** A collection named by id or by name (case-insensitive). */
async function findCollection(archive: Archive, ref: string | undefined): Promise<Collection> {
  if (!ref) throw new UsageError('name the collection (its name or id)');
  const all = await archive.library.collections();
  const found = all.find((c) => c.id === ref) ?? all.find((c) => c.name.toLowerCase() === ref.toLowerCase());
  if (!found) throw new UsageError(`no collection named “${ref}”; see: tala collections list`);
  return found;
}

function printed(c: Collection, args: ParsedArgs, io: CliIO, verb: string): number {
  io.out(args.flags.has('json') ? json(c) : `${verb} ${line(c)}`);
  return 0;
}

const SUBCOMMANDS: Record<string, Sub> = {
  list: async (archive, args, _rest, io) => {
    const all = await archive.library.collections();
    if (args.flags.has('json')) io.out(json(all));
    else if (all.length === 0) io.out('No collections yet. Make one with: tala collections create <name>');
    else for (const c of all) io.out(line(c));
    return 0;
  },
  create: async (archive, args, rest, io) => {
    if (rest.length === 0) throw new UsageError('collections create needs a name');
    return printed(await archive.library.createCollection(rest.join(' ')), args, io, 'created');
  },
  add: async (archive, args, [ref, ...ids], io) => {
    if (ids.length === 0) throw new UsageError('collections add needs a collection and at least one document id');
    const c = await findCollection(archive, ref);
    return printed(await archive.library.addToCollection(c.id, ids), args, io, 'added to');
  },
  remove: async (archive, args, [ref, ...ids], io) => {
    if (ids.length === 0) throw new UsageError('collections remove needs a collection and at least one document id');
    const c = await findCollection(archive, ref);
    return printed(await archive.library.removeFromCollection(c.id, ids), args, io, 'removed from');
  },
  delete: async (archive, args, rest, io) => {
    if (rest.length !== 1) throw new UsageError('collections delete needs exactly one collection');
    const c = await findCollection(archive, rest[0]);
    await archive.library.deleteCollection(c.id);
    io.out(args.flags.has('json') ? json({ deleted: c.id }) : `deleted collection ${c.name} (its documents stay)`);
    return 0;
  },
};

export const COLLECTIONS_COMMAND: CommandSpec = {
  run: async (archive, args, io) => {
    const [sub, ...rest] = args.positionals;
    const run = sub ? SUBCOMMANDS[sub] : undefined;
    if (!run) throw new UsageError(`collections needs a sub-command: ${Object.keys(SUBCOMMANDS).join(', ')}`);
    return run(archive, args, rest, io);
  },
  usage: [
    'collections list [--json]',
    '                   collections create <name> [--json]',
    '                   collections add|remove <collection> <docId>... [--json]',
    '                   collections delete <collection> [--json]',
  ].join('\n'),
  flags: ['json'],
  values: [],
};
