// How the renderer sends files to the archive (useImport; bench:import's bridge side sends the same way). Files go
// in batches, several per documents.importBatch request, with a few requests in flight: the main process imports
// every file of a request at once, so its group commit writes files arriving together in one commit (one fsync,
// one index pass), and a request's cost (an HTTP round trip with its JSON, or an IPC message) is paid once per
// batch. The first requests are small (1, 2, 4, … files) so the first outcomes, and the time-left estimate, come at
// once. The byte bounds keep large files from piling up in memory (a file larger than them is sent alone).
// Everything sent may still be imported after a Cancel: at most the requests in flight.
import { MAX_BATCH_BYTES, MAX_BATCH_FILES } from '../../../shared/contract';

/** Most files in one request. */
export const UPLOAD_BATCH_FILES = Math.min(16, MAX_BATCH_FILES);
/** Most bytes in one request, unless one file alone is larger. */
export const UPLOAD_BATCH_BYTES = Math.min(8 * 1024 * 1024, MAX_BATCH_BYTES);
/** Requests in flight at once. */
export const UPLOAD_BATCHES_IN_FLIGHT = 4;
/** Most bytes in flight (all requests together), unless one file alone is larger. */
export const UPLOAD_BYTES_IN_FLIGHT = 32 * 1024 * 1024;

/** Most files in the batch's `index`th request (from 0): 1, 2, 4, … up to UPLOAD_BATCH_FILES. */
export function batchFileLimit(index: number): number {
  return Math.min(UPLOAD_BATCH_FILES, 2 ** Math.min(index, 30));
}

/**
 * Does a file of `size` bytes join a request that holds `files` files of `bytes` bytes so far (at most `limit`
 * files), with `bytesInFlight` sent in earlier requests and not yet answered? A request's first file always does.
 */
export function joinsBatch(files: number, bytes: number, size: number, limit: number, bytesInFlight: number): boolean {
  if (files === 0) return true;
  if (files >= limit) return false;
  return bytes + size <= UPLOAD_BATCH_BYTES && bytesInFlight + bytes + size <= UPLOAD_BYTES_IN_FLIGHT;
}

/** May a request starting with a file of `size` bytes be sent now? (Nothing in flight: always.) */
export function roomFor(size: number, requestsInFlight: number, bytesInFlight: number): boolean {
  if (requestsInFlight === 0) return true;
  return requestsInFlight < UPLOAD_BATCHES_IN_FLIGHT && bytesInFlight + size <= UPLOAD_BYTES_IN_FLIGHT;
}

/** The files the first `requests` requests carry when every file is small: what a Cancel may let through. */
export function filesInFirstRequests(requests: number): number {
  let files = 0;
  for (let i = 0; i < requests; i++) files += batchFileLimit(i);
  return files;
}
