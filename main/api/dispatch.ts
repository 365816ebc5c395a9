// The single entry point behind every door (Electron IPC, the browser bridge, the CLI): find the operation,
// check the door may call it, validate the payload, run the handler, answer with the result envelope.
// Never throws; faults reach the caller as a plain sentence with a log reference.
import type { Channel } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';
import type { ImportProgress } from '../../shared/types';
import type { Archive } from '../archive/archive';
import { publicError } from '../diagnostics';
import { ImportJobs } from '../documents/import-jobs';
import { DOORS, type DoorName, type Operation, type OperationContext } from './operation';
import { OPERATIONS, operationFor } from './registry';

export type Operations = { readonly [C in Channel]: Operation<C> };

/** One door's way into one open archive. */
export interface ApiSession {
  readonly context: OperationContext;
  readonly operations: Operations;
}

export interface ApiOptions {
  /** The operations to dispatch to (tests wrap the registry's). */
  operations?: Operations;
  /** Every step of every import job this session starts (the CLI's status line). */
  onImportProgress?: (progress: ImportProgress) => void;
}

/** A session for a door: the bridge unless named (the door with the fewest rights). */
export function createApi(archive: Archive, door: DoorName = 'bridge', options: ApiOptions = {}): ApiSession {
  const jobs = new ImportJobs(archive.documents, options.onImportProgress);
  return { context: { archive, jobs, door: DOORS[door] }, operations: options.operations ?? OPERATIONS };
}

export const BRIDGE_REFUSED = 'This action is only available in the desktop app or on the command line.';
export const PATHS_REFUSED =
  'Files on this computer can only be named in the desktop app or on the command line; upload the files instead.';

export async function dispatch(session: ApiSession, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  const { context } = session;
  try {
    const operation = operationFor(session.operations, channel);
    if (!operation) throw new AppError('INVALID_REQUEST', `Unknown request: ${String(channel).slice(0, 80)}`);
    if (context.door.name === 'bridge' && !operation.bridge) throw new AppError('FORBIDDEN', BRIDGE_REFUSED);
    const request = operation.validate(payload, 'request');
    const { localPaths } = operation;
    if (!context.door.localPaths && (typeof localPaths === 'function' ? localPaths(request) : localPaths)) {
      throw new AppError('FORBIDDEN', PATHS_REFUSED);
    }
    return { ok: true, value: await operation.handle(request, context) };
  } catch (err) {
    return { ok: false, error: publicError(err, `${context.door.name} ${String(channel).slice(0, 80)}`) };
  }
}

export type { Channel };
