// What an operation is: one user action, declared once in its feature folder (`main/<feature>/operations.ts`)
// with everything every door needs — the request validator (from the shared contract), the handler, whether
// the browser bridge may call it, whether its request names files on this computer, and its command line.
// Modules declaring operations import services as types only, so `tala --help` loads none of them.
import { requestValidators, type Channel, type Requests, type Responses } from '../../shared/contract';
import type { Validator } from '../../shared/validate';
import type { Archive } from '../archive/archive';
import type { Workspace } from '../archive/workspace';
import type { ImportJobs } from '../documents/import-jobs';
import type { PathGrants } from './path-grants';

/** The three ways in. Only the bridge serves a browser page, so only it is denied local file paths. */
export type DoorName = 'ipc' | 'bridge' | 'cli';

export interface Door {
  name: DoorName;
  /** Whether requests through this door may name files and folders on this computer. */
  localPaths: boolean;
}

export const DOORS: Readonly<Record<DoorName, Door>> = {
  ipc: { name: 'ipc', localPaths: true },
  bridge: { name: 'bridge', localPaths: false },
  cli: { name: 'cli', localPaths: true },
};

/** What a handler works with: the open archive, the import jobs, and the door the request came through. */
export interface OperationContext {
  archive: Archive;
  jobs: ImportJobs;
  door: Door;
  /**
   * The host's archives (the desktop app, `npm run web`): switching to another one. Absent on the command line
   * and in sessions over one archive, which cannot switch.
   */
  workspace?: Workspace;
  /** Questions the host asks the person outside the page (the desktop app: native dialogs). */
  confirm?: Confirmations;
  /** The desktop app's IPC: the files and folders the person gave the window (only these may be named). */
  grants?: PathGrants;
}

/** Confirmations a host asks in its own UI, where a compromised page cannot answer them. */
export interface Confirmations {
  /** May passages be sent to this machine-translation server off this computer? */
  mtEndpoint(endpoint: string): Promise<boolean>;
}

/** An operation's request as the caller sent it, after validation. */
export type Handler<C extends Channel> = (request: Requests[C], ctx: OperationContext) => Promise<Responses[C]>;

/** parseArgs option types (node:util); `--json` and `--help` are added to every command. */
export type CliOptions = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export interface CliInput {
  /** Values of the command's options, as parseArgs gives them. */
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** --json: print the answer as JSON for scripts. */
  json: boolean;
}

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** A terminal's status line (stderr on a TTY): each call replaces the previous text; '' clears it. */
  status?(text: string): void;
}

/** Calls any operation through the CLI's door (validation and permissions included); throws AppError. */
export type Call = <C extends Channel>(channel: C, request: Requests[C]) => Promise<Responses[C]>;

export interface CliCommand<C extends Channel> {
  /** The words after `tala`: 'search', 'facts list'. */
  name: string;
  /** What follows the name in the usage line: '"<query>" [--limit N]' (--json is implied). */
  args: string;
  /** One line for the command list. */
  summary: string;
  options?: CliOptions;
  /** How many positional arguments the command takes (max: Infinity for lists of files). */
  positionals: { min: number; max: number };
  /** Builds the request from the arguments; the door validates it like any other. Throw UsageError for misuse. */
  request(input: CliInput): Requests[C] | Promise<Requests[C]>;
  /** Prints the answer (for --json: JSON); returns the exit code, 0 when omitted. */
  print(response: Responses[C], input: CliInput, io: CliIO): number | void | Promise<number | void>;
  /** A command that calls more than one operation (import follows its job): replaces request → print. */
  run?(input: CliInput, call: Call, io: CliIO): Promise<number>;
}

/** An operation reached from the command line only as `tala call <channel> [JSON]`, printing JSON. */
export const JSON_ONLY = 'json-only';

export interface Operation<C extends Channel> {
  channel: C;
  validate: Validator<Requests[C]>;
  handle: Handler<C>;
  /** Whether the browser bridge may call it. */
  bridge: boolean;
  /**
   * Whether the request names files or folders on this computer for the main process to read or write:
   * such requests are refused at doors without local paths (the bridge). A function decides per request.
   */
  localPaths: boolean | ((request: Requests[C]) => boolean);
  /**
   * The local paths a request names (declared by every operation with localPaths): over IPC each must have been
   * given to the app by the person (PathGrants: a native dialog, a drop).
   */
  paths?: (request: Requests[C]) => string[];
  cli: CliCommand<C> | typeof JSON_ONLY;
}

/** The operations of one feature, typed per channel. */
export type OperationTable<K extends Channel> = { [C in K]: Operation<C> };

/** Raised by a command's request builder: wrong arguments; the CLI prints the usage and exits 2. */
export class UsageError extends Error {}

/** Prints an answer with the operation's own formatter (for commands whose run() adds to it). */
export async function printed<C extends Channel>(
  operation: Operation<C>,
  response: Responses[C],
  input: CliInput,
  io: CliIO,
): Promise<number> {
  if (operation.cli === JSON_ONLY) {
    io.out(JSON.stringify(response, null, 2));
    return 0;
  }
  const code = await operation.cli.print(response, input, io);
  return typeof code === 'number' ? code : 0; // a printer may end with `return io.out(…)`
}

/** Who may call an operation, stated by its declaration (see `operation`). */
export type Access<C extends Channel> =
  /** Names no file on this computer; `bridge: true` opens it to the browser page too. */
  | { bridge?: boolean; paths?: undefined; localPaths?: undefined }
  /** Always names files on this computer (`paths` says which): the desktop app and the CLI only. */
  | { bridge?: false; paths: (request: Requests[C]) => string[]; localPaths?: undefined }
  /** Names files only in some requests (`localPaths` says which): those are refused at the bridge. */
  | { bridge?: boolean; paths: (request: Requests[C]) => string[]; localPaths: (request: Requests[C]) => boolean };

export type OperationSpec<C extends Channel> = Access<C> & {
  handle: Handler<C>;
  /** The command line; JSON_ONLY (the default): `tala call <channel> JSON`. */
  cli?: CliCommand<C> | typeof JSON_ONLY;
};

/**
 * Declares an operation: the channel's request validator comes from the shared contract. The defaults are the
 * narrow ones, so leaving something out never opens a door: the browser bridge only with `bridge: true`, and a
 * request that declares the local `paths` it names is refused at the bridge (unless `localPaths` clears it per
 * request) and checked against the person's grants over IPC.
 */
export function operation<C extends Channel>(channel: C, spec: OperationSpec<C>): Operation<C> {
  const bridge = spec.bridge ?? false;
  const localPaths = spec.localPaths ?? spec.paths !== undefined;
  if (bridge && localPaths === true)
    throw new Error(`${channel}: a request always naming local files cannot be bridged`);
  return {
    channel,
    validate: requestValidators[channel],
    handle: spec.handle,
    bridge,
    localPaths,
    ...(spec.paths ? { paths: spec.paths } : {}),
    cli: spec.cli ?? JSON_ONLY,
  };
}

/** For a command without arguments: `...NO_ARGUMENTS` in its `cli`. */
export const NO_ARGUMENTS = { args: '', positionals: { min: 0, max: 0 }, request: () => undefined };
