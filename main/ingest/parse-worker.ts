// Entry of the parse worker thread: untrusted bytes in, a ParsedDocument (or the refusal) out. Parsing
// a 100 MB PDF, a hostile zip or a pathological web page happens here, never on the main thread; if it
// hangs or runs out of memory, the host terminates this thread and starts a fresh one.
import { parentPort } from 'node:worker_threads';
import { toErrorInfo } from '../../shared/errors';
import { passagesFingerprint } from '../library/minhash';
import { parseDocument } from './index';
import type { AnalysisMessage, ParseRequest, ParseResponse } from './parser';

if (!parentPort) throw new Error('parse-worker.ts must run in a worker thread');
const port = parentPort;

port.on('message', (message: ParseRequest) => {
  void (async () => {
    let response: ParseResponse;
    let parsed: Awaited<ReturnType<typeof parseDocument>> | undefined;
    try {
      parsed = await parseDocument(message.input);
      // The near-duplicate fingerprint too: this thread is otherwise idle while the main thread writes.
      response = { id: message.id, ok: true, value: { ...parsed, print: passagesFingerprint(parsed.passages) } };
    } catch (err) {
      response = { id: message.id, ok: false, error: toErrorInfo(err) };
    }
    port.postMessage(response);
    if (!parsed) return;
    // Then the search analysis, while the main thread checks and writes the file's rows (the index is written
    // last in its commit); every parsed file gets this second message, null when the analysis failed.
    let analysis: AnalysisMessage['analysis'];
    try {
      const { analyzeForIndex } = await analysisModule;
      analysis = analyzeForIndex(
        parsed.lang,
        parsed.title,
        parsed.passages.map((p) => p.text),
      );
    } catch {
      analysis = null; // the indexer analyses the file itself
    }
    port.postMessage({ id: message.id, analysis } satisfies AnalysisMessage);
  })();
});
port.postMessage({ ready: true });
// The search pipelines load while the thread waits for its first file.
const analysisModule = import('../search/index-analysis');
analysisModule.catch(() => undefined);
