// What each app command (shared/commands.ts) does in this window. One function for the native menu, the
// accelerators and the command palette.
import { useCallback } from 'react';
import type { CommandId } from '../../../shared/commands';
import { useApi } from '../api/context';
import { isDesktop, useArchiveActions } from './useArchiveActions';
import { backupDate } from '../lib/backups';
import { errorMessage } from '../lib/errors';
import { formatBytes } from '../lib/format';
import { effectiveTheme, getPreferences, setPreferences } from '../lib/preferences';
import type { Route } from '../lib/routes';
import type { PushToast } from './useToasts';

export interface AppCommandTargets {
  navigate(route: Route): void;
  focusSearch(): void;
  importFiles(): void;
  importFolder(): void;
  togglePanel(): void;
  openDialog(dialog: 'palette' | 'shortcuts'): void;
  toast: PushToast;
}

const PAGES: Partial<Record<CommandId, Route>> = {
  'go.library': { name: 'home' },
  'go.facts': { name: 'facts' },
  'go.timeline': { name: 'timeline' },
  'go.conflicts': { name: 'conflicts' },
  'go.review': { name: 'review' },
  'go.backups': { name: 'backups' },
  'go.team': { name: 'team' },
  'go.settings': { name: 'settings' },
};

export function useAppCommands(t: AppCommandTargets): (id: CommandId) => void {
  const api = useApi();
  const { navigate, focusSearch, importFiles, importFolder, togglePanel, openDialog, toast } = t;
  const { create: createArchive, open: openArchive } = useArchiveActions(toast);
  return useCallback(
    (id: CommandId) => {
      const page = PAGES[id];
      if (page) return navigate(page);
      switch (id) {
        case 'import.files':
          return importFiles();
        case 'import.folder':
          return importFolder();
        case 'archive.new':
        case 'archive.open': {
          if (!isDesktop()) {
            // The browser names no folders: the archive section of Settings switches among the recent ones.
            navigate({ name: 'settings' });
            requestAnimationFrame(() => document.getElementById('settings-archive')?.focus());
            return;
          }
          // The same request as Settings' buttons: the main process asks with its folder picker and switches.
          const opened = id === 'archive.new' ? createArchive() : openArchive();
          void opened.then((summary) => summary && navigate({ name: 'home' }));
          return;
        }
        case 'backup.now':
          toast({ text: 'Backing up…' }, 3000);
          api['archive.backup']().then(
            (made) => toast({ text: `Backup made: ${backupDate(made.createdAt)} (${formatBytes(made.bytes)}).` }, 6000),
            (err: unknown) => toast({ text: `Could not back up: ${errorMessage(err)}`, tone: 'warn' }, 10_000),
          );
          return;
        case 'search.focus':
          return focusSearch();
        case 'palette.open':
          return openDialog('palette');
        case 'help.shortcuts':
          return openDialog('shortcuts');
        case 'view.annotations':
          return togglePanel();
        case 'view.theme': {
          const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
          setPreferences({ theme: effectiveTheme(getPreferences().theme, dark) === 'dark' ? 'light' : 'dark' });
          return;
        }
      }
    },
    [api, createArchive, openArchive, navigate, focusSearch, importFiles, importFolder, togglePanel, openDialog, toast],
  );
}
