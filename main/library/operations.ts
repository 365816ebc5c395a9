// The library: the document list with its facets, collections, bulk tagging and deleting, near-duplicates.
import type { Collection, LibraryRequests } from '../../shared/library';
import {
  NO_ARGUMENTS,
  operation,
  UsageError,
  type Call,
  type CliInput,
  type CliIO,
  type OperationTable,
} from '../api/operation';
import { json } from '../cli/format';

type Channels = keyof LibraryRequests;

function line(c: Collection): string {
  return `${c.id}  ${c.name} (${c.documents} document${c.documents === 1 ? '' : 's'})`;
}

/** A collection named on the command line by id or by name (case-insensitive). */
async function findCollection(call: Call, ref: string): Promise<Collection> {
  const all = await call('collections.list', undefined);
  const found = all.find((c) => c.id === ref) ?? all.find((c) => c.name.toLowerCase() === ref.toLowerCase());
  if (!found) throw new UsageError(`no collection named “${ref}”; see: tala collections list`);
  return found;
}

const printCollection = (verb: string) => (c: Collection, input: CliInput, io: CliIO) =>
  io.out(input.json ? json(c) : `${verb} ${line(c)}`);

/** `collections add|remove <collection> <docId>...`: the collection by name or id, then the documents. */
function membership(channel: 'collections.add' | 'collections.remove', verb: string) {
  return {
    name: `collections ${channel.split('.')[1]}`,
    args: '<collection> <docId>...',
    summary: `${verb === 'added to' ? 'add documents to' : 'take documents out of'} a collection (by its name or id)`,
    positionals: { min: 2, max: Infinity },
    request: ({ positionals: [id, ...docIds] }: CliInput) => ({ id, docIds }),
    print: printCollection(verb),
    run: async (input: CliInput, call: Call, io: CliIO) => {
      const [ref, ...docIds] = input.positionals;
      const collection = await findCollection(call, ref);
      printCollection(verb)(await call(channel, { id: collection.id, docIds }), input, io);
      return 0;
    },
  };
}

export const libraryOperations: OperationTable<Channels> = {
  'library.list': operation('library.list', { bridge: true, handle: (_, { archive }) => archive.library.list() }),
  'collections.list': operation('collections.list', {
    handle: (_, { archive }) => archive.library.collections(),
    bridge: true,
    cli: {
      name: 'collections list',
      summary: 'your collections of documents',
      ...NO_ARGUMENTS,
      print: (all, input, io) => {
        if (input.json) return io.out(json(all));
        if (all.length === 0) return io.out('No collections yet. Make one with: tala collections create <name>');
        for (const c of all) io.out(line(c));
      },
    },
  }),
  'collections.create': operation('collections.create', {
    handle: ({ name }, { archive }) => archive.library.createCollection(name),
    bridge: true,
    cli: {
      name: 'collections create',
      args: '<name>',
      summary: 'make a collection',
      positionals: { min: 1, max: Infinity },
      request: ({ positionals }) => ({ name: positionals.join(' ') }),
      print: printCollection('created'),
    },
  }),
  'collections.rename': operation('collections.rename', {
    bridge: true,
    handle: ({ id, name }, { archive }) => archive.library.renameCollection(id, name),
  }),
  'collections.delete': operation('collections.delete', {
    handle: async ({ id }, { archive }) => {
      await archive.library.deleteCollection(id);
      return { deleted: true };
    },
    bridge: true,
    cli: {
      name: 'collections delete',
      args: '<collection>',
      summary: 'delete a collection (its documents stay)',
      positionals: { min: 1, max: 1 },
      request: ({ positionals: [id] }) => ({ id }),
      print: (_, input, io) => io.out(input.json ? json({ deleted: input.positionals[0] }) : 'deleted'),
      run: async (input, call, io) => {
        const collection = await findCollection(call, input.positionals[0]);
        await call('collections.delete', { id: collection.id });
        const said = `deleted collection ${collection.name} (its documents stay)`;
        io.out(input.json ? json({ deleted: collection.id }) : said);
        return 0;
      },
    },
  }),
  'collections.add': operation('collections.add', {
    handle: ({ id, docIds }, { archive }) => archive.library.addToCollection(id, docIds),
    bridge: true,
    cli: membership('collections.add', 'added to'),
  }),
  'collections.remove': operation('collections.remove', {
    handle: ({ id, docIds }, { archive }) => archive.library.removeFromCollection(id, docIds),
    bridge: true,
    cli: membership('collections.remove', 'removed from'),
  }),
  'documents.bulkTag': operation('documents.bulkTag', {
    bridge: true,
    handle: ({ ids, add, remove }, { archive }) => archive.library.bulkTag(ids, add, remove),
  }),
  'documents.bulkDelete': operation('documents.bulkDelete', {
    bridge: true,
    handle: ({ ids }, { archive }) => archive.library.bulkDelete(ids),
  }),
  'documents.resolveNearDuplicate': operation('documents.resolveNearDuplicate', {
    bridge: true,
    handle: ({ id, of, choice }, { archive }) => archive.library.resolveNearDuplicate(id, of, choice),
  }),
};
