// Entry of the alignment worker thread: runs the pure aligner on messages from AlignWorkerHost, so a long
// alignment never blocks the main process's event loop.
import { parentPort } from 'node:worker_threads';
import { toErrorInfo } from '../../shared/errors';
import { align } from './aligner';
import type { AlignRequest, AlignResponse } from './worker-protocol';

if (!parentPort) throw new Error('main/align/worker.ts must run in a worker thread');
const port = parentPort;

port.on('message', (message: AlignRequest) => {
  let response: AlignResponse;
  try {
    response = { id: message.id, ok: true, result: align(message.source, message.target, message.options) };
  } catch (err) {
    response = { id: message.id, ok: false, error: toErrorInfo(err) };
  }
  port.postMessage(response);
});
port.postMessage({ ready: true });
