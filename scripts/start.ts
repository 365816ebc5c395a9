// `npm start` (built with the app into out/main/start.js, run by plain node): the desktop app when an Electron binary
// can run here; otherwise one line saying why and the browser mode (`npm run web`, out/main/web.js) on the same
// archive (both default to the same folder; --archive is passed on).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findDisplay, findElectronBinary } from './electron-binary';

function run(command: string, args: string[]): void {
  const child = spawn(command, args, { stdio: 'inherit' });
  // Ctrl+C or a stop request ends the app too, not only this launcher.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (err) => {
    console.error(`Could not start ${command}: ${err.message}`);
    process.exit(1);
  });
}

const args = process.argv.slice(2);
const electron = findElectronBinary();
const display = findDisplay();
if (electron.ok && display.ok) {
  const [wrapper, ...wrapperArgs] = display.wrapper;
  if (wrapper) run(wrapper, [...wrapperArgs, electron.path, '.', ...args]);
  else run(electron.path, ['.', ...args]);
} else {
  const reason = electron.ok ? (display as { reason: string }).reason : electron.reason;
  console.log(
    `Tala: no Electron window on this machine (${reason}); starting the browser mode on the same archive instead.`,
  );
  // Built (out/main/start.js, what `npm start` runs): the built browser host beside it, plain JavaScript; run from
  // the sources through tsx: the host's sources the same way.
  const fromSources = import.meta.url.endsWith('.ts');
  if (fromSources) run(process.execPath, ['--import', 'tsx', 'main/web/cli.ts', ...args]);
  else run(process.execPath, [fileURLToPath(new URL('./web.js', import.meta.url)), ...args]);
}
