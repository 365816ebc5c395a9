// The menu template: developer entries only where they belong, every app command in its menu with its
// accelerator, a click handing the command's id to the callback (which sends it to the renderer).
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuOptions } from '../../main/electron/menu';
import { COMMANDS } from '../../shared/commands';

const base: MenuOptions = { isMac: false, isPackaged: true, isDev: false, onCommand: () => {} };

function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}
const roles = (options: Partial<MenuOptions>) =>
  allItems(buildMenuTemplate({ ...base, ...options })).map((i) => i.role);

describe('buildMenuTemplate', () => {
  it('a packaged build has neither DevTools nor reload', () => {
    expect(roles({ isPackaged: true })).not.toContain('toggleDevTools');
    expect(roles({ isPackaged: true })).not.toContain('reload');
  });

  it('an unpackaged build offers DevTools; reload only against the dev server', () => {
    expect(roles({ isPackaged: false })).toContain('toggleDevTools');
    expect(roles({ isPackaged: false })).not.toContain('reload');
    expect(roles({ isPackaged: false, isDev: true })).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has File, Edit, View, Window and Help, with Quit, the edit roles and About', () => {
    const template = buildMenuTemplate(base);
    expect(template.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', 'windowMenu', 'help']);
    expect(roles({})).toEqual(expect.arrayContaining(['quit', 'undo', 'copy', 'paste', 'selectAll', 'about']));
  });

  it('puts every command in its menu, with its accelerator, and no accelerator twice', () => {
    const template = buildMenuTemplate(base);
    const menuOf = (label: string) => allItems(template.find((m) => (m.label ?? m.role) === label)!.submenu as []);
    expect(menuOf('&File').map((i) => i.label)).toEqual(
      expect.arrayContaining(['Import files…', 'New archive…', 'Open archive…', 'Back up now']),
    );
    expect(menuOf('help').map((i) => i.label)).toContain('Keyboard shortcuts');
    const items = allItems(template).filter((i) => i.id);
    expect(items.map((i) => i.id).sort()).toEqual(COMMANDS.map((c) => c.id).sort());
    for (const c of COMMANDS) expect(items.find((i) => i.id === c.id)?.accelerator).toBe(c.accelerator);
    const accelerators = COMMANDS.flatMap((c) => (c.accelerator ? [c.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
    expect(items.find((i) => i.id === 'palette.open')?.accelerator).toBe('CmdOrCtrl+K');
  });

  it('a click hands the command id to the callback', () => {
    const onCommand = vi.fn();
    const items = allItems(buildMenuTemplate({ ...base, onCommand }));
    (items.find((i) => i.label === 'Import files…')?.click as () => void)();
    (items.find((i) => i.label === 'Back up now')?.click as () => void)();
    expect(onCommand.mock.calls).toEqual([['import.files'], ['backup.now']]);
  });

  it('macOS gets the app menu and Close instead of Quit in File', () => {
    const template = buildMenuTemplate({ ...base, isMac: true });
    expect(template[0].role).toBe('appMenu');
    expect(roles({ isMac: true })).toContain('close');
  });
});
