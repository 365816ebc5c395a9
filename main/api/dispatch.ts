// The single entry point behind every door (Electron IPC, the browser bridge, the CLI): find the operation,
// check the door may call it, validate the payload, run the handler, answer with the result envelope.
// Never throws; faults reach the caller as a plain sentence with a log reference.
import type { Channel } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';
import type { ImportProgress } from '../../shared/types';
import type { Archive } from '../archive/archive';
import type { Workspace } from '../archive/workspace';
import { publicError } from '../diagnostics';
import { ImportJobs } from '../documents/import-jobs';
import { DOORS, type Confirmations, type DoorName, type Operation, type OperationContext } from './operation';
import { PATH_NOT_GRANTED, type PathGrants } from './path-grants';
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
  /** Confirmations asked outside the page (the desktop app's native dialogs). */
  confirm?: Confirmations;
  /** Paths the person gave the desktop window: requests may name only these (see PathGrants). */
  grants?: PathGrants;
}

/**
 * A session for a door: the bridge unless named (the door with the fewest rights). Over a Workspace, each request
 * works with the archive open when it arrived (the context's archive and jobs follow the switches).
 */
export function createApi(
  target: Archive | Workspace,
  door: DoorName = 'bridge',
  options: ApiOptions = {},
): ApiSession {
  const operations = options.operations ?? OPERATIONS;
  if (!isWorkspace(target)) {
    const jobs = new ImportJobs(() => target.documents, options.onImportProgress);
    const context = { archive: target, jobs, door: DOORS[door], confirm: options.confirm, grants: options.grants };
    return { context, operations };
  }
  const workspace = target;
  const context: OperationContext = {
    get archive() {
      return workspace.current;
    },
    get jobs() {
      return workspace.jobs;
    },
    door: DOORS[door],
    workspace,
    confirm: options.confirm,
    grants: options.grants,
  };
  return { context, operations };
}

function isWorkspace(target: Archive | Workspace): target is Workspace {
  return typeof (target as Partial<Workspace>).lease === 'function';
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
    const namesPaths = typeof localPaths === 'function' ? localPaths(request) : localPaths;
    if (!context.door.localPaths && namesPaths) throw new AppError('FORBIDDEN', PATHS_REFUSED);
    if (namesPaths && context.grants) {
      const paths = operation.paths?.(request);
      if (!paths || !paths.every((p) => context.grants!.covers(p))) throw new AppError('FORBIDDEN', PATH_NOT_GRANTED);
    }
    const lease = context.workspace?.lease();
    try {
      const here = lease ? { ...context, archive: lease.archive, jobs: lease.jobs } : context;
      return { ok: true, value: await operation.handle(request, here) };
    } finally {
      lease?.release();
    }
  } catch (err) {
    return { ok: false, error: publicError(err, `${context.door.name} ${String(channel).slice(0, 80)}`) };
  }
}

export type { Channel };
