// The search index's status ("Indexed 12,400 of 12,400 passages") and the Reindex action. Polled while the
// archive is still indexing (a big import catches up in the background, a reindex reports progress).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { ReindexReport, SearchStatus } from '../../../shared/types';
import { useApi } from '../api/context';
import { useArchiveQuery } from '../api/queries';
import { errorMessage } from '../lib/errors';

export const POLL_MS = 1000;
/** Polls without any change before the line stops refreshing itself (an import or a search refreshes it again). */
const MAX_IDLE_POLLS = 30;
const STATUS_KEY = ['search.status'];

export interface IndexStatusState {
  /** null until known, or when the archive cannot tell. */
  status: SearchStatus | null;
  /** A reindex started here is running. */
  reindexing: boolean;
  refresh(): void;
  /** Rebuilds the index; resolves with the report, rejects with a readable message. */
  reindex(): Promise<ReindexReport>;
}

const progressKey = (s: SearchStatus) =>
  `${s.indexedPassages}/${s.totalPassages}/${s.pendingDocuments}/${s.reindexing}`;

export function useIndexStatus(): IndexStatusState {
  const api = useApi();
  const client = useQueryClient();
  const [reindexing, setReindexing] = useState(false);
  // Keep polling while something is being indexed; a count that stops moving (documents that wait for the
  // next search to be re-indexed) is not polled for ever.
  const unchanged = useRef({ key: '', polls: 0 });
  const query = useArchiveQuery('search.status', undefined, {
    refetchInterval: (q) => {
      const status = q.state.data;
      if (!status) return reindexing ? POLL_MS : false;
      const key = progressKey(status);
      if (unchanged.current.key === key) unchanged.current.polls++;
      else unchanged.current = { key, polls: 0 };
      const catchingUp = status.reindexing || status.indexedPassages !== status.totalPassages;
      return reindexing || (catchingUp && unchanged.current.polls < MAX_IDLE_POLLS) ? POLL_MS : false;
    },
  });

  const refresh = useCallback(() => {
    unchanged.current.polls = 0;
    void client.invalidateQueries({ queryKey: STATUS_KEY });
  }, [client]);

  const reindex = useCallback(async () => {
    setReindexing(true);
    refresh();
    try {
      return await api['search.reindex']();
    } catch (err) {
      throw new Error(errorMessage(err), { cause: err });
    } finally {
      setReindexing(false);
      refresh();
    }
  }, [api, refresh]);

  // An archive without a status (or a failed call) shows no line; searches still report errors.
  return { status: query.data ?? null, reindexing, refresh, reindex };
}
