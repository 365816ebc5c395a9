// What `npm run web` runs beside the bridge: the archive (switchable among the recent archives, main/archive/
// workspace.ts), its scheduled backups and, when it belongs to a team, the background sync; whatever runs beside
// an archive stops before it closes, at a switch or at close().
import { createApi } from '../api/dispatch';
import type { Archive } from '../archive/archive';
import { openArchiveDir } from '../archive/open-default';
import { Workspace } from '../archive/workspace';
import { startMaintenance } from '../backups/schedule';
import { startTeamSync, type TeamSyncHandle, type TeamSyncOptions } from '../team/background';
import { startBridge, type Bridge } from './bridge';

export interface WebHostOptions {
  archiveDir: string;
  rendererDir: string;
  port?: number;
  /** Seed an empty archive with the sample documents from this folder (the first archive only). */
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
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const archive = await openArchiveDir(options.archiveDir, {
    seedSamples: options.samplesDir !== undefined,
    ...(options.samplesDir ? { samplesDir: options.samplesDir } : {}),
  });
  let teamSync!: TeamSyncHandle;
  const workspace = new Workspace(archive, {
    open: (dir) => openArchiveDir(dir),
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
  let bridge: Bridge;
  try {
    bridge = await startBridge({
      api: createApi(workspace, 'bridge'),
      rendererDir: options.rendererDir,
      port: options.port,
    });
  } catch (err) {
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
    async close() {
      await bridge.close();
      await workspace.close();
    },
  };
}
