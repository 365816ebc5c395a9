// `npm run web`: opens the archive and serves the app to a local browser through the bridge.
//   tsx main/web/cli.ts [--archive DIR] [--port N] [--no-open]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createApi } from '../api/dispatch';
import { startMaintenance } from '../backups/schedule';
import { openArchiveDir } from '../archive/open-default';
import { defaultArchiveDir } from '../archive/paths';
import { startBridge } from './bridge';

const USAGE = `Usage: npm run web -- [--archive DIR] [--port N] [--no-open]

  --archive DIR   archive folder (default: ${defaultArchiveDir()})
  --port N        port on 127.0.0.1 (default: a free port)
  --no-open       do not open the browser
`;

interface CliOptions {
  archiveDir: string;
  port: number;
  open: boolean;
}

function parseCliArgs(argv: string[]): CliOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      archive: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port < 1 || port > 65535) throw new Error(`--port must be a number between 1 and 65535, got "${values.port}".`);
  }
  return { archiveDir: resolve(values.archive ?? defaultArchiveDir()), port, open: !values['no-open'] };
}

function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => console.log(`(Could not open a browser automatically; open the address above.)`));
    child.unref();
  } catch {
    /* no browser launcher: the printed address is enough */
  }
}

async function main(): Promise<void> {
  let options: CliOptions | 'help';
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }

  const rendererDir = resolve('out/renderer');
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    console.error('The renderer is not built: run `npx electron-vite build` (or `npm run web`, which builds first).');
    process.exitCode = 1;
    return;
  }

  const archive = await openArchiveDir(options.archiveDir, { seedSamples: true, samplesDir: resolve('resources/samples') });
  let bridge;
  try {
    bridge = await startBridge({ api: createApi(archive, 'bridge'), rendererDir, port: options.port });
  } catch (err) {
    await archive.close();
    throw err;
  }
  const maintenance = startMaintenance(archive.backups);
  archive.integrityChecked().catch((err: unknown) => console.error(`\n${err instanceof Error ? err.message : String(err)}\nChanges are refused until a backup is restored.`));
  console.log(`Archive: ${archive.path}`);
  console.log(`Tala is running at ${bridge.url}`);
  console.log('Press Ctrl+C to stop.');
  if (options.open) openInBrowser(bridge.url);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing Tala…`);
    try {
      maintenance.stop();
      await bridge.close();
      await archive.close();
    } catch (err) {
      console.error('Error while closing:', err);
      process.exitCode = 1;
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`Tala could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
