// Messages between SearchWorkerHost (main thread) and search-worker.ts.
import type { ErrorInfo } from '../../shared/errors';
import type { ReindexProgress, SearchRequest } from '../../shared/types';

export type HostMessage =
  | { id: number; method: 'search'; request: SearchRequest }
  | { id: number; method: 'status' }
  | { id: number; method: 'reindex' }
  | { id: number; method: 'close' };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'progress'; id: number; progress: ReindexProgress }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: ErrorInfo };
