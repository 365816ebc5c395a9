// Switching archives on real SQLite files: the open archive's summary, creating / opening / switching through the
// doors (the bridge only among recent archives), the recent list kept on disk, requests finishing on the archive
// they started in, and what runs beside an archive stopped before it closes.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_REFUSED, createApi, dispatch } from '../../../main/api/dispatch';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { Workspace } from '../../../main/archive/workspace';
import type { ArchiveSummary, RecentArchive } from '../../../shared/archives';
import type { Result } from '../../../shared/errors';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const root = tempDir('tala-workspace-');
const firstDir = join(root, 'first');
const recentFile = join(root, 'config', 'recent-archives.json');
const events: string[] = [];
let first: Archive;
let workspace: Workspace;

const open = (dir: string) => openArchiveDir(dir, { search: 'inline' });

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  first = await openArchiveDir(firstDir, { search: 'inline', seedSamples: true, samplesDir: SAMPLES_DIR });
  workspace = new Workspace(first, {
    open,
    recentFile,
    attach: (archive) => {
      events.push(`attach ${archive.path}`);
      return async () => void events.push(`detach ${archive.path}`);
    },
  });
});

afterAll(() => workspace.close());

describe('the open archive', () => {
  it('says where it is, its size on disk and what it holds', async () => {
    const ipc = createApi(workspace, 'ipc');
    const summary = value<ArchiveSummary>(await dispatch(ipc, 'archives.current', undefined));
    const documents = await first.documents.list();
    expect(summary).toMatchObject({ dir: firstDir, file: join(firstDir, 'archive.sqlite') });
    expect(summary.documents).toBe(documents.length);
    expect(summary.documents).toBeGreaterThan(0);
    expect(summary.passages).toBeGreaterThanOrEqual(summary.documents);
    expect(summary.bytes).toBeGreaterThanOrEqual(statSync(summary.file).size);
    const recent = value<RecentArchive[]>(await dispatch(ipc, 'archives.recent', undefined));
    expect(recent).toEqual([{ dir: firstDir, openedAt: expect.any(String), current: true, exists: true }]);
  });
});

