// Entry of the parse worker thread: untrusted bytes in, a ParsedDocument (or the refusal) out. Parsing
// a 100 MB PDF, a hostile zip or a pathological web page happens here, never on the main thread; if it
// hangs or runs out of memory, the host terminates this thread and starts a fresh one.
import { parentPort } from 'node:worker_threads';
import { toErrorInfo } from '../../shared/errors';
import { passagesFingerprint } from '../library/minhash';
import { packAnalysis } from '../search/analysis-wire';
import { parseDocument } from './index';
import type { LaterMessage, ParseRequest, ParseResponse } from './parser';

if (!parentPort) throw new Error('parse-worker.ts must run in a worker thread');
const port = parentPort;

port.on('message', (message: ParseRequest) => {
  void (async () => {
    const { id } = message;
    let parsed: Awaited<ReturnType<typeof parseDocument>>;
    try {
      parsed = await parseDocument(message.input);
    } catch (err) {
      port.postMessage({ id, ok: false, error: toErrorInfo(err) } satisfies ParseResponse);
      return;
    }
    // The document first: the main thread lays it out while this thread computes what its write needs next, the
    // near-duplicate fingerprint (checked before the rows go in), then the search analysis (written last in the
    // commit). Every parsed file gets both messages, `failed` when one could not be made.
    port.postMessage({ id, ok: true, value: parsed } satisfies ParseResponse);
    try {
      port.postMessage({ id, print: passagesFingerprint(parsed.passages) } satisfies LaterMessage);
    } catch {
      port.postMessage({ id, print: null, failed: true } satisfies LaterMessage);
    }
    try {
      const { analyzeForIndex } = await analysisModule;
      const texts = parsed.passages.map((p) => p.text);
      const analysis = packAnalysis(analyzeForIndex(parsed.lang, parsed.title, texts));
      port.postMessage({ id, analysis } satisfies LaterMessage);
    } catch {
      port.postMessage({ id, analysis: null, failed: true } satisfies LaterMessage);
    }
  })();
});
port.postMessage({ ready: true });
// The search pipelines load while the thread waits for its first file.
const analysisModule = import('../search/index-analysis');
analysisModule.catch(() => undefined);
