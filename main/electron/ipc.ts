// Connects every contract channel to Electron's ipcMain. Takes ipcMain as a parameter (no runtime
// `electron` import) so tests can drive it with a fake.
import { CHANNELS, IPC_PREFIX } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { dispatch, type ApiSession } from '../api/dispatch';
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
