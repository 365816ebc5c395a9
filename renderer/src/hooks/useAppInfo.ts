import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/types';
import { useApi } from '../api/context';

/** Version and archive location, for the status line; null until known (or if unavailable). */
export function useAppInfo(): AppInfo | null {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    api['app.info']().then(
      (value) => live && setInfo(value),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return info;
}
