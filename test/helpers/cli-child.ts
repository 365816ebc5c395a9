// `tala ARGS` in a process of its own (for tests that run it as another OS user): prints what the CLI prints
// and exits with its code.
import { runCli } from '../../main/cli/run';

const code = await runCli(process.argv.slice(2), {
  out: (t) => void process.stdout.write(`${t}\n`),
  err: (t) => void process.stderr.write(`${t}\n`),
});
process.exitCode = code;
