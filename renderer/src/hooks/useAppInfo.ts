import type { AppInfo } from '../../../shared/types';
import { useArchiveQuery } from '../api/queries';

/** Version and archive location, for the status line; null until known (or if unavailable). */
export function useAppInfo(): AppInfo | null {
  return useArchiveQuery('app.info', undefined).data ?? null;
}
