import { useEffect, useRef, useState } from 'react';
import { takeDrop, type DroppedFiles } from '../lib/import-files';

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Window-wide drop of files and folders: returns whether files are being dragged over the window. `onDrop`
 * gets a reader of what was dropped (folders are walked when it is called; the drop event is long over).
 */
export function useFileDrop(onDrop: (read: () => Promise<DroppedFiles>) => void): boolean {
  const [active, setActive] = useState(false);
  const depth = useRef(0);
  const onDropRef = useRef(onDrop);
  onDropRef.current = onDrop;

  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setActive(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // otherwise the browser would open the file and leave the app
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setActive(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setActive(false);
      // The items must be taken now: the DataTransfer is emptied once this handler returns.
      if (e.dataTransfer && (e.dataTransfer.files?.length ?? 0) + (e.dataTransfer.items?.length ?? 0) > 0)
        onDropRef.current(takeDrop(e.dataTransfer));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return active;
}
