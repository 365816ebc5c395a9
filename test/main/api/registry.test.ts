// The operation registry as a table: every channel of the contract has one complete declaration, and every
// operation is reachable and validated through each of the three doors — Electron IPC (registerIpc), the
// browser bridge (real HTTP) and the CLI (`tala call`) — with the door's permissions applied.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_REFUSED, createApi, dispatch, PATHS_REFUSED } from '../../../main/api/dispatch';
import { JSON_ONLY, NO_ARGUMENTS, operation, type Operation } from '../../../main/api/operation';
import { OPERATIONS } from '../../../main/api/registry';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { COMMANDS } from '../../../main/cli/commands';
import { runCli } from '../../../main/cli/run';
import { registerIpc } from '../../../main/electron/ipc';
import { startBridge, type Bridge } from '../../../main/web/bridge';
import { CHANNELS, IPC_PREFIX, requestValidators, type Channel } from '../../../shared/contract';
import type { ErrorInfo, Result } from '../../../shared/errors';
import { parseWire, stringifyWire } from '../../../shared/wire';
import { FakeIpcMain } from '../../helpers/fake-ipc';
import { tempDir } from '../../helpers/temp';
import { VALID } from '../../helpers/valid-requests';

/** Never valid: every request validator refuses unknown fields, and payload-less ones refuse any object. */
const INVALID = { notAField: 1 };

const dir = tempDir('tala-registry-');
const archiveDir = join(dir, 'archive');
let archive: Archive;
let bridge: Bridge;
const ipc = new FakeIpcMain();

type Door = (channel: Channel, payload: unknown) => Promise<Result<unknown>>;

const viaIpc: Door = (channel, payload) => ipc.invoke(IPC_PREFIX + channel, payload);

