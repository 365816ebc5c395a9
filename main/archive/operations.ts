// The archive as a place: which one is open, the archives opened before, creating, opening and switching. Only
// a host that can reopen (the desktop app, `npm run web`) switches; the CLI names its archive with --archive.
import { requestValidators as v } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { JSON_ONLY, type OperationContext, type OperationTable } from '../api/operation';
import { json } from '../cli/format';
import type { Workspace } from './workspace';

type Channels =
  'archives.current' | 'archives.recent' | 'archives.create' | 'archives.open' | 'archives.switch' | 'archives.forget';

/** The request's own lease on the open archive: a switch must not wait for the request asking for it. */
const OWN_LEASE = 1;

function workspaceOf({ workspace }: OperationContext): Workspace {
  if (!workspace) {
    throw new AppError(
      'INVALID_REQUEST',
      'Archives are switched in the desktop app or the browser version (npm run web); on the command line, ' +
        'name the archive with --archive DIR.',
    );
  }
  return workspace;
}

function kib(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}

export const archivesOperations: OperationTable<Channels> = {
  'archives.current': {
    channel: 'archives.current',
    validate: v['archives.current'],
    handle: (_, { archive }) => archive.summary(),
    bridge: true,
    localPaths: false,
    cli: {
      name: 'archive',
      args: '',
      summary: 'where the archive is, its size on disk and what it holds',
      positionals: { min: 0, max: 0 },
      request: () => undefined,
      print: (s, input, io) =>
        io.out(
          input.json
            ? json(s)
            : `archive: ${s.dir}\nfile: ${s.file} (${kib(s.bytes)})\n` +
                `${s.documents} documents, ${s.passages} passages, ${s.annotations} annotations`,
        ),
    },
  },
  'archives.recent': {
    channel: 'archives.recent',
    validate: v['archives.recent'],
    handle: async (_, ctx) =>
      ctx.workspace
        ? ctx.workspace.recent()
        : [{ dir: (await ctx.archive.summary()).dir, openedAt: new Date().toISOString(), current: true, exists: true }],
    bridge: true,
    localPaths: false,
    cli: JSON_ONLY,
  },
  'archives.create': {
    channel: 'archives.create',
    validate: v['archives.create'],
    handle: ({ dir }, ctx) => workspaceOf(ctx).create(dir, OWN_LEASE),
    // A folder on this computer, or the desktop's folder picker: never from a browser page.
    bridge: false,
    localPaths: true,
    // No folder: the desktop's own picker asks (nothing for the page to name).
    paths: ({ dir }) => (dir === undefined ? [] : [dir]),
    cli: JSON_ONLY,
  },
  'archives.open': {
    channel: 'archives.open',
    validate: v['archives.open'],
    handle: ({ dir }, ctx) => workspaceOf(ctx).open(dir, OWN_LEASE),
    bridge: false,
    localPaths: true,
    // No folder: the desktop's own picker asks (nothing for the page to name).
    paths: ({ dir }) => (dir === undefined ? [] : [dir]),
    cli: JSON_ONLY,
  },
  'archives.switch': {
    channel: 'archives.switch',
    validate: v['archives.switch'],
    // Only an archive of the recent list (opened here by the person, in the desktop app or with --archive).
    handle: ({ dir }, ctx) => workspaceOf(ctx).switchToRecent(dir, OWN_LEASE),
    bridge: true,
    localPaths: false,
    cli: JSON_ONLY,
  },
  'archives.forget': {
    channel: 'archives.forget',
    validate: v['archives.forget'],
    handle: async ({ dir }, ctx) => workspaceOf(ctx).forget(dir),
    bridge: true,
    localPaths: false,
    cli: JSON_ONLY,
  },
};
