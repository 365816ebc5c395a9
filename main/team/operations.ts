// Team sync: set up or join a team database, sync, review and resolve conflicts. The command line has the
// same verbs as the app: `tala team init|join|status|leave|conflicts|resolve` and `tala sync`.
import { CONFLICT_CHOICES, type ConflictChoice, type SyncConflict, type TeamStatus } from '../../shared/team';
import { NO_ARGUMENTS, operation, UsageError, type CliIO, type OperationTable } from '../api/operation';
import { json, option, options, jsonOr } from '../cli/format';

type Channels =
  'team.init' | 'team.status' | 'team.join' | 'team.leave' | 'team.sync' | 'team.conflicts' | 'team.resolve';

const SERVER_OPTION = { server: { type: 'string' } } as const;

function serverOption(input: Parameters<typeof option>[0]): string {
  const server = option(input, 'server');
  if (!server) throw new UsageError('--server postgres://NAME@HOST/DATABASE is required');
  return server;
}

function printStatus(status: TeamStatus, io: CliIO): void {
  if (!status.joined) return io.out('Not part of a team. Join one with: tala team join --server postgres://…');
  io.out(`team:       ${status.server}`);
  io.out(`member:     ${status.member}`);
  io.out(`last sync:  ${status.lastSyncAt ?? 'never'}`);
  io.out(`waiting:    ${status.waiting} change${status.waiting === 1 ? '' : 's'}`);
  io.out(`conflicts:  ${status.openConflicts} to review${status.openConflicts ? ' (tala team conflicts)' : ''}`);
  if (status.paused) io.out(`paused:     ${status.paused}`);
  if (status.lastError) io.out(`last error: ${status.lastError}`);
}

/** One line per conflict: what, whose version is current, whose is the other. */
function conflictLine(c: SyncConflict): string {
  const what = `${c.entity} ${c.rowKey.map(String).join('/')}`;
  const other = c.otherOp === 'delete' ? 'deleted' : 'edited';
  const duplicate =
    c.entity === 'entities'
      ? `the same name made on two desktops (merge, or keep-current to keep both)`
      : 'the same content imported twice';
  const detail = c.kind === 'duplicate' ? duplicate : `${other} by ${c.otherAuthor ?? '?'}`;
  const text = conflictText(c);
  return `${c.id}  ${c.kind.padEnd(11)} ${what}: ${detail}${text ? ` — “${text}”` : ''}`;
}

