// Creating, opening and switching archives: one path for Settings › Archive and for File › New / Open archive…
// (the native menu, its accelerators and the command palette). The desktop's main process asks for the folder
// with its native picker; afterwards every cached answer belongs to the old archive and is dropped.
import { useCallback, useState } from 'react';
import type { ArchiveSummary } from '../../../shared/archives';
import { useApi } from '../api/context';
import { useArchiveChanged } from '../api/queries';
import { errorMessage } from '../lib/errors';
import { plural } from '../lib/format';
import type { PushToast } from './useToasts';

/** The desktop app (Electron preload) can name folders; the browser version switches among recent archives only. */
export const isDesktop = () => typeof window !== 'undefined' && 'talaIpc' in window;

export interface ArchiveActions {
  busy: boolean;
  /** Runs an archive action: the archive now open, or null (picker closed, or it failed: said in a toast). */
  run(what: string, action: () => Promise<unknown>): Promise<ArchiveSummary | null>;
  /** New archive… (desktop: the native folder picker). */
  create(): Promise<ArchiveSummary | null>;
  /** Open archive… (desktop: the native folder picker). */
  open(): Promise<ArchiveSummary | null>;
}

export function useArchiveActions(toast: PushToast): ArchiveActions {
  const api = useApi();
  const changed = useArchiveChanged();
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (what: string, action: () => Promise<unknown>): Promise<ArchiveSummary | null> => {
      setBusy(true);
      try {
        const done = await action();
        changed('everything');
        if (done && typeof done === 'object' && 'dir' in done && 'documents' in done) {
          const s = done as ArchiveSummary;
          toast({ text: `Archive open: ${s.dir} (${plural(s.documents, 'document')}).` }, 5000);
          return s;
        }
        return null;
      } catch (err) {
        toast({ text: `${what}: ${errorMessage(err)}`, tone: 'warn' }, 10_000);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [changed, toast],
  );

  const create = useCallback(() => run('Could not create the archive', () => api['archives.create']({})), [api, run]);
  const open = useCallback(() => run('Could not open the archive', () => api['archives.open']({})), [api, run]);
  return { busy, run, create, open };
}
