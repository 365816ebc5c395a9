import { useCallback, useRef, useState } from 'react';
import { MAX_IMPORT_BYTES } from '../../../shared/contract';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/errors';

export type ImportStatus = 'pending' | 'importing' | 'imported' | 'skipped' | 'failed';

export interface ImportItem {
  key: number;
  name: string;
  size: number;
  status: ImportStatus;
  /** Why it was skipped or failed. */
  message?: string;
  /** The imported document, or the existing one for a duplicate. */
  documentId?: string;
  title?: string;
}

export interface ImportState {
  items: ImportItem[];
  running: boolean;
  /** Queue files; they are imported one by one, in order. */
  start(files: File[]): void;
  /** Hide a finished summary. */
  dismiss(): void;
}

export const ACCEPTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'];

/** Imports files one at a time through documents.import; `onImported` runs after each new document. */
export function useImport(onImported: () => void): ImportState {
  const api = useApi();
  const [items, setItems] = useState<ImportItem[]>([]);
  const [running, setRunning] = useState(false);
  const queue = useRef<Array<{ key: number; file: File }>>([]);
  const busy = useRef(false);
  const nextKey = useRef(1);
  const onImportedRef = useRef(onImported);
  onImportedRef.current = onImported;

  const update = useCallback((key: number, patch: Partial<ImportItem>) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  }, []);

  const pump = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setRunning(true);
    try {
      for (let job = queue.current.shift(); job; job = queue.current.shift()) {
        const { key, file } = job;
        update(key, { status: 'importing' });
        try {
          if (file.size > MAX_IMPORT_BYTES) {
            throw new Error(`${file.name}: the file is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit.`);
          }
          const data = new Uint8Array(await file.arrayBuffer());
          const outcome = await api['documents.import']({ name: file.name, data });
          if (outcome.status === 'imported') {
            update(key, { status: 'imported', documentId: outcome.document.id, title: outcome.document.title });
            onImportedRef.current();
          } else {
            update(key, { status: 'skipped', message: outcome.reason, documentId: outcome.existingId });
          }
        } catch (err) {
          update(key, { status: 'failed', message: errorMessage(err) });
        }
      }
    } finally {
      busy.current = false;
      setRunning(false);
    }
  }, [api, update]);

  const start = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      const jobs = files.map((file) => ({ key: nextKey.current++, file }));
      const appending = busy.current; // read now: pump() below flips it before React applies the update
      setItems((list) => {
        // A new batch after a finished one starts a fresh summary.
        const keep = appending ? list : [];
        return [...keep, ...jobs.map(({ key, file }) => ({ key, name: file.name, size: file.size, status: 'pending' as const }))];
      });
      queue.current.push(...jobs);
      void pump();
    },
    [pump],
  );

  const dismiss = useCallback(() => {
    if (!busy.current) setItems([]);
  }, []);

  return { items, running, start, dismiss };
}
