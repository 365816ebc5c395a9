// Entry of the search worker thread: one SearchEngine on its own SQLite connections, driven by messages
// from SearchWorkerHost. Heavy work (query execution, catch-up, reindex) never runs on the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorInfo } from '../../shared/errors';
import { SearchEngine, type SearchEngineOptions } from './engine';
import type { HostMessage, WorkerMessage } from './worker-protocol';

if (!parentPort) throw new Error('search-worker.ts must run in a worker thread');
const port = parentPort;
const post = (message: WorkerMessage) => port.postMessage(message);

type Target = { path: string; options?: SearchEngineOptions };

// A thread started before its archive was ready (SearchWorkerHost.early) has loaded its code meanwhile; its first
// message names the file to open.
const given = workerData as Partial<Target> | null;
const target: Target =
  given?.path !== undefined
    ? (given as Target)
    : await new Promise<Target>((resolve) =>
        port.once('message', (message: { method: 'open' } & Target) => resolve(message)),
      );

let engine: SearchEngine;
try {
  engine = await SearchEngine.open(target.path, target.options);
  post({ type: 'ready' });
} catch (err) {
  post({ type: 'failed', error: toErrorInfo(err) });
  throw err;
}

port.on('message', (message: HostMessage) => {
  void handle(message);
});

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
      value = null;
    }
    post({ type: 'result', id, ok: true, value });
    if (message.method === 'close') port.close();
  } catch (err) {
    post({ type: 'result', id, ok: false, error: toErrorInfo(err) });
  }
}
