// Runs the app's commands (shared/commands.ts) from wherever they come: the native menu in Electron (its
// accelerators are the menu's), or, in a plain browser without that menu, the same accelerators pressed here.
import { useEffect, useRef } from 'react';
import { commandForKey, type CommandId } from '../../../shared/commands';
import { isMacPlatform } from '../components/commands/platform';

export function useCommands(run: (id: CommandId) => void): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });

  useEffect(() => {
    const ipc = window.talaIpc;
    if (ipc?.onCommand) return ipc.onCommand((id) => latest.current(id));
    const isMac = isMacPlatform();
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const id = commandForKey(e, isMac);
      if (!id) return;
      e.preventDefault();
      latest.current(id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
