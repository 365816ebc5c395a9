// Connects every contract channel to Electron's ipcMain. Takes ipcMain as a parameter (no runtime
// `electron` import) so tests can drive it with a fake.
import { CHANNELS, IPC_PREFIX } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { dispatch, type ApiSession } from '../api/dispatch';
import type { PathGrants } from '../api/path-grants';
import { GRANT_CHANNEL } from '../../shared/local-paths';
import type { FrameLike } from './security-policy';

/** The part of an IpcMainInvokeEvent we rely on. */
export interface IpcInvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

/** The part of Electron's ipcMain we rely on. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Request refused: it did not come from the Tala window.' },
};

/** Registers one `tala:<channel>` handler per channel; returns a function that removes them again. */
export function registerIpc(
  ipcMain: IpcMainLike,
  api: ApiSession,
  isTrustedSender: (frame: FrameLike | null) => boolean,
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, async (event, payload) => {
      if (!isTrustedSender(event.senderFrame)) {
        console.warn(`[tala] refused ${channel} from untrusted frame ${describeFrame(event.senderFrame)}`);
        return FORBIDDEN;
      }
      return dispatch(api, channel, payload);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(IPC_PREFIX + channel);
  };
}

function describeFrame(frame: FrameLike | null): string {
  try {
    return frame ? JSON.stringify(frame.url.slice(0, 200)) : '(none)';
  } catch {
    return '(disposed)';
  }
}

/** The part of an IpcMainEvent (ipcRenderer.sendSync) we rely on. */
export interface IpcSyncEventLike {
  readonly senderFrame: FrameLike | null;
  returnValue: unknown;
}

/** The part of Electron's ipcMain that takes the preload's synchronous messages. */
export interface IpcMainEventsLike {
  on(channel: string, listener: (event: IpcSyncEventLike, ...args: unknown[]) => void): void;
  removeListener(channel: string, listener: (event: IpcSyncEventLike, ...args: unknown[]) => void): void;
}

/**
 * Takes the preload's reports of files and folders the person gave the window (a pick, a drop) into `grants`;
 * from any other frame nothing is granted. Returns a function that stops listening.
 */
export function registerGrants(
  ipcMain: IpcMainEventsLike,
  grants: PathGrants,
  isTrustedSender: (frame: FrameLike | null) => boolean,
): () => void {
  const listener = (event: IpcSyncEventLike, paths: unknown) => {
    const trusted = isTrustedSender(event.senderFrame);
    if (trusted && Array.isArray(paths))
      for (const p of paths.slice(0, 2)) if (typeof p === 'string' && p.length <= 4096) grants.grant(p);
    event.returnValue = trusted;
  };
  ipcMain.on(GRANT_CHANNEL, listener);
  return () => ipcMain.removeListener(GRANT_CHANNEL, listener);
}
