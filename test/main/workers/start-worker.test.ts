// Worker threads start with this process's flags less its loader hooks; a flag a thread refuses when given
// explicitly (a per-process one such as --max-old-space-size, which a benchmark or a user may run node with) must
// not stop the thread from starting.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusedFlags, startWorker, withoutLoaderHooks } from '../../../main/workers/entry';
import { tempDir } from '../../helpers/temp';

const echo = join(tempDir(), 'echo-worker.mjs');
writeFileSync(
  echo,
  "import { parentPort, workerData } from 'node:worker_threads';\n" +
    'parentPort.postMessage({ got: workerData, argv: process.argv.slice(2), flags: process.execArgv });\n',
);

function firstMessage(execArgv: string[] | undefined): Promise<{ got: unknown; argv: string[]; flags: string[] }> {
  const worker = startWorker({ file: echo, argv: ['x'], execArgv }, { workerData: 42 });
  return new Promise((resolve, reject) => {
    worker.once('message', (m) => void worker.terminate().then(() => resolve(m)));
    worker.once('error', reject);
  });
}

describe('startWorker', () => {
  it('starts with flags a thread accepts', async () => {
    expect(await firstMessage(['--enable-source-maps'])).toEqual({
      got: 42,
      argv: ['x'],
      flags: ['--enable-source-maps'],
    });
  });

  it('starts without the flags a thread refuses and keeps the others (not the process flags)', async () => {
    // The process-wide flags hold for the thread all the same; inheriting this process's flags instead would
    // bring its loader hooks (vitest's, or `--import tsx` in a benchmark) into the thread.
    expect(await firstMessage(['--max-old-space-size=6144', '--enable-source-maps'])).toEqual({
      got: 42,
      argv: ['x'],
      flags: ['--enable-source-maps'],
    });
    expect(await firstMessage(['--expose-gc', '--title=tala'])).toEqual({ got: 42, argv: ['x'], flags: [] });
  });

  it("reads the refused flags from Node's message", () => {
    const message = 'Initiated Worker with invalid execArgv flags: --max-old-space-size=6144, --expose-gc';
    expect([...refusedFlags(message)]).toEqual(['--max-old-space-size=6144', '--expose-gc']);
    expect(refusedFlags('something else').size).toBe(0);
  });

  it('drops loader hooks in both spellings and keeps the other flags', () => {
    expect(
      withoutLoaderHooks(['--max-old-space-size=6144', '--import', 'tsx', '--require=x', '--enable-source-maps']),
    ).toEqual(['--max-old-space-size=6144', '--enable-source-maps']);
  });
});
