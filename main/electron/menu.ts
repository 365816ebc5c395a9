// The application menu as a plain template (type-only electron import) so its rules are unit-tested.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isMac: boolean;
  /** Packaged builds get no DevTools entry. */
  isPackaged: boolean;
  /** Running against the dev server: reload is useful, in a build it would only lose state. */
  isDev: boolean;
  onImport: () => void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isMac, isPackaged, isDev, onImport } = options;

  const view: MenuItemConstructorOptions[] = [];
  if (isDev) view.push({ role: 'reload' }, { role: 'forceReload' });
  if (!isPackaged) view.push({ role: 'toggleDevTools' });
  if (view.length > 0) view.push({ type: 'separator' });
  view.push(
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  );

  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => onImport() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: '&View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about', label: 'About Tala' }] },
  ];
}
