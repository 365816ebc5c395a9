// Entry point of the built CLI (out/main/cli.js; `npx tala …`, `npm run -s tala -- …`).
import { runCli } from './run';

// `tala list | head`: a reader that stops early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  // A live status line only on a terminal; pipes and logs get the final report alone.
  status: process.stderr.isTTY ? (text) => process.stderr.write(`\r\x1b[K${text}`) : undefined,
});
process.exitCode = code;