/** The other version's words, when it has some (a note, a value, a passage). */
function conflictText(c: SyncConflict): string {
  const o = c.other ?? {};
  const text = o.note ?? o.text ?? o.value_text ?? o.name ?? null;
  if (typeof text !== 'string') return '';
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

export const teamOperations: OperationTable<Channels> = {
  'team.init': operation('team.init', {
    handle: async ({ server, members }) => {
      const { TeamService } = await import('./service');
      const list = (members ?? []).map((m) => ({ name: m.name, readOnly: m.readOnly === true }));
      const { from, to } = await TeamService.initServer(server, list);
      return { from, to, members: list };
    },
    // The administrator's step: from the command line or the desktop, not from a browser page.
    bridge: false,
    cli: {
      name: 'team init',
      args: '--server postgres://ADMIN@HOST/DATABASE [--member NAME[:read-only]]...',
      summary: "create (or upgrade) a team database's schema and its members (the team's administrator)",
      options: { ...SERVER_OPTION, member: { type: 'string', multiple: true } },
      positionals: { min: 0, max: 0 },
      request: (input) => ({
        server: serverOption(input),
        members: options(input, 'member').map((m) => {
          const [name, mode, ...rest] = m.split(':');
          if (rest.length || (mode !== undefined && mode !== 'read-only'))
            throw new UsageError(`--member ${m}: write NAME or NAME:read-only`);
          return { name, readOnly: mode === 'read-only' };
        }),
      }),
      print: (report, input, io) => {
        if (input.json) return io.out(json(report));
        io.out(
          report.from === report.to
            ? `The team schema is up to date (version ${report.to}).`
            : `Team schema version ${report.from} → ${report.to}.`,
        );
        for (const m of report.members) io.out(`member ${m.name}${m.readOnly ? ' (read-only)' : ''}: ready`);
      },
    },
  }),
  'team.status': operation('team.status', {
    handle: (_, { archive }) => archive.team.status(),
    bridge: true,
    cli: {
      name: 'team status',
      summary: 'the team this archive syncs with: last sync, changes waiting, conflicts, last error',
      ...NO_ARGUMENTS,
      print: (status, input, io) => (input.json ? io.out(json(status)) : printStatus(status, io)),
    },
  }),
  'team.join': operation('team.join', {
    handle: ({ server }, { archive }) => archive.team.join(server),
    bridge: true,
    cli: {
      name: 'team join',
      args: '--server postgres://NAME[:PASSWORD]@HOST/DATABASE',
      summary: 'connect this archive to a team database (the password is kept outside the archive)',
      options: SERVER_OPTION,
      positionals: { min: 0, max: 0 },
      request: (input) => ({ server: serverOption(input) }),
      print: (status, input, io) => {
        if (input.json) return io.out(json(status));
        io.out(`Joined ${status.server} as ${status.member}. Everything here is sent on the first sync: tala sync`);
      },
    },
  }),
  'team.leave': operation('team.leave', {
    handle: async (_, { archive }) => {
      await archive.team.leave();
      return archive.team.status();
    },
    bridge: true,
    cli: {
      name: 'team leave',
      summary: 'stop syncing this archive (local work stays; the kept password is removed)',
      ...NO_ARGUMENTS,
      print: jsonOr(() => 'This archive is no longer part of a team.'),
    },
  }),
  'team.sync': operation('team.sync', {
    handle: (_, { archive }) => archive.team.sync(),
    bridge: true,
    cli: {
      name: 'sync',
      summary: "push this archive's changes to its team database and pull the others'",
      ...NO_ARGUMENTS,
      print: (report, input, io) => {
        if (input.json) return io.out(json(report));
        const s = (n: number) => (n === 1 ? '' : 's');
        io.out(`pushed ${report.pushed} change${s(report.pushed)}, pulled ${report.pulled}`);
        if (report.conflicts)
          io.out(`${report.conflicts} conflict${s(report.conflicts)} to review: tala team conflicts`);
        if (report.waiting) io.out(`${report.waiting} change${s(report.waiting)} still waiting`);
      },
    },
  }),
  'team.conflicts': operation('team.conflicts', {
    handle: (_, { archive }) => archive.team.conflicts(),
    bridge: true,
    cli: {
      name: 'team conflicts',
      summary: 'versions that lost to another (or deletes that met an edit), to review',
      ...NO_ARGUMENTS,
      print: (list, input, io) => {
        if (input.json) return io.out(json(list));
        if (list.length === 0) return io.out('No conflicts to review.');
        for (const c of list) io.out(conflictLine(c));
        io.out(`Settle one with: tala team resolve ID ${CONFLICT_CHOICES.join('|')}`);
      },
    },
  }),
  'team.resolve': operation('team.resolve', {
    handle: async ({ id, choice }, { archive }) => {
      await archive.team.resolve(id, choice, (targetId, sourceIds) => archive.facts.mergeEntities(targetId, sourceIds));
      return { resolved: true };
    },
    bridge: true,
    cli: {
      name: 'team resolve',
      args: `<conflict-id> ${CONFLICT_CHOICES.join('|')}`,
      summary:
        'settle a conflict: keep the current version, take the other one, or merge an entity made on two ' +
        'desktops (it reaches the team on sync)',
      positionals: { min: 2, max: 2 },
      request: ({ positionals: [id, choice] }) => {
        if (!(CONFLICT_CHOICES as readonly string[]).includes(choice))
          throw new UsageError(`the choice is ${CONFLICT_CHOICES.join(' or ')}`);
        return { id, choice: choice as ConflictChoice };
      },
      print: (_, input, io) => io.out(input.json ? json({ resolved: true }) : 'Settled.'),
    },
  }),
};
