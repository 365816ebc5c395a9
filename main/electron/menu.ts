// The application menu as a plain template (type-only electron import) so its rules are unit-tested. Its
// entries are the app's commands (shared/commands.ts, also the renderer's command palette): a click sends the
// command's id to the renderer, which runs it.
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, type CommandId, type CommandMenu } from '../../shared/commands';

export interface MenuOptions {
  isMac: boolean;
  /** Packaged builds get no DevTools entry. */
  isPackaged: boolean;
  /** Running against the dev server: reload is useful, in a build it would only lose state. */
  isDev: boolean;
  /** A command chosen from the menu (or by its accelerator). */
  onCommand: (id: CommandId) => void;
}

function commandItems(menu: CommandMenu, onCommand: (id: CommandId) => void): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  for (const c of COMMANDS) {
    if (c.menu !== menu) continue;
    if (c.separatorBefore && items.length > 0) items.push({ type: 'separator' });
    items.push({
      id: c.id,
      label: c.label,
      ...(c.accelerator ? { accelerator: c.accelerator } : {}),
      click: () => onCommand(c.id),
    });
  }
  return items;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isMac, isPackaged, isDev, onCommand } = options;

  const view: MenuItemConstructorOptions[] = [...commandItems('view', onCommand), { type: 'separator' }];
  if (isDev) view.push({ role: 'reload' }, { role: 'forceReload' });
  if (!isPackaged) view.push({ role: 'toggleDevTools' });
  if (isDev || !isPackaged) view.push({ type: 'separator' });
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
        ...commandItems('file', onCommand),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        ...commandItems('edit', onCommand),
      ],
    },
    { label: '&View', submenu: view },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [...commandItems('help', onCommand), { type: 'separator' }, { role: 'about', label: 'About Tala' }],
    },
  ];
}
