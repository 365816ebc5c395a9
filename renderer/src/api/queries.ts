// Server state lives in one query cache (TanStack Query), keyed by contract channel and request: every view
// that reads the same thing shares one answer. A write ends with `archiveChanged(kind)`, which invalidates the
// reads that kind of change can affect (they refetch if on screen) and re-runs the search, so no component
// passes refresh callbacks to another.
import {
  QueryClient,
  replaceEqualDeep,
  useQuery,
  useQueryClient,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { Channel, Requests, Responses } from '../../../shared/contract';
import type { LibraryEntry } from '../../../shared/library';
import type { DocumentSummary } from '../../../shared/types';
import { carrySortIndex, type SortKey } from '../lib/library-table';
import { useApi } from './context';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    // The archive only changes through this window (or a restore, which invalidates everything): answers stay
    // fresh until a write invalidates them; errors are shown, not retried behind the user's back.
    defaultOptions: { queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false } },
  });
}

/** What a write changed; each kind names the channels whose answers may now be out of date. */
export type ArchiveChange = 'documents' | 'tags' | 'annotations' | 'facts' | 'translations' | 'everything';

const AFFECTED: Record<Exclude<ArchiveChange, 'everything'>, readonly string[]> = {
  documents: [
    'documents.',
    'annotations.',
    'search.',
    'facts.',
    'entities.',
    'mentions.',
    'translations.',
    'align.',
    'library.',
    'collections.',
  ],
  // Documents' tags changed: the writer has already updated the library's and the document list's rows in place
  // (useUpdateCachedRows), so neither list is fetched again; an open document and the search refetch.
  tags: ['documents.get', 'search.'],
  annotations: ['annotations.', 'documents.get', 'search.', 'library.'],
  facts: ['facts.', 'entities.', 'mentions.', 'annotations.', 'documents.get', 'library.'],
  translations: ['translations.', 'align.', 'segments.', 'documents.list', 'library.'],
};

/** Whether a change of this kind re-runs the search (text, notes and tags are indexed). */
const CHANGES_SEARCH: ReadonlySet<ArchiveChange> = new Set(['documents', 'tags', 'annotations', 'everything']);

type Listener = (change: ArchiveChange) => void;
const listeners = new WeakMap<QueryClient, Set<Listener>>();

function listenersOf(client: QueryClient): Set<Listener> {
  let set = listeners.get(client);
  if (!set) listeners.set(client, (set = new Set()));
  return set;
}

/** Tells every cached read (and the search) that the archive changed. */
export function useArchiveChanged(): (change: ArchiveChange) => void {
  const client = useQueryClient();
  return useCallback(
    (change: ArchiveChange) => {
      const prefixes = change === 'everything' ? null : AFFECTED[change];
      void client.invalidateQueries({
        predicate: (query) => prefixes === null || prefixes.some((p) => String(query.queryKey[0]).startsWith(p)),
      });
      for (const listener of listenersOf(client)) listener(change);
    },
    [client],
  );
}

/** Runs `onChange` after writes that change what a search finds (state that is not in the query cache). */
export function useOnSearchableChange(onChange: () => void): void {
  const client = useQueryClient();
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    const listener: Listener = (change) => {
      if (CHANGES_SEARCH.has(change)) latest.current();
    };
    const set = listenersOf(client);
    set.add(listener);
    return () => void set.delete(listener);
  }, [client]);
}

/**
 * Arrays written by useUpdateCachedRows: already sharing every unchanged row with the cached answer, so they are
 * stored as they are (the default deep comparison would cost ~70 ms on 10,000 rows and copy the array).
 */
const shared = new WeakSet<object>();
const sharing = (previous: unknown, next: unknown) =>
  typeof next === 'object' && next !== null && shared.has(next) ? next : replaceEqualDeep(previous, next);

/** One contract read through the cache: keyed by [channel, request]. */
export function useArchiveQuery<C extends Channel>(
  channel: C,
  request: Requests[C],
  options: Omit<UseQueryOptions<Responses[C], Error>, 'queryKey' | 'queryFn'> = {},
): UseQueryResult<Responses[C], Error> {
  const api = useApi();
  return useQuery({
    queryKey: request === undefined ? [channel] : [channel, request],
    queryFn: () => api[channel](request),
    structuralSharing: sharing,
    ...options,
  });
}

/**
 * Changes some documents' rows in the cached library and document list in place: `patch` makes each changed
 * row; the other rows keep their objects (and the library keeps its sort index for the columns not in
 * `changed`), and neither list is fetched again.
 */
export function useUpdateCachedRows(): (
  ids: readonly string[],
  patch: <T extends { tags: string[] }>(row: T) => T,
  changed: readonly SortKey[],
) => void {
  const client = useQueryClient();
  return useCallback(
    (ids, patch, changed) => {
      const affected = new Set(ids);
      const library = client.getQueryData<LibraryEntry[]>(['library.list']);
      if (library) {
        const next = library.map((e) => (affected.has(e.id) ? patch(e) : e));
        carrySortIndex(library, next, changed);
        shared.add(next);
        client.setQueryData(['library.list'], next);
      }
      const documents = client.getQueryData<DocumentSummary[]>(['documents.list']);
      if (documents) {
        const next = documents.map((d) => (affected.has(d.id) ? patch(d) : d));
        shared.add(next);
        client.setQueryData(['documents.list'], next);
      }
    },
    [client],
  );
}
