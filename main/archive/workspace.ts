// The archive a host (the desktop app, `npm run web`) has open, and the others it can switch to. Switching opens
// the new archive first (a failure leaves the old one open), lets requests still running in the old one finish,
// stops what runs beside it (scheduled backups, team sync), then closes it. The archives opened here are
// remembered in an owner-only JSON file beside the default archive: they are the only ones a browser page may
// switch to, since the bridge never accepts a folder the person did not name on this computer themselves.
import { existsSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ArchiveSummary, RecentArchive } from '../../shared/archives';
import { AppError } from '../../shared/errors';
import { makePrivateDir, writePrivateFile } from '../backups/private-files';
import { diagnostic } from '../diagnostics';
import { ImportJobs } from '../documents/import-jobs';
import type { Archive } from './archive';
import { ARCHIVE_FILE_NAME, archiveFileIn } from './paths';

export const RECENT_FILE_NAME = 'recent-archives.json';
export const MAX_RECENT = 12;

/** What the folder is for: a new archive, an archive to open, or where the open archive's backups go. */
/** rescue-backup: a backup of an archive open read-only, into a folder on another disk (Back up now). */
export type FolderPurpose = 'create' | 'open' | 'backups' | 'rescue-backup';

export interface WorkspaceOptions {
  /** Opens (creating when missing) the archive in a folder. */
  open(dir: string): Promise<Archive>;
  /** Where the recent archives are kept; none: only for this run. */
  recentFile?: string;
  /** Starts what runs beside an open archive (scheduled backups, team sync); returns how to stop it. */
  attach?(archive: Archive): () => Promise<void>;
  /** The desktop's folder picker; null when the person cancels. Absent: a folder must be named. */
  chooseFolder?(purpose: FolderPurpose): Promise<string | null>;
  /** Called once a switch is done (the desktop retitles its window). */
  onSwitched?(archive: Archive): void;
  /** How long a switch waits for requests still running in the old archive before closing it. */
  drainMs?: number;
}

/** What one request works with: the archive open when it arrived, until it is done. */
export interface Lease {
  archive: Archive;
  jobs: ImportJobs;
  release(): void;
}

interface StoredRecent {
  dir: string;
  openedAt: string;
}

export class Workspace {
  private archive: Archive;
  private importJobs: ImportJobs;
  private detach: () => Promise<void>;
  private readonly leases = new Map<Archive, number>();
  private readonly waiters = new Set<() => void>();
  private switching = false;
  private closed = false;
  private memoryRecent: StoredRecent[] = [];

  constructor(
    archive: Archive,
    private readonly options: WorkspaceOptions,
  ) {
    this.archive = archive;
    this.importJobs = new ImportJobs(() => archive.documents);
    this.detach = options.attach?.(archive) ?? (async () => undefined);
    this.remember(this.dir);
  }

  get current(): Archive {
    return this.archive;
  }

  get jobs(): ImportJobs {
    return this.importJobs;
  }

  /** The open archive's folder. */
  get dir(): string {
    return dirname(this.archive.path);
  }

  /** Whether the host can show a folder picker (the desktop). */
  get canChooseFolders(): boolean {
    return this.options.chooseFolder !== undefined;
  }

