// The archive as a place: which one is open, the archives opened before, creating, opening and switching. Only
// a host that can reopen (the desktop app, `npm run web`) switches; the CLI names its archive with --archive.
import { AppError } from '../../shared/errors';
import { NO_ARGUMENTS, operation, type OperationContext, type OperationTable } from '../api/operation';
import { jsonOr } from '../cli/format';
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
  'archives.current': operation('archives.current', {
    handle: (_, { archive }) => archive.summary(),
    bridge: true,
    cli: {
      name: 'archive',
      summary: 'where the archive is, its size on disk and what it holds',
      ...NO_ARGUMENTS,
      print: jsonOr(
        (s) =>
          `archive: ${s.dir}\nfile: ${s.file} (${kib(s.bytes)})\n` +
          `${s.documents} documents, ${s.passages} passages, ${s.annotations} annotations`,
      ),
    },
  }),
  'archives.recent': operation('archives.recent', {
    handle: async (_, ctx) =>
      ctx.workspace
        ? ctx.workspace.recent()
        : [{ dir: (await ctx.archive.summary()).dir, openedAt: new Date().toISOString(), current: true, exists: true }],
    bridge: true,
  }),
  'archives.create': operation('archives.create', {
    handle: ({ dir }, ctx) => workspaceOf(ctx).create(dir, OWN_LEASE),
    // A folder on this computer (so never from a browser page); without one, the desktop's own picker asks.
    paths: ({ dir }) => (dir === undefined ? [] : [dir]),
  }),
  'archives.open': operation('archives.open', {
    handle: ({ dir }, ctx) => workspaceOf(ctx).open(dir, OWN_LEASE),
    // A folder on this computer (so never from a browser page); without one, the desktop's own picker asks.
    paths: ({ dir }) => (dir === undefined ? [] : [dir]),
  }),
  'archives.switch': operation('archives.switch', {
    // Only an archive of the recent list (opened here by the person, in the desktop app or with --archive).
    handle: ({ dir }, ctx) => workspaceOf(ctx).switchToRecent(dir, OWN_LEASE),
    bridge: true,
  }),
  'archives.forget': operation('archives.forget', {
    handle: async ({ dir }, ctx) => workspaceOf(ctx).forget(dir),
    bridge: true,
  }),
};
