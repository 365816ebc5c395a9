// Entry of the search worker thread: one SearchEngine on its own SQLite connections, driven by messages
// from SearchWorkerHost. Heavy work (query execution, catch-up, reindex) never runs on the main thread.
// A thread outlives its archive: after `close` it waits for the next `open` (SearchWorkerHost keeps one such
// thread, so the next archive's search does not wait for a thread to start and load its code).
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorInfo } from '../../shared/errors';
import { SearchEngine, type SearchEngineOptions } from './engine';
import type { HostMessage, WorkerMessage } from './worker-protocol';

if (!parentPort) throw new Error('search-worker.ts must run in a worker thread');
const port = parentPort;
const post = (message: WorkerMessage) => port.postMessage(message);

type Target = { path: string; options?: SearchEngineOptions };

/** The next `open` message (listened for before the previous archive's close is answered, so none is missed). */
const nextOpen = () =>
  new Promise<Target>((resolve) => port.once('message', (message: { method: 'open' } & Target) => resolve(message)));

// A thread started before its archive was ready (SearchWorkerHost.early, .prestart) has loaded its code meanwhile;
// its first message names the file to open.
const given = workerData as Partial<Target> | null;
let target: Target = given?.path !== undefined ? (given as Target) : await nextOpen();

for (;;) target = await serve(target);

/** Opens the target's archive and answers its messages until `close`; then the next archive to open. */
async function serve({ path, options }: Target): Promise<Target> {
  let engine: SearchEngine;
  try {
    engine = await SearchEngine.open(path, options);
    post({ type: 'ready' });
  } catch (err) {
    post({ type: 'failed', error: toErrorInfo(err) });
    throw err;
  }
  return new Promise<Target>((resolve) => {
    const onMessage = (message: HostMessage) => void handle(message);
    port.on('message', onMessage);
    async function handle(message: HostMessage): Promise<void> {
      const { id } = message;
      try {
        let value: unknown;
        if (message.method === 'search') value = await engine.search(message.request);
        else if (message.method === 'status') value = await engine.status();
        else if (message.method === 'reindex')
          value = await engine.reindex((progress) => post({ type: 'progress', id, progress }));
        else {
          await engine.close();
          port.off('message', onMessage);
          resolve(nextOpen());
          value = null;
        }
        post({ type: 'result', id, ok: true, value });
      } catch (err) {
        post({ type: 'result', id, ok: false, error: toErrorInfo(err) });
      }
    }
  });
}