  /** Takes the open archive for one request; a switch closes it only after every lease is released. */
  lease(): Lease {
    const archive = this.archive;
    this.leases.set(archive, (this.leases.get(archive) ?? 0) + 1);
    let released = false;
    return {
      archive,
      jobs: this.importJobs,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.leases.get(archive) ?? 1) - 1;
        if (left > 0) this.leases.set(archive, left);
        else this.leases.delete(archive);
        for (const check of [...this.waiters]) check();
      },
    };
  }

  /** The archives opened here, most recent first, the open one marked. */
  recent(): RecentArchive[] {
    const current = this.dir;
    return this.readRecent().map((r) => ({
      dir: r.dir,
      openedAt: r.openedAt,
      current: r.dir === current,
      exists: existsSync(archiveFileIn(r.dir)),
    }));
  }

  /** Drops an archive from the list (its files stay); the open one stays listed. */
  forget(dir: string): RecentArchive[] {
    const target = resolve(dir);
    if (target !== this.dir) this.writeRecent(this.readRecent().filter((r) => r.dir !== target));
    return this.recent();
  }

  /**
   * A new, empty archive in `dir` (a new folder, or an empty one, whose parent exists), then switches to it.
   * Without `dir` the host's folder picker asks; null when the person cancels it.
   */
  async create(dir?: string, callerLeases = 0): Promise<ArchiveSummary | null> {
    const chosen = dir ?? (await this.choose('create'));
    if (chosen === null) return null;
    const target = resolve(chosen);
    if (existsSync(archiveFileIn(target))) {
      throw new AppError('INVALID_REQUEST', `There is already a Tala archive in ${target}: open it instead.`);
    }
    if (existsSync(target)) {
      if (!statSync(target).isDirectory()) throw new AppError('INVALID_REQUEST', `${target} is a file, not a folder.`);
      if (readdirSync(target).length > 0) {
        throw new AppError(
          'INVALID_REQUEST',
          `The folder ${target} is not empty: choose an empty or new folder for a new archive.`,
        );
      }
    } else if (!existsSync(dirname(target))) {
      throw new AppError('NOT_FOUND', `The folder ${dirname(target)} does not exist, so ${target} cannot be made.`);
    }
    this.assertCanSwitch();
    makePrivateDir(target);
    return this.switchTo(target, callerLeases);
  }

  /**
   * Opens the archive in `dir` (or `dir` naming its archive.sqlite), then switches to it. Without `dir` the
   * host's folder picker asks; null when the person cancels it.
   */
  async open(dir?: string, callerLeases = 0): Promise<ArchiveSummary | null> {
    const chosen = dir ?? (await this.choose('open'));
    if (chosen === null) return null;
    let target = resolve(chosen);
    if (basename(target) === ARCHIVE_FILE_NAME && existsSync(target) && statSync(target).isFile()) {
      target = dirname(target);
    }
    if (!existsSync(archiveFileIn(target))) {
      throw new AppError(
        'NOT_FOUND',
        `There is no Tala archive in ${target} (no ${ARCHIVE_FILE_NAME}). To start one there, use New archive.`,
      );
    }
    return this.switchTo(target, callerLeases);
  }

  /** Switches to an archive of the recent list (the only ones a browser page may name). */
  async switchToRecent(dir: string, callerLeases = 0): Promise<ArchiveSummary> {
    const target = resolve(dir);
    if (!this.readRecent().some((r) => r.dir === target)) {
      throw new AppError(
        'FORBIDDEN',
        `${target} is not among the recent archives. Open it once with Open archive… in the desktop app, or ` +
          `start the browser version with npm run web -- --archive "${target}".`,
      );
    }
    if (target !== this.dir && !existsSync(archiveFileIn(target))) {
      throw new AppError(
        'NOT_FOUND',
        `The archive in ${target} is no longer there (moved or deleted). Remove it from the list, or open it ` +
          `where it is now.`,
      );
    }
    return this.switchTo(target, callerLeases);
  }

  /**
   * Opens `dir`, makes it the current archive, then closes the old one once its requests are done. `callerLeases`
   * (here and above): leases on the old archive held by the request asking for the switch, which must not wait
   * for itself.
   */
  async switchTo(dir: string, callerLeases = 0): Promise<ArchiveSummary> {
    const target = resolve(dir);
    if (target === this.dir) {
      this.remember(target);
      return this.archive.summary();
    }
    this.assertCanSwitch();
    this.switching = true;
    try {
      const old = this.archive;
      const oldDir = this.dir;
      let next: Archive;
      try {
        next = await this.options.open(target);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new AppError('ARCHIVE_ERROR', `${why} The archive in ${oldDir} stays open.`);
      }
      const oldJobs = this.importJobs;
      const oldDetach = this.detach;
      this.archive = next;
      this.importJobs = new ImportJobs(() => next.documents);
      this.detach = this.options.attach?.(next) ?? (async () => undefined);
      this.remember(target);
      try {
        this.options.onSwitched?.(next);
      } catch (err) {
        diagnostic(`[tala] after opening ${target}: ${(err as Error).message}`);
      }
      await this.waitForLeases(old, callerLeases);
      try {
        await oldJobs.stopAll();
        await oldDetach();
        await old.close();
      } catch (err) {
        diagnostic(`[tala] closing the archive in ${oldDir} failed: ${(err as Error).message}`);
      }
      return next.summary();
    } finally {
      this.switching = false;
    }
  }

  /** Stops what runs beside the open archive and closes it (the host is ending). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.importJobs.stopAll();
    await this.detach();
    await this.archive.close();
  }

  private assertCanSwitch(): void {
    if (this.closed) throw new AppError('ARCHIVE_ERROR', 'Tala is closing; no other archive can be opened now.');
    if (this.switching) {
      throw new AppError('INVALID_REQUEST', 'Another archive is being opened; try again when it is open.');
    }
    const importing = this.importJobs.running();
    if (importing > 0) {
      throw new AppError(
        'INVALID_REQUEST',
        `An import is still running in this archive; wait until it is done (or cancel it), then switch archives.`,
      );
    }
  }

  /** The desktop's folder picker (null: cancelled); undefined where there is none (a folder must be named). */
  async chooseFolder(purpose: FolderPurpose): Promise<string | null | undefined> {
    return this.options.chooseFolder ? this.options.chooseFolder(purpose) : undefined;
  }

  private async choose(purpose: FolderPurpose): Promise<string | null> {
    const chosen = await this.chooseFolder(purpose);
    if (chosen === undefined) {
      throw new AppError('INVALID_REQUEST', 'Name the folder of the archive (no folder picker here).');
    }
    return chosen;
  }

  private waitForLeases(archive: Archive, callerLeases: number): Promise<void> {
    const idle = () => (this.leases.get(archive) ?? 0) <= callerLeases;
    if (idle()) return Promise.resolve();
    return new Promise((done) => {
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
        done();
      };
      const check = () => void (idle() && finish());
      // A request that never ends must not keep the old archive open for ever.
      const timer = setTimeout(finish, this.options.drainMs ?? 30_000);
      this.waiters.add(check);
    });
  }

  private remember(dir: string): void {
    const now = new Date().toISOString();
    const list = [{ dir, openedAt: now }, ...this.readRecent().filter((r) => r.dir !== dir)].slice(0, MAX_RECENT);
    this.writeRecent(list);
  }

  private readRecent(): StoredRecent[] {
    const file = this.options.recentFile;
    if (!file) return this.memoryRecent;
    try {
      if (!existsSync(file)) return [];
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { archives?: unknown };
      if (!Array.isArray(parsed.archives)) return [];
      return parsed.archives.flatMap((r: unknown) => {
        const { dir, openedAt } = (r ?? {}) as Partial<StoredRecent>;
        return typeof dir === 'string' && typeof openedAt === 'string' && dir === resolve(dir)
          ? [{ dir, openedAt }]
          : [];
      });
    } catch (err) {
      diagnostic(`[tala] the recent archives list ${file} cannot be read: ${(err as Error).message}`);
      return [];
    }
  }

  private writeRecent(list: StoredRecent[]): void {
    const file = this.options.recentFile;
    if (!file) {
      this.memoryRecent = list;
      return;
    }
    try {
      makePrivateDir(dirname(file));
      const partial = `${file}.partial`;
      writePrivateFile(partial, JSON.stringify({ archives: list }, null, 2));
      renameSync(partial, file);
    } catch (err) {
      diagnostic(`[tala] the recent archives list ${file} cannot be written: ${(err as Error).message}`);
    }
  }
}

/** The recent-archives file of this computer's Tala (beside the default archive). */
export function recentFileIn(configDir: string): string {
  return join(configDir, RECENT_FILE_NAME);
}