describe('creating, opening and switching', () => {
  const secondDir = join(root, 'second');

  it('creates an empty archive, switches to it, closes the old one after stopping its work', async () => {
    const ipc = createApi(workspace, 'ipc');
    const created = value<ArchiveSummary>(await dispatch(ipc, 'archives.create', { dir: secondDir }));
    expect(created).toMatchObject({ dir: secondDir, documents: 0, passages: 0 });
    expect(workspace.current.path).toBe(join(secondDir, 'archive.sqlite'));
    // Every later request goes to the new archive, through the same session.
    expect(value<{ archivePath: string }>(await dispatch(ipc, 'app.info', undefined)).archivePath).toBe(
      join(secondDir, 'archive.sqlite'),
    );
    expect(value<unknown[]>(await dispatch(ipc, 'documents.list', undefined))).toEqual([]);
    // What ran beside the first archive stopped before it closed; the new one has its own.
    const file = (dir: string) => join(dir, 'archive.sqlite');
    expect(events).toEqual([`attach ${file(firstDir)}`, `attach ${file(secondDir)}`, `detach ${file(firstDir)}`]);
    await expect(first.documents.list()).rejects.toThrow();
    // The list on disk has both, newest first, and is the owner's only.
    const recent = value<RecentArchive[]>(await dispatch(ipc, 'archives.recent', undefined));
    expect(recent.map((r) => [r.dir, r.current])).toEqual([
      [secondDir, true],
      [firstDir, false],
    ]);
    expect(JSON.parse(readFileSync(recentFile, 'utf8')).archives.map((r: { dir: string }) => r.dir)).toEqual([
      secondDir,
      firstDir,
    ]);
    if (process.platform !== 'win32') expect(statSync(recentFile).mode & 0o777).toBe(0o600);
  });

  it('refuses with a sentence, and keeps the open archive, what cannot be created or opened', async () => {
    const ipc = createApi(workspace, 'ipc');
    const notEmpty = join(root, 'papers');
    mkdirSync(notEmpty);
    writeFileSync(join(notEmpty, 'notes.txt'), 'mine');
    const cases: Array<[string, unknown, RegExp]> = [
      ['archives.create', { dir: firstDir }, /already a Tala archive in .*first: open it instead/],
      ['archives.create', { dir: notEmpty }, /papers is not empty: choose an empty or new folder/],
      ['archives.create', { dir: join(root, 'no', 'such') }, /The folder .*no does not exist/],
      ['archives.open', { dir: notEmpty }, /There is no Tala archive in .*papers \(no archive\.sqlite\)/],
      ['archives.create', {}, /Name the folder of the archive/],
    ];
    for (const [channel, request, message] of cases) {
      const result = await dispatch(ipc, channel, request);
      expect(result.ok, channel).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(readFileSync(join(notEmpty, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(notEmpty, 'archive.sqlite'))).toBe(false);
    expect(workspace.dir).toBe(secondDir);
  });

  it('lets the browser bridge switch only among the recent archives, and never name a new folder', async () => {
    const bridge = createApi(workspace, 'bridge');
    const elsewhere = join(root, 'elsewhere');
    await open(elsewhere).then((a) => a.close()); // a real archive the person never opened in this app
    const refused = await dispatch(bridge, 'archives.switch', { dir: elsewhere });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/is not among the recent archives/);
    expect(await dispatch(bridge, 'archives.open', { dir: elsewhere })).toMatchObject({
      ok: false,
      error: { message: BRIDGE_REFUSED },
    });
    expect(await dispatch(bridge, 'archives.create', { dir: join(root, 'third') })).toMatchObject({
      ok: false,
      error: { message: BRIDGE_REFUSED },
    });
    expect(existsSync(join(root, 'third'))).toBe(false);

    const back = value<ArchiveSummary>(await dispatch(bridge, 'archives.switch', { dir: firstDir }));
    expect(back.dir).toBe(firstDir);
    expect(back.documents).toBeGreaterThan(0);
    expect(value<unknown[]>(await dispatch(bridge, 'documents.list', undefined))).toHaveLength(back.documents);
  });

  it('opens an archive by its folder or its archive.sqlite, and says so when a recent one is gone', async () => {
    const ipc = createApi(workspace, 'ipc');
    const opened = value<ArchiveSummary>(
      await dispatch(ipc, 'archives.open', { dir: join(root, 'elsewhere', 'archive.sqlite') }),
    );
    expect(opened.dir).toBe(join(root, 'elsewhere'));
    const gone = join(root, 'gone');
    await open(gone).then((a) => a.close());
    value(await dispatch(ipc, 'archives.open', { dir: gone }));
    value(await dispatch(ipc, 'archives.switch', { dir: firstDir }));
    rmSync(gone, { recursive: true });
    const result = await dispatch(ipc, 'archives.switch', { dir: gone });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok) expect(result.error.message).toMatch(/no longer there \(moved or deleted\)/);
    const listed = value<RecentArchive[]>(await dispatch(ipc, 'archives.recent', undefined));
    expect(listed.find((r) => r.dir === gone)).toMatchObject({ exists: false, current: false });
    const after = value<RecentArchive[]>(await dispatch(ipc, 'archives.forget', { dir: gone }));
    expect(after.map((r) => r.dir)).not.toContain(gone);
    // The open archive cannot be forgotten.
    const kept = value<RecentArchive[]>(await dispatch(ipc, 'archives.forget', { dir: firstDir }));
    expect(kept.find((r) => r.current)?.dir).toBe(firstDir);
  });

  it('remembers the recent archives for the next run', async () => {
    const again = new Workspace(await open(secondDir), { open, recentFile });
    try {
      expect(again.recent().map((r) => r.dir)).toEqual([secondDir, firstDir, join(root, 'elsewhere')]);
    } finally {
      await again.close();
    }
  });

  it('lets a request still running in the old archive finish there before it closes', async () => {
    const running = workspace.lease();
    expect(running.archive).toBe(workspace.current);
    let switched = false;
    const switching = workspace.switchToRecent(secondDir).then(() => void (switched = true));
    // Opening the new archive takes a while on a loaded machine: wait for it, not for a fixed time.
    for (let waited = 0; workspace.dir !== secondDir && waited < 10_000; waited += 10) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(workspace.dir).toBe(secondDir); // new requests already go to the new archive
    expect(switched).toBe(false);
    expect((await running.archive.documents.list()).length).toBeGreaterThan(0); // the old one still answers
    running.release();
    await switching;
    await expect(running.archive.documents.list()).rejects.toThrow();
  });

  it('refuses to switch away while an import is running', async () => {
    const ipc = createApi(workspace, 'ipc');
    const folder = join(root, 'to-import');
    mkdirSync(folder);
    for (let i = 0; i < 20; i++) writeFileSync(join(folder, `t${i}.txt`), `Teksto bilang ${i}. `.repeat(200 + i));
    value(await dispatch(ipc, 'documents.importPaths', { paths: [folder] }));
    const result = await dispatch(ipc, 'archives.switch', { dir: firstDir });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error.message).toMatch(/An import is still running in this archive/);
    await workspace.jobs.stopAll();
    expect(workspace.dir).toBe(secondDir);
  });
});
