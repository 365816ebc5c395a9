// What `npm run web` runs beside the bridge: the archive, the scheduled backups and, when the archive belongs
// to a team, the background sync; all stopped, in order, by close().
import { createApi } from '../api/dispatch';
import type { Archive } from '../archive/archive';
import { openArchiveDir } from '../archive/open-default';
import { startMaintenance } from '../backups/schedule';
import { startTeamSync, type TeamSyncHandle, type TeamSyncOptions } from '../team/background';
import { startBridge, type Bridge } from './bridge';

export interface WebHostOptions {
  archiveDir: string;
  rendererDir: string;
  port?: number;
  /** Seed an empty archive with the sample documents from this folder. */
  samplesDir?: string;
  /** Timings of the background team sync (tests shorten them). */
  teamSync?: TeamSyncOptions;
}

export interface WebHost {
  archive: Archive;
  bridge: Bridge;
  teamSync: TeamSyncHandle;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const archive = await openArchiveDir(options.archiveDir, {
    seedSamples: options.samplesDir !== undefined,
    ...(options.samplesDir ? { samplesDir: options.samplesDir } : {}),
  });
  let bridge: Bridge;
  try {
    bridge = await startBridge({
      api: createApi(archive, 'bridge'),
      rendererDir: options.rendererDir,
      port: options.port,
    });
  } catch (err) {
    await archive.close();
    throw err;
  }
  const maintenance = startMaintenance(archive.backups);
  const teamSync = startTeamSync(archive.team, options.teamSync);
  return {
    archive,
    bridge,
    teamSync,
    async close() {
      maintenance.stop();
      await teamSync.stop();
      await bridge.close();
      await archive.close();
    },
  };
}
