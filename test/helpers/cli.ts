// Runs the CLI in this process, capturing what it prints.
import { runCli } from '../../main/cli/run';

export async function tala(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) });
  return { code, out, err };
}
