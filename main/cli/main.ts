// Entry point of the built CLI (out/main/cli.js; `npx tala …`, `npm run -s tala -- …`).
import { commandWordAt } from './command-word';

// `tala import …`: the parse worker starts first, so that its start (Node's internals for a thread, then its own
// modules: ~0.2–0.3 s) runs on another core while this thread loads the rest of the CLI and opens the archive; it
// used to start only once those had loaded. (runCli asks for it too: the same shared worker, started once.)
// The parser's module (small) loads first: loaded beside the CLI's, its reads would wait among theirs.
const argv = process.argv.slice(2);
const at = commandWordAt(argv);
if (at >= 0 && argv[at] === 'import' && !argv.includes('--help')) {
  try {
    (await import('../ingest/parser')).sharedWorkerParser().warm?.();
  } catch {
    // Only the early start failed: the import starts the worker itself and reports what stops it, as before.
  }
}
const { runCli } = await import('./run');

// `tala list | head`: a reader that stops early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const code = await runCli(argv, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  // A live status line only on a terminal; pipes and logs get the final report alone.
  status: process.stderr.isTTY ? (text) => process.stderr.write(`\r\x1b[K${text}`) : undefined,
});
process.exitCode = code;
// `tala import` is over (the archive closed, its report written): the parse worker is stopped (also one still parsing
// a first file parsed ahead that the import never took: already in the archive, a refused import; import-ahead.ts),
// and the process ends once its output is out, instead of when Node has torn down every heap and thread of the run
// (after a 2 MB file's import, from the end of the command to the end of the process: median 117 ms, 68–244, load ~5;
// 96 ms, 73–143, this way).
if (at >= 0 && argv[at] === 'import') {
  await (await import('../ingest/parser')).sharedWorkerParser().close();
  await Promise.all([written(process.stdout), written(process.stderr)]);
  process.exit(code);
}

/** Resolves once everything written to `stream` so far has been handed to the system. */
function written(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
