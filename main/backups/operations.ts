// Data safety: snapshots, restore, integrity, portable `.tala` files.
import { constants, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import { json, jsonOr } from '../cli/format';
import { sizeWords } from './disk';
import { BACKUP_SCHEDULES, type BackupScheduleInfo } from '../../shared/archives';
import { NO_ARGUMENTS, operation, UsageError, type OperationTable } from '../api/operation';

function scheduleLine(s: BackupScheduleInfo): string {
  if (s.every === 'off') return 'automatic backups: off';
  return `automatic backups: ${s.every}; last backup ${s.lastBackupAt ?? 'none yet'}; next due ${s.nextDueAt}`;
}

type Channels =
  | 'archive.backup'
  | 'archive.backups'
  | 'archive.restore'
  | 'archive.health'
  | 'archive.exportPortable'
  | 'archive.importPortable'
  | 'archive.schedule'
  | 'archive.setSchedule'
  | 'archive.setBackupDir';

/** Copies a fresh snapshot to a file the person named; never over an existing file. */
function copyOut(snapshot: string, file: string): string {
  const target = resolve(file);
  try {
    copyFileSync(snapshot, target, constants.COPYFILE_EXCL);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST' ? 'a file of that name already exists' : `the file cannot be written (${code ?? 'error'})`;
    throw new AppError('ARCHIVE_ERROR', `The backup was not written to ${file}: ${why}.`);
  }
  return target;
}

const portableFile = {
  positionals: { min: 1, max: 1 },
  request: ({ positionals: [file] }: { positionals: string[] }) => ({ file }),
};

export const backupOperations: OperationTable<Channels> = {
  'archive.backup': operation('archive.backup', {
    handle: async (request, { archive, workspace }) => {
      const file = request?.file;
      // Read-only (a failing or full disk, a read-only medium): the named file is the only thing written.
      if (file !== undefined && archive.backups.readOnlyReason !== undefined) return archive.backups.writeTo(file);
      if (file === undefined && !archive.backups.canBackUp && workspace?.canChooseFolders) {
        // The desktop's Back up now: the folder beside the archive cannot be written, so ask for another one.
        const folder = await workspace.chooseFolder('rescue-backup');
        if (!folder) throw new AppError('INVALID_REQUEST', 'No backup was written: no folder was chosen.');
        return archive.backups.writeTo(
          join(folder, `tala-backup-${new Date().toISOString().replace(/[-:.]/g, '')}.sqlite`),
        );
      }
      const made = await archive.backups.create('manual');
      return file === undefined ? made : { ...made, file: copyOut(made.file, file) };
    },
    bridge: true,
    localPaths: (request) => request?.file !== undefined,
    paths: (request) => (request?.file === undefined ? [] : [request.file]),
    cli: {
      name: 'backup',
      args: '[FILE]',
      summary: "snapshot the archive now (into the archive's backups folder, or FILE; read-only: FILE only)",
      positionals: { min: 0, max: 1 },
      request: ({ positionals: [file] }) => (file === undefined ? undefined : { file }),
      print: jsonOr((made) => `backup written: ${made.file}`),
    },
  }),
  'archive.backups': operation('archive.backups', {
    handle: async (_, { archive }) => archive.backups.list(),
    bridge: true,
    cli: {
      name: 'backups',
      summary: "the archive's backups, newest first",
      ...NO_ARGUMENTS,
      print: (list, input, io) => {
        if (input.json) return io.out(json(list));
        if (list.length === 0) return io.out('No backups yet. Make one with: tala backup');
        for (const b of list) {
          const size = `${(b.bytes / 1024).toFixed(0).padStart(8)} KiB`;
          io.out(`${b.createdAt}  ${b.reason.padEnd(13)} ${size}  ${b.file}`);
        }
      },
    },
  }),
  'archive.restore': operation('archive.restore', {
    // The app may restore only the archive's own backups (the renderer never names arbitrary paths); on the
    // command line the person types the path of their own file.
    handle: ({ file }, { archive, door }) => {
      if (door.name !== 'cli' && !archive.backups.list().some((b) => b.file === file)) {
        throw new AppError('FORBIDDEN', 'Only one of this archive’s own backups can be restored from the app.');
      }
      return archive.backups.restore(file);
    },
    bridge: true,
    cli: {
      name: 'restore',
      args: '<backup file>',
      summary: 'replace the archive by a backup (the current content is backed up first)',
      positionals: { min: 1, max: 1 },
      request: ({ positionals: [file] }) => ({ file }),
      print: ({ safetyBackup }, input, io) => {
        const file = input.positionals[0];
        io.out(
          input.json
            ? json({ restored: file, safetyBackup })
            : `restored ${file}\nthe previous content was kept as ${safetyBackup.file}`,
        );
      },
    },
  }),
  'archive.health': operation('archive.health', {
    handle: (_, { archive }) => archive.backups.health(),
    bridge: true,
    cli: {
      name: 'health',
      summary: "check the archive's integrity and the free space on its disk",
      ...NO_ARGUMENTS,
      print: (health, input, io) => {
        if (input.json) return io.out(json(health));
        io.out(`integrity: ${health.integrity}`);
        for (const d of health.disks ?? [])
          io.out(`disk: ${sizeWords(d.freeBytes)} free of ${sizeWords(d.totalBytes)} (${d.state}) at ${d.path}`);
        for (const w of health.warnings) io.out(`warning: ${w}`);
      },
    },
  }),
  'archive.exportPortable': operation('archive.exportPortable', {
    handle: async ({ file }, { archive }) => {
      await archive.backups.exportPortable(file);
      return { file };
    },
    paths: ({ file }) => [file],
    cli: {
      name: 'export-archive',
      args: '<file.tala>',
      summary: 'write the whole archive into one portable file',
      ...portableFile,
      print: ({ file }, input, io) => io.out(input.json ? json({ file }) : `archive written to ${file}`),
    },
  }),
  'archive.importPortable': operation('archive.importPortable', {
    handle: ({ file }, { archive }) => archive.backups.importPortable(file),
    paths: ({ file }) => [file],
    cli: {
      name: 'import-archive',
      args: '<file.tala>',
      summary: 'merge a portable file into the archive (by UUID, without duplicates)',
      ...portableFile,
      print: (report, input, io) => {
        if (input.json) return io.out(json(report));
        const { documents: d, annotations: a } = report;
        io.out(`documents: ${d.added} added, ${d.alreadyPresent} already present`);
        io.out(`annotations: ${a.added} added, ${a.alreadyPresent} already present, ${a.orphaned} need review`);
      },
    },
  }),
  'archive.schedule': operation('archive.schedule', {
    handle: (_, { archive }) => archive.backups.schedule(),
    bridge: true,
  }),
  'archive.setBackupDir': operation('archive.setBackupDir', {
    handle: async ({ dir, reset }, { archive, workspace }) => {
      // Read-only: refused before the desktop's folder picker opens (nothing could keep the choice).
      archive.backups.assertBackupDirChangeable();
      if (reset) return archive.backups.setBackupDir(null);
      const chosen = dir ?? (await workspace?.chooseFolder('backups'));
      if (chosen === undefined)
        throw new AppError('INVALID_REQUEST', 'Name the backup folder (no folder picker here).');
      return chosen === null ? archive.backups.schedule() : archive.backups.setBackupDir(chosen);
    },
    // A folder on this computer (so never from a browser page), or none: the desktop's folder picker.
    paths: ({ dir }) => (dir === undefined ? [] : [dir]),
    cli: {
      name: 'backup-dir',
      args: '<FOLDER|default>',
      summary: "where the archive's backups go (a folder of its own inside FOLDER); default: beside the archive",
      positionals: { min: 1, max: 1 },
      request: ({ positionals: [dir] }) => (dir === 'default' ? { reset: true } : { dir: resolve(dir) }),
      print: jsonOr((s) => `backups go into ${s.dir}`),
    },
  }),
  'archive.setSchedule': operation('archive.setSchedule', {
    handle: ({ every }, { archive }) => archive.backups.setSchedule(every),
    bridge: true,
    cli: {
      name: 'backup-schedule',
      args: `<${BACKUP_SCHEDULES.join('|')}>`,
      summary: 'how often the running app backs the archive up by itself',
      positionals: { min: 1, max: 1 },
      request: ({ positionals: [every] }) => {
        if (!(BACKUP_SCHEDULES as readonly string[]).includes(every)) {
          throw new UsageError(`Choose one of ${BACKUP_SCHEDULES.join(', ')}.`);
        }
        return { every: every as (typeof BACKUP_SCHEDULES)[number] };
      },
      print: jsonOr((s) => scheduleLine(s)),
    },
  }),
};
