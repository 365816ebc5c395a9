// Messages between AlignWorkerHost and the alignment worker thread.
import type { ErrorInfo } from '../../shared/errors';
import type { AlignOptions, AlignResult, AlignSide } from './types';

export interface AlignRequest {
  id: number;
  source: AlignSide;
  target: AlignSide;
  options?: AlignOptions;
}

export type AlignResponse = { id: number; ok: true; result: AlignResult } | { id: number; ok: false; error: ErrorInfo };