const viaBridge: Door = async (channel, payload) => {
  const response = await fetch(`${bridge.url}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Tala-Token': bridge.token },
    body: stringifyWire(payload ?? null),
  });
  return parseWire(await response.text()) as Result<unknown>;
};

/** `tala --archive DIR call <channel> JSON --json`, in-process: the answer, or the error envelope, on stdout. */
const viaCli: Door = async (channel, payload) => {
  let out = '';
  const request = payload === undefined ? [] : [stringifyWire(payload)];
  const args = ['--archive', archiveDir, 'call', channel, ...request, '--json'];
  const code = await runCli(args, { out: (t) => void (out += t), err: () => undefined });
  const printed = parseWire(out) as { error?: ErrorInfo };
  return code === 0 ? { ok: true, value: printed } : { ok: false, error: printed.error as ErrorInfo };
};

beforeAll(async () => {
  archive = await openArchiveDir(archiveDir);
  registerIpc(ipc, createApi(archive, 'ipc'), () => true);
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  bridge = await startBridge({ api: createApi(archive, 'bridge'), rendererDir });
});

afterAll(async () => {
  await bridge?.close();
  await archive?.close();
});

const complete = (op: Operation<Channel>) => {
  expect(typeof op.handle).toBe('function');
  expect(typeof op.bridge).toBe('boolean');
  expect(['boolean', 'function']).toContain(typeof op.localPaths);
  // A request naming local files always is never allowed through the bridge.
  if (op.localPaths === true) expect(op.bridge).toBe(false);
  // Over the desktop's IPC each named path must have been given to the window: the operation says which they are.
  if (op.localPaths !== false) expect(typeof op.paths).toBe('function');
  if (op.cli === JSON_ONLY) return;
  const { name, args, summary, positionals, request, print } = op.cli;
  expect(name).toMatch(/^[a-z][a-z-]*( [a-z-]+)?$/);
  expect(typeof args).toBe('string');
  expect(summary.length).toBeGreaterThan(10);
  expect(positionals.min).toBeLessThanOrEqual(positionals.max);
  expect(typeof request).toBe('function');
  expect(typeof print).toBe('function');
};

describe('operation registry', () => {
  it('declares exactly the contract channels', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS)('%s is declared completely, with the shared validator', (channel) => {
    const op = OPERATIONS[channel] as unknown as Operation<Channel>;
    expect(op.channel).toBe(channel);
    expect(op.validate).toBe(requestValidators[channel]);
    complete(op);
  });

  it('gives every command its own name', () => {
    const names = CHANNELS.flatMap((c) =>
      OPERATIONS[c].cli === JSON_ONLY ? [] : [(OPERATIONS[c].cli as { name: string }).name],
    );
    expect(new Set(names).size).toBe(names.length);
    expect([...COMMANDS.keys()].sort()).toEqual([...names].sort());
  });
});

describe('declaring an operation', () => {
  // Pinned on purpose: opening an operation to the browser page, or letting a request name files on this computer,
  // is a decision a change must show here.
  const CLOSED_TO_THE_BRIDGE = [
    'archive.exportPortable',
    'archive.importPortable',
    'archive.setBackupDir',
    'archives.create',
    'archives.open',
    'documents.importPaths',
    'team.init',
  ];
  const NAMING_LOCAL_FILES = [...CLOSED_TO_THE_BRIDGE.filter((c) => c !== 'team.init'), 'archive.backup'].sort();

  it('leaves the bridge closed and requests without local files only where the registry says so', () => {
    const all = Object.values(OPERATIONS) as Array<Operation<Channel>>;
    expect(
      all
        .filter((op) => !op.bridge)
        .map((op) => op.channel)
        .sort(),
    ).toEqual(CLOSED_TO_THE_BRIDGE);
    expect(
      all
        .filter((op) => op.localPaths !== false)
        .map((op) => op.channel)
        .sort(),
    ).toEqual(NAMING_LOCAL_FILES);
  });

  it('defaults to the narrow choices: no bridge, JSON-only command line, the contract validator', async () => {
    const bare = operation('library.list', { handle: async () => [] });
    expect(bare).toMatchObject({ channel: 'library.list', bridge: false, localPaths: false, cli: JSON_ONLY });
    expect(bare.validate).toBe(requestValidators['library.list']);
    // Through the doors: the bridge refuses it, IPC reaches it.
    const operations = { ...OPERATIONS, 'library.list': bare };
    expect(await dispatch(createApi(archive, 'bridge', { operations }), 'library.list', undefined)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: BRIDGE_REFUSED },
    });
    expect(await dispatch(createApi(archive, 'ipc', { operations }), 'library.list', undefined)).toEqual({
      ok: true,
      value: [],
    });
  });

  it('makes a request that declares its local paths one the bridge cannot send, unless cleared per request', () => {
    const paths = ({ dir }: { dir?: string }) => (dir === undefined ? [] : [dir]);
    const local = operation('archives.open', { handle: async () => ({}) as never, paths });
    expect(local).toMatchObject({ bridge: false, localPaths: true, paths });
    // Always naming files and open to the bridge: a contradiction, refused when the module loads.
    const contradiction = { bridge: true, handle: async () => ({}) as never, paths };
    expect(() => operation('archives.open', contradiction as never)).toThrow(/cannot be bridged/);
    const sometimes = operation('archive.backup', {
      bridge: true,
      handle: async () => ({}) as never,
      localPaths: (request) => request?.file !== undefined,
      paths: (request) => (request?.file === undefined ? [] : [request.file]),
    });
    expect(sometimes.bridge).toBe(true);
    expect(typeof sometimes.localPaths).toBe('function');
  });

  it('gives a command without arguments no positionals and no request', () => {
    expect(NO_ARGUMENTS.positionals).toEqual({ min: 0, max: 0 });
    expect(NO_ARGUMENTS.request()).toBeUndefined();
  });
});

describe('every operation through every door', () => {
  const doors: Array<[string, Door]> = [
    ['ipc', viaIpc],
    ['bridge', viaBridge],
    ['cli', viaCli],
  ];

  for (const [door, call] of doors) {
    it.each(CHANNELS)(
      `${door}: %s refuses an invalid payload and reaches its handler with a valid one`,
      async (channel) => {
        const op = OPERATIONS[channel] as unknown as Operation<Channel>;
        const closed = door === 'bridge' && !op.bridge;
        const invalid = await call(channel, INVALID);
        if (closed) expect(invalid).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: BRIDGE_REFUSED } });
        // The door's validator answered (it names the field), not the handler.
        else
          expect(invalid).toMatchObject({
            ok: false,
            error: { code: 'INVALID_REQUEST', details: { path: expect.stringMatching(/^request/) } },
          });

        const valid = await call(channel, VALID[channel]);
        const pathsHere = typeof op.localPaths === 'function' ? op.localPaths(VALID[channel] as never) : op.localPaths;
        if (closed || (door === 'bridge' && pathsHere)) {
          return expect(valid).toMatchObject({
            ok: false,
            error: { code: 'FORBIDDEN', message: closed ? BRIDGE_REFUSED : PATHS_REFUSED },
          });
        }
        // Reached: the handler answered, or refused for a reason of its own (NOT_FOUND for the made-up ids, a
        // disabled machine translation, a file that is not one of the archive's backups), not the door.
        if (valid.ok) return;
        expect(valid.error.details?.path, valid.error.message).toBeUndefined();
        expect([BRIDGE_REFUSED, PATHS_REFUSED]).not.toContain(valid.error.message);
      },
    );
  }
});
