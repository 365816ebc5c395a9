// Entry of the parse worker thread: untrusted bytes in, a ParsedDocument (or the refusal) out. Parsing
// a 100 MB PDF, a hostile zip or a pathological web page happens here, never on the main thread; if it
// hangs or runs out of memory, the host terminates this thread and starts a fresh one.
import { parentPort } from 'node:worker_threads';
import { toErrorInfo } from '../../shared/errors';
import { passagesFingerprint } from '../library/minhash';
import { parseDocument } from './index';
import type { ParseRequest, ParseResponse } from './parser';

if (!parentPort) throw new Error('parse-worker.ts must run in a worker thread');
const port = parentPort;

port.on('message', (message: ParseRequest) => {
  void (async () => {
    let response: ParseResponse;
    try {
      const parsed = await parseDocument(message.input);
      // The near-duplicate fingerprint too: this thread is otherwise idle while the main thread writes.
      response = { id: message.id, ok: true, value: { ...parsed, print: passagesFingerprint(parsed.passages) } };
    } catch (err) {
      response = { id: message.id, ok: false, error: toErrorInfo(err) };
    }
    port.postMessage(response);
  })();
});
port.postMessage({ ready: true });
