// Entry of the parse worker thread: untrusted bytes in, a ParsedDocument (or the refusal) out. Parsing
// a 100 MB PDF, a hostile zip or a pathological web page happens here, never on the main thread; if it
// hangs or runs out of memory, the host terminates this thread and starts a fresh one.
import { parentPort } from 'node:worker_threads';
import { toErrorInfo } from '../../shared/errors';
import { passagesFingerprint } from '../library/minhash';
import { packAnalysis } from '../search/analysis-wire';
import { deflateSmall } from './deflate-original';
import { parseDocument } from './index';
import { packParsed } from './parsed-wire';
import { prepareLanguageModels } from './trigram-rank';
import type { LaterMessage, ParseRequest, ParseResponse } from './parser';

if (!parentPort) throw new Error('parse-worker.ts must run in a worker thread');
const port = parentPort;

/** A file came: the warm-up (below) stops, its work is no longer ahead of a file. */
let fileCame = false;

/** The files in hand, one after another: the next file may come while one is parsed (WORKER_DEPTH in parser.ts). */
let turn: Promise<void> = Promise.resolve();

port.on('message', (message: ParseRequest) => {
  fileCame = true;
  turn = turn.then(() => handle(message));
});

async function handle(message: ParseRequest): Promise<void> {
  const { id } = message;
  let parsed: Awaited<ReturnType<typeof parseDocument>>;
  try {
    parsed = await parseDocument(message.input);
  } catch (err) {
    port.postMessage({ id, ok: false, error: toErrorInfo(err) } satisfies ParseResponse);
    return;
  }
  // The document first: the main thread lays it out and writes its rows while this thread makes the search
  // analysis (the commit indexes with it), then the near-duplicate fingerprint, which the commit checks last (a
  // file that acts on its near-duplicates, skip or keep as a version, waits for it before its rows). Every parsed
  // file gets both messages, `failed` when one could not be made.
  // A small original's deflate as the archive stores it, made here rather than on the main thread, which writes the
  // commits (2,000 small files: ~0.4 s of its time). Left to the main thread if it fails here.
  let deflated: Uint8Array | null | undefined;
  try {
    deflated = deflateSmall(message.input.bytes);
  } catch {
    deflated = undefined;
  }
  port.postMessage(
    { id, ok: true, value: packParsed(parsed), deflated } satisfies ParseResponse,
    deflated ? [deflated.buffer as ArrayBuffer] : [],
  );
  try {
    const { analyzeForIndex } = await analysisModule;
    const texts = parsed.passages.map((p) => p.text);
    const analysis = packAnalysis(analyzeForIndex(parsed.lang, parsed.title, texts));
    port.postMessage({ id, analysis } satisfies LaterMessage);
  } catch {
    port.postMessage({ id, analysis: null, failed: true } satisfies LaterMessage);
  }
  try {
    port.postMessage({ id, print: passagesFingerprint(parsed.passages) } satisfies LaterMessage);
  } catch {
    port.postMessage({ id, print: null, failed: true } satisfies LaterMessage);
  }
}
port.postMessage({ ready: true });
// The search pipelines load while the thread waits for its first file.
const analysisModule = import('../search/index-analysis');
analysisModule.catch(() => undefined);
setImmediate(() => void warmUp());

/**
 * While the thread waits for its first file (a CLI import starts it before the archive is open), one short text of each
 * of the archive's sample languages goes through what a file goes through: the language models are inverted, ICU's
 * sentence rules loaded, the search pipelines made and the hot functions compiled before the first file needs them
 * (~0.1 s of a first file's parse, most of one long file's). Only caches fill (each gives what it would have made
 * for the file itself); a step at a time, and none once a file came.
 */
async function warmUp(): Promise<void> {
  const step = () => new Promise<boolean>((resolve) => setImmediate(() => resolve(!fileCame)));
  try {
    // The Latin language models inverted first: a file that comes before this is scored without them (trigram-rank.ts).
    if (!(await step())) return;
    prepareLanguageModels();
    const { analyzeForIndex } = await analysisModule;
    for (const text of WARM_UP_TEXTS) {
      if (!(await step())) return;
      const parsed = await parseDocument({ name: 'warm-up.txt', bytes: new TextEncoder().encode(text) });
      if (!(await step())) return;
      passagesFingerprint(parsed.passages);
      if (!(await step())) return;
      analyzeForIndex(
        parsed.lang,
        parsed.title,
        parsed.passages.map((p) => p.text),
      );
    }
  } catch {
    // A warm-up that fails costs nothing but the time: the first file does it instead.
  }
}

const WARM_UP_TEXTS = [
  'Ulat ng lungsod\n\nAng mga residente ng bayan ay nagtipon noong Lunes upang pag-usapan ang bagong tulay. ' +
    'Sinabi ng alkalde na matatapos ito sa susunod na taon. Hindi pa alam kung magkano ang gagastusin.',
  'City report\n\nResidents of the town met on Monday to discuss the new bridge. The mayor said it would be ' +
    'finished next year. Dr. Cruz asked how much it would cost; nobody knew yet.',
];
