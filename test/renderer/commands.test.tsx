// @vitest-environment happy-dom
// The app's commands: one list for the native menu, the accelerators and the Ctrl/Cmd+K command palette.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../renderer/src/api/context';
import { App } from '../../renderer/src/App';
import { filterCommands } from '../../renderer/src/components/commands/CommandPalette';
import { acceleratorLabel, commandForKey, COMMANDS, type CommandId } from '../../shared/commands';
import { CHANNELS, type TalaApi } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { byTestId, flush, render, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
  window.history.replaceState(null, '', '#/');
});

function fakeApi(overrides: Partial<TalaApi> = {}): TalaApi {
  const unimplemented = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async () => {
        throw new AppError('INTERNAL', `fake API: ${channel} not implemented`);
      },
    ]),
  );
  return {
    ...unimplemented,
    'app.info': async () => ({ version: '0.1.0', archivePath: '/tmp/archive.sqlite', schemaVersion: 1 }),
    'documents.list': async () => [],
    'search.query': async () => ({ total: 0, hits: [] }),
    'annotations.needsReview': async () => [],
    ...overrides,
  } as TalaApi;
}

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

async function press(target: EventTarget, k: string, mods: Record<string, boolean> = {}) {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...mods }));
  });
}

describe('command list', () => {
  it('maps accelerators to commands, Ctrl on Linux/Windows and ⌘ on a Mac', () => {
    expect(commandForKey(key('k', { ctrlKey: true }), false)).toBe('palette.open');
    expect(commandForKey(key('k', { metaKey: true }), false)).toBeNull();
    expect(commandForKey(key('k', { metaKey: true }), true)).toBe('palette.open');
    expect(commandForKey(key('O', { ctrlKey: true, shiftKey: true }), false)).toBe('archive.open');
    expect(commandForKey(key('o', { ctrlKey: true }), false)).toBe('import.files');
    expect(commandForKey(key('o', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(commandForKey(key('F1'), false)).toBe('help.shortcuts');
    expect(commandForKey(key('k'), false)).toBeNull();
    expect(acceleratorLabel('CmdOrCtrl+Shift+O', false)).toBe('Ctrl+Shift+O');
    expect(acceleratorLabel('CmdOrCtrl+Shift+O', true)).toBe('⌘⇧O');
  });

  it('filters by label, menu and keywords, ignoring case and accents', () => {
    expect(filterCommands('').length).toBe(COMMANDS.length);
    expect(filterCommands('preferences').map((c) => c.id)).toEqual(['go.settings']);
    expect(filterCommands('BACK UP').map((c) => c.id)).toContain('backup.now');
    expect(filterCommands('archïve open').map((c) => c.id)).toEqual(['archive.open']);
    expect(filterCommands('zzz')).toEqual([]);
  });
});

describe('command palette', () => {
  it('opens with Ctrl+K, filters as you type, runs the active command with Enter and closes', async () => {
    view = await render(
      <ApiProvider api={fakeApi()}>
        <App />
      </ApiProvider>,
    );
    await flush();
    expect(byTestId(view.container, 'command-palette')).toHaveLength(0);
    await press(window, 'k', { ctrlKey: true });
    const input = byTestId(view.container, 'command-input')[0] as HTMLInputElement;
    expect(input).toBeDefined();
    expect(byTestId(view.container, 'command-option')).toHaveLength(COMMANDS.length);

    await act(async () => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setValue.call(input, 'time');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const options = byTestId(view.container, 'command-option');
    expect(options.map((o) => o.dataset.command)).toEqual(['go.timeline']);
    expect(options[0].getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0].id);

    await press(input, 'Enter');
    await flush();
    expect(window.location.hash).toBe('#/timeline');
    expect(byTestId(view.container, 'command-palette')).toHaveLength(0);
  });

  it('moves with the arrow keys and opens the keyboard shortcuts', async () => {
    view = await render(
      <ApiProvider api={fakeApi()}>
        <App />
      </ApiProvider>,
    );
    await flush();
    await press(window, 'k', { ctrlKey: true });
    const input = byTestId(view.container, 'command-input')[0];
    await press(input, 'End');
    const options = byTestId(view.container, 'command-option');
    expect(options.at(-1)!.getAttribute('aria-selected')).toBe('true');
    expect(options.at(-1)!.dataset.command).toBe('help.shortcuts');
    await press(input, 'ArrowDown'); // wraps to the first
    expect(byTestId(view.container, 'command-option')[0].getAttribute('aria-selected')).toBe('true');
    await press(input, 'ArrowUp');
    await press(input, 'Enter');
    await flush();
    const help = byTestId(view.container, 'shortcuts-dialog')[0];
    expect(help.textContent).toContain('Command palette…');
    expect(help.textContent).toContain('Ctrl+K');
  });
});

describe('File › New / Open archive…', () => {
  afterEach(() => {
    delete (window as { talaIpc?: unknown }).talaIpc;
  });

  /** The desktop preload as the renderer sees it: the menu's commands arrive through onCommand. */
  function desktopMenu(): { click(id: CommandId): Promise<void> } {
    let listener: ((id: CommandId) => void) | undefined;
    (window as { talaIpc?: unknown }).talaIpc = {
      invoke: async () => ({ ok: false, error: { code: 'INTERNAL', message: 'not used: the fake API answers' } }),
      pathForFile: () => '',
      onCommand: (l: (id: CommandId) => void) => ((listener = l), () => (listener = undefined)),
    };
    return {
      click: async (id) => {
        await act(async () => listener!(id));
        await flush();
      },
    };
  }

  it('in the desktop, asks the main process (its folder picker) as Settings does, then shows the library', async () => {
    const menu = desktopMenu();
    const asked: string[] = [];
    let picked: string | null = null;
    const summary = (dir: string) => ({
      dir,
      file: `${dir}/tala.sqlite`,
      bytes: 4096,
      documents: 3,
      passages: 9,
      annotations: 0,
    });
    const answer = (what: string, request: unknown) => {
      asked.push(`${what} ${JSON.stringify(request)}`);
      return picked === null ? null : summary(picked);
    };
    const api = fakeApi({
      'archives.create': async (request) => answer('create', request),
      'archives.open': async (request) => answer('open', request),
    });
    window.history.replaceState(null, '', '#/facts');
    view = await render(
      <ApiProvider api={api}>
        <App />
      </ApiProvider>,
    );
    await flush();
    // The picker closed without a folder: nothing changes.
    await menu.click('archive.new');
    expect(asked).toEqual(['create {}']);
    expect(window.location.hash).toBe('#/facts');
    expect(view.container.textContent).not.toContain('Archive open');
    picked = '/home/ana/Archives/Karabakh';
    await menu.click('archive.open');
    expect(asked).toEqual(['create {}', 'open {}']);
    expect(window.location.hash).toBe('#/');
    expect(view.container.textContent).toContain('Archive open: /home/ana/Archives/Karabakh (3 documents).');
  });

  it('in the browser (no folder picker), opens Settings › Archive to switch among the recent archives', async () => {
    view = await render(
      <ApiProvider api={fakeApi()}>
        <App />
      </ApiProvider>,
    );
    await flush();
    await press(window, 'O', { ctrlKey: true, shiftKey: true });
    await flush();
    expect(window.location.hash).toBe('#/settings');
  });
});

describe('Settings › backup folder in the desktop', () => {
  afterEach(() => {
    delete (window as { talaIpc?: unknown }).talaIpc;
  });

  it('asks the main process for a folder (its picker), shows where backups go, then goes back', async () => {
    (window as { talaIpc?: unknown }).talaIpc = {
      invoke: async () => ({ ok: true, value: null }),
      pathForFile: () => '',
    };
    const beside = '/home/ana/Archive/backups';
    let info = { every: 'daily' as const, lastBackupAt: null, nextDueAt: null, dir: beside, customDir: false };
    const asked: unknown[] = [];
    const api = fakeApi({
      'archives.current': async () => ({
        dir: '/home/ana/Archive',
        file: '/home/ana/Archive/archive.sqlite',
        bytes: 8192,
        documents: 2,
        passages: 10,
        annotations: 0,
      }),
      'archives.recent': async () => [],
      'archive.schedule': async () => info,
      'mt.settings.get': async () => ({ enabled: false, endpoint: '', apiKeySet: false, notice: '' }),
      'archive.setBackupDir': async (request) => {
        asked.push(request);
        info = request.reset
          ? { ...info, dir: beside, customDir: false }
          : { ...info, dir: '/media/usb/Tala/Archive-1a2b3c4d', customDir: true };
        return info;
      },
    });
    window.history.replaceState(null, '', '#/settings');
    view = await render(
      <ApiProvider api={api}>
        <App />
      </ApiProvider>,
    );
    await flush();
    const folder = () => byTestId(view!.container, 'backup-folder')[0]?.textContent;
    expect(folder()).toBe(`Backups go into ${beside} (beside the archive).`);
    expect(byTestId(view.container, 'backup-folder-default')).toHaveLength(0);
    await act(async () => byTestId(view!.container, 'backup-folder-choose')[0].click());
    await flush();
    expect(asked).toEqual([{}]);
    expect(folder()).toBe('Backups go into /media/usb/Tala/Archive-1a2b3c4d.');
    await act(async () => byTestId(view!.container, 'backup-folder-default')[0].click());
    await flush();
    expect(asked).toEqual([{}, { reset: true }]);
    expect(folder()).toBe(`Backups go into ${beside} (beside the archive).`);
  });
  it('on an archive open read-only, the folder buttons are disabled and say why', async () => {
    (window as { talaIpc?: unknown }).talaIpc = {
      invoke: async () => ({ ok: true, value: null }),
      pathForFile: () => '',
    };
    const asked: unknown[] = [];
    const api = fakeApi({
      'archives.current': async () => ({
        dir: '/media/cdrom/Archive',
        file: '/media/cdrom/Archive/archive.sqlite',
        bytes: 8192,
        documents: 2,
        passages: 10,
        annotations: 0,
      }),
      'archives.recent': async () => [],
      'archive.schedule': async () => ({
        every: 'daily' as const,
        lastBackupAt: null,
        nextDueAt: null,
        dir: '/media/cdrom/Archive/backups',
        customDir: false,
        readOnly: 'it is on a read-only disk',
      }),
      'mt.settings.get': async () => ({ enabled: false, endpoint: '', apiKeySet: false, notice: '' }),
      'archive.setBackupDir': async (request) => {
        asked.push(request);
        throw new Error('not expected');
      },
    });
    window.history.replaceState(null, '', '#/settings');
    view = await render(
      <ApiProvider api={api}>
        <App />
      </ApiProvider>,
    );
    await flush();
    expect(byTestId(view.container, 'backup-folder-read-only')[0]?.textContent).toBe(
      'This archive is open read-only (it is on a read-only disk), so its backup folder cannot be changed now. ' +
        'Back up now asks for a folder on another disk.',
    );
    const choose = byTestId(view.container, 'backup-folder-choose')[0] as HTMLButtonElement;
    expect(choose.disabled).toBe(true);
    await act(async () => choose.click());
    await flush();
    expect(asked).toEqual([]);
  });
});
