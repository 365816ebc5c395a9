// Electron's ipcMain as registerIpc sees it, for tests: handlers by channel, and invoke() as a renderer would.
import type { IpcInvokeEventLike, IpcMainLike } from '../../main/electron/ipc';
import type { FrameLike } from '../../main/electron/security-policy';
import type { Result } from '../../shared/errors';

/** A top-level frame; registerIpc's sender check decides whether it is trusted. */
const DEFAULT_FRAME: FrameLike = { url: 'app://tala/index.html', parent: null };

type Listener = Parameters<IpcMainLike['handle']>[1];

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handleCalls = 0;
  constructor(private readonly defaultFrame: FrameLike | null = DEFAULT_FRAME) {}
  handle(channel: string, listener: Listener): void {
    this.handleCalls++;
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`); // as Electron does
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke(name, payload) would get back from the given frame. */
  async invoke(name: string, payload: unknown, frame: FrameLike | null = this.defaultFrame): Promise<Result<unknown>> {
    const listener = this.handlers.get(name);
    if (!listener) throw new Error(`No handler registered for '${name}'`);
    const event: IpcInvokeEventLike = { senderFrame: frame };
    return (await listener(event, payload)) as Result<unknown>;
  }
}
