// What `npm run web` runs beside the bridge: the archive (switchable among the recent archives, main/archive/
// workspace.ts), its scheduled backups and, when it belongs to a team, the background sync; whatever runs beside
// an archive stops before it closes, at a switch or at close().
import { createApi } from '../api/dispatch';
import type { Archive } from '../archive/archive';
import { existsSync } from 'node:fs';
import { openArchiveDir, seedSamples } from '../archive/open-default';
import { archiveFileIn } from '../archive/paths';
import { Workspace } from '../archive/workspace';
import { startMaintenance } from '../backups/schedule';
import { startTeamSync, type TeamSyncHandle, type TeamSyncOptions } from '../team/background';
import { startBridge, type Bridge } from './bridge';

export interface WebHostOptions {
  archiveDir: string;
  rendererDir: string;
  port?: number;
  /**
   * Seed a new archive with the sample documents from this folder (the first archive only). They are imported
   * while the page is already served: API calls wait for them (`samplesImported`), the page and its scripts do not.
   */
  samplesDir?: string;
  /** Timings of the background team sync (tests shorten them). */
  teamSync?: TeamSyncOptions;
  /** The recent-archives file (the only archives the page may switch to); none: this run's archives only. */
  recentFile?: string;
}

export interface WebHost {
  /** The archive open now. */
  readonly archive: Archive;
  readonly workspace: Workspace;
  bridge: Bridge;
  /** The open archive's background sync. */
  readonly teamSync: TeamSyncHandle;
  /** Settles once the sample documents of a new archive are imported (at once when there are none to import). */
  readonly samplesImported: Promise<void>;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const isNew = !existsSync(archiveFileIn(options.archiveDir));
  // The search worker starts while the archive opens: the page searches soon after (ArchiveOpenOptions.startSearch).
  const archive = await openArchiveDir(options.archiveDir, { startSearch: true });
  let teamSync!: TeamSyncHandle;
  const workspace = new Workspace(archive, {
    open: (dir) => openArchiveDir(dir, { startSearch: true }),
    recentFile: options.recentFile,
    attach: (opened) => {
      const maintenance = startMaintenance(opened.backups);
      const sync = startTeamSync(opened.team, options.teamSync);
      teamSync = sync;
      return async () => {
        maintenance.stop();
        await sync.stop();
      };
    },
  });
  // The first start serves the page at once and imports the samples beside it (~0.3–1 s through the parse
  // worker), under a lease (a switch of archive waits for them); the page's API calls wait for them, so it shows
  // them, never an empty archive first.
  const seeding = isNew && options.samplesDir !== undefined ? workspace.lease() : undefined;
  const samplesImported = seeding
    ? seedSamples(seeding.archive, options.samplesDir!)
        .catch((err: unknown) =>
          console.error(
            '[tala:web] the sample documents could not be imported:',
            err instanceof Error ? err.message : String(err),
          ),
        )
        .finally(() => seeding.release())
    : Promise.resolve();
  let bridge: Bridge;
  try {
    bridge = await startBridge({
      api: createApi(workspace, 'bridge'),
      rendererDir: options.rendererDir,
      port: options.port,
      ready: samplesImported,
    });
  } catch (err) {
    await samplesImported;
    await workspace.close();
    throw err;
  }
  return {
    get archive() {
      return workspace.current;
    },
    workspace,
    bridge,
    get teamSync() {
      return teamSync;
    },
    samplesImported,
    async close() {
      await samplesImported; // the archive stays open until its samples are in
      await bridge.close();
      await workspace.close();
    },
  };
}
