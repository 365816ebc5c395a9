// The search index's status ("Indexed 12,400 of 12,400 passages") and the Reindex action. Polled while the
// archive is still indexing (a big import catches up in the background, a reindex reports progress).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReindexReport, SearchStatus } from '../../../shared/types';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/errors';

export const POLL_MS = 1000;
/** Polls without any change before the line stops refreshing itself (an import or a search refreshes it again). */
const MAX_IDLE_POLLS = 30;

export interface IndexStatusState {
  /** null until known, or when the archive cannot tell. */
  status: SearchStatus | null;
  /** A reindex started here is running. */
  reindexing: boolean;
  refresh(): void;
  /** Rebuilds the index; resolves with the report, rejects with a readable message. */
  reindex(): Promise<ReindexReport>;
}

export function useIndexStatus(): IndexStatusState {
  const api = useApi();
  const [status, setStatus] = useState<SearchStatus | null>(null);
  const [reindexing, setReindexing] = useState(false);
  const live = useRef(true);
  const seq = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++seq.current;
    api['search.status']().then(
      (s) => {
        if (live.current && mine === seq.current) setStatus(s);
      },
      () => undefined, // an archive without a status (or a failed call) shows no line; searches still report errors
    );
  }, [api]);

  useEffect(() => {
    live.current = true;
    refresh();
    return () => {
      live.current = false;
    };
  }, [refresh]);

  // Keep polling while something is being indexed; a count that stops moving (documents that wait for the
  // next search to be re-indexed) is not polled for ever.
  const catchingUp = status !== null && (status.reindexing || status.indexedPassages !== status.totalPassages);
  const unchanged = useRef({ key: '', polls: 0 });
  const key = status ? `${status.indexedPassages}/${status.totalPassages}/${status.pendingDocuments}/${status.reindexing}` : '';
  if (unchanged.current.key !== key) unchanged.current = { key, polls: 0 };
  const busy = reindexing || (catchingUp && unchanged.current.polls < MAX_IDLE_POLLS);
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => {
      unchanged.current.polls++;
      refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [busy, refresh]);

  const reindex = useCallback(async () => {
    setReindexing(true);
    refresh();
    try {
      return await api['search.reindex']();
    } catch (err) {
      throw new Error(errorMessage(err), { cause: err });
    } finally {
      if (live.current) {
        setReindexing(false);
        refresh();
      }
    }
  }, [api, refresh]);

  return { status, reindexing, refresh, reindex };
}
