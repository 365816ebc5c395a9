// Worker threads start with this process's flags less its loader hooks; a flag a thread refuses when given
// explicitly (a per-process one such as --max-old-space-size, which a benchmark or a user may run node with) must
// not stop the thread from starting.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWorker, withoutLoaderHooks } from '../../../main/workers/entry';
import { tempDir } from '../../helpers/temp';

const echo = join(tempDir(), 'echo-worker.mjs');
writeFileSync(
  echo,
  "import { parentPort, workerData } from 'node:worker_threads';\n" +
    'parentPort.postMessage({ got: workerData, argv: process.argv.slice(2) });\n',
);

function firstMessage(execArgv: string[] | undefined): Promise<unknown> {
  const worker = startWorker({ file: echo, argv: ['x'], execArgv }, { workerData: 42 });
  return new Promise((resolve, reject) => {
    worker.once('message', (m) => void worker.terminate().then(() => resolve(m)));
    worker.once('error', reject);
  });
}

describe('startWorker', () => {
  it('starts with flags a thread accepts', async () => {
    expect(await firstMessage(['--enable-source-maps'])).toEqual({ got: 42, argv: ['x'] });
  });

  it('starts when the flags hold one a thread refuses (it inherits the process flags instead)', async () => {
    expect(await firstMessage(['--max-old-space-size=6144'])).toEqual({ got: 42, argv: ['x'] });
    expect(await firstMessage(['--expose-gc', '--title=tala'])).toEqual({ got: 42, argv: ['x'] });
  });

  it('drops loader hooks in both spellings and keeps the other flags', () => {
    expect(
      withoutLoaderHooks(['--max-old-space-size=6144', '--import', 'tsx', '--require=x', '--enable-source-maps']),
    ).toEqual(['--max-old-space-size=6144', '--enable-source-maps']);
  });
});
