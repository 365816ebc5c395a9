// Sandboxed preload (bundled to out/preload/preload.cjs): exposes one narrow function, never ipcRenderer
// itself, so page scripts can reach only the contract channels (plus the path of a dropped file, for folder import).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { COMMAND_CHANNEL, isCommandId } from '../../shared/commands';
import { IPC_PREFIX, isChannel, type IpcBridge } from '../../shared/contract';
import { GRANT_CHANNEL, pickedFolderPath } from '../../shared/local-paths';
import type { Result } from '../../shared/errors';

const bridge: IpcBridge = {
  invoke(channel, request): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      const name = String(channel).slice(0, 80);
      return Promise.resolve({ ok: false, error: { code: 'INVALID_REQUEST', message: `Unknown request: ${name}` } });
    }
    return ipcRenderer.invoke(IPC_PREFIX + channel, request) as Promise<Result<unknown>>;
  },
  // Only a File object the page already holds (from a drop or a file input) yields a path. The main process
  // learns that the person gave the window this file (and the folder it was picked in): requests over IPC may
  // name only such paths (main/api/path-grants.ts), so a compromised page cannot make up its own.
  pathForFile(file): string {
    let path: string;
    try {
      path = webUtils.getPathForFile(file as File);
    } catch {
      return '';
    }
    if (!path) return '';
    const relative = typeof (file as File).webkitRelativePath === 'string' ? (file as File).webkitRelativePath : '';
    const folder = relative ? pickedFolderPath(path, relative)?.folder : undefined;
    try {
      // Not taken (another frame, a closing window): the page uploads the file instead.
      return ipcRenderer.sendSync(GRANT_CHANNEL, folder ? [path, folder] : [path]) === true ? path : '';
    } catch {
      return '';
    }
  },
  // Menu commands: only known ids reach the page, and the page never sees the IPC event object.
  onCommand(listener) {
    const handler = (_event: unknown, id: unknown) => {
      if (isCommandId(id)) listener(id);
    };
    ipcRenderer.on(COMMAND_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(COMMAND_CHANNEL, handler);
  },
};

if (process.contextIsolated) {
  contextBridge.exposeInMainWorld('talaIpc', bridge);
} else {
  // Without isolation the page would share our globals; refuse rather than leak ipcRenderer.
  console.error('[tala] context isolation is off: the archive bridge is not exposed');
}
