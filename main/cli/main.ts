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
// A first file parsed ahead that the import never took (already in the archive, a refused import): its parse is
// stopped rather than waited for (import-ahead.ts).
if (at >= 0 && argv[at] === 'import') {
  const parser = (await import('../ingest/parser')).sharedWorkerParser();
  if (parser.aheadUntaken?.()) await parser.close();
}
