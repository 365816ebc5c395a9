// The menu template: developer entries only where they belong, Import wired to its callback.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuOptions } from '../../main/electron/menu';

const base: MenuOptions = { isMac: false, isPackaged: true, isDev: false, onImport: () => {} };

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

  it('has File (Import…, Quit), Edit, View and Help (About)', () => {
    const template = buildMenuTemplate(base);
    expect(template.map((m) => m.label ?? m.role)).toEqual(['&File', 'editMenu', '&View', 'windowMenu', 'help']);
    expect(roles({})).toEqual(expect.arrayContaining(['quit', 'editMenu', 'about']));
  });

  it('Import… calls back', () => {
    const onImport = vi.fn();
    const item = allItems(buildMenuTemplate({ ...base, onImport })).find((i) => i.label === 'Import…');
    (item?.click as () => void)();
    expect(onImport).toHaveBeenCalledOnce();
  });

  it('macOS gets the app menu and Close instead of Quit in File', () => {
    const template = buildMenuTemplate({ ...base, isMac: true });
    expect(template[0].role).toBe('appMenu');
    expect(roles({ isMac: true })).toContain('close');
  });
});
