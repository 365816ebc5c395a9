// `npm run web`: opens the archive and serves the app to a local browser through the bridge.
//   node out/main/web.js [--archive DIR] [--port N] [--no-open]   (built by electron-vite; from the sources:
//   tsx main/web/cli.ts …)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { configDir, defaultArchiveDir } from '../archive/paths';
import { recentFileIn } from '../archive/workspace';
import { startWebHost } from './host';

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
    if (!/^\d+$/.test(values.port) || port < 1 || port > 65535)
      throw new Error(`--port must be a number between 1 and 65535, got "${values.port}".`);
  }
  return { archiveDir: resolve(values.archive ?? defaultArchiveDir()), port, open: !values['no-open'] };
}

/**
 * Opens the sign-in address through an owner-only file that redirects to it (as Jupyter does): a browser's
 * command line is visible to every local user, the token must not be on it.
 */
function openInBrowser(url: string): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'tala-open-')); // 0700
  const page = join(folder, 'open-tala.html');
  const target = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  writeFileSync(page, `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${target}">`, {
    mode: 0o600,
  });
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const cleanUp = () => rmSync(folder, { recursive: true, force: true });
  try {
    const child = spawn(command, [pathToFileURL(page).href], { detached: true, stdio: 'ignore' });
    child.on('error', () => console.log(`(Could not open a browser automatically; open the address above.)`));
    child.unref();
  } catch {
    /* no browser launcher: the printed address is enough */
  }
  return cleanUp;
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

  const host = await startWebHost({
    archiveDir: options.archiveDir,
    rendererDir,
    port: options.port,
    samplesDir: resolve('resources/samples'),
    // The archives opened here and in the desktop app: the page may switch among these (and no others).
    recentFile: recentFileIn(configDir()),
  });
  const { archive, bridge } = host; // the first archive: the page may switch to another later
  archive
    .integrityChecked()
    .catch((err: unknown) =>
      console.error(
        `\n${err instanceof Error ? err.message : String(err)}\nChanges are refused until a backup is restored.`,
      ),
    );
  console.log(`Archive: ${archive.path}`);
  // The token is in this address only: the browser trades it for a session cookie and drops it from the URL.
  console.log(`Tala is running at ${bridge.loginUrl}`);
  console.log('Press Ctrl+C to stop.');
  const removeOpener = options.open ? openInBrowser(bridge.loginUrl) : () => undefined;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing Tala…`);
    try {
      removeOpener();
      await host.close();
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
