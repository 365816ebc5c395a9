// Read-only mode: an archive on a read-only medium, in a folder its user may not write, or on a full disk opens
// for reading and searching; every write (CLI and API) is refused with one sentence naming the archive.
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi, dispatch } from '../../../main/api/dispatch';
import { Archive } from '../../../main/archive/archive';
import { archiveFileIn } from '../../../main/archive/paths';
import { openArchiveDir } from '../../../main/archive/open-default';
import { Workspace } from '../../../main/archive/workspace';
import { verifyBackupFile } from '../../../main/backups/backups';
import { Database } from '../../../main/db/connection';
import { tala } from '../../helpers/cli';
import { SAMPLES_DIR, tempDir } from '../../helpers/temp';

const root = tempDir();
const isRoot = process.getuid?.() === 0;
const mounted: string[] = [];
/** A text the archives do not hold yet (the samples are there already: importing one again changes nothing). */
const NEW_TEXT = join(root, 'bago.txt');
writeFileSync(NEW_TEXT, 'Isang bagong tala tungkol sa halalan sa Stepanakert.\n');
chmodSync(root, 0o755);
chmodSync(NEW_TEXT, 0o644);

function smallDisk(dir: string, size: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  mounted.push(dir);
}
afterAll(() => {
  for (const dir of mounted.reverse()) execFileSync('umount', [dir]);
});

async function seeded(dir: string): Promise<void> {
  await (await openArchiveDir(dir, { seedSamples: true, samplesDir: SAMPLES_DIR })).close();
}

/** Every write the CLI offers, refused with the one sentence (no SQLite text), the archive unchanged. */
async function expectCliRefusesWrites(dir: string, reason: string): Promise<void> {
  const file = archiveFileIn(dir);
  const sentence =
    `The archive ${file} is open read-only (${reason}): ` + 'searching and reading work, changes cannot be saved.';
  const list = JSON.parse((await tala('--archive', dir, 'list', '--json')).out) as Array<{ id: string }>;
  const docId = list[0].id;
  for (const args of [
    ['import', NEW_TEXT, '--lang', 'tl'],
    ['annotate', docId, '--start', '0', '--end', '5', '--note', 'x'],
    ['reindex'],
    ['backup'],
    ['collections', 'create', 'Mga tala'],
  ]) {
    const run = await tala('--archive', dir, ...args);
    expect(run.code, args.join(' ')).toBe(1);
    // import reports each file's failure in its summary (stdout); the other commands on stderr.
    expect(run.out + run.err, args.join(' ')).toContain(sentence);
    expect(run.out + run.err, args.join(' ')).not.toMatch(/SQLITE|readonly database|EROFS|EACCES/);
  }
  expect(JSON.parse((await tala('--archive', dir, 'list', '--json')).out)).toHaveLength(list.length);
  const refused = await tala('--archive', dir, 'backup');
  expect(refused.err).toContain('A backup can still be written to a disk you can write to: tala backup FILE.');
}

let backups = 0;
/**
 * `tala backup FILE` works read-only: the named file (owner-only) is a healthy archive with every document, and
 * nothing else is written (no .partial, nothing in the archive's folder); an existing file is never overwritten.
 */
async function expectBackupElsewhere(dir: string): Promise<void> {
  const before = readdirSync(dir).sort();
  const target = join(root, `rescue-${++backups}.sqlite`);
  const run = await tala('--archive', dir, 'backup', target, '--json');
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  expect(JSON.parse(run.out)).toMatchObject({ file: target, reason: 'manual', bytes: statSync(target).size });
  expect(statSync(target).mode & 0o777).toBe(0o600);
  expect(readdirSync(root).filter((name) => name.startsWith(`rescue-${backups}.`))).toEqual([
    `rescue-${backups}.sqlite`,
  ]);
  await verifyBackupFile(target);
  const copy = await Database.open(target, { readOnly: true });
  try {
    const docs = await copy.all({ text: 'SELECT id FROM documents ORDER BY id', params: [] });
    const listed = JSON.parse((await tala('--archive', dir, 'list', '--json')).out) as Array<{ id: string }>;
    expect(docs.map((d) => d.id)).toEqual(listed.map((d) => d.id).sort());
  } finally {
    await copy.close();
  }
  expect(readdirSync(dir).sort()).toEqual(before);
  const again = await tala('--archive', dir, 'backup', target);
  expect(again.code).toBe(1);
  expect(again.err).toContain(`The backup was not written to ${target}: a file of that name already exists.`);
}

describe.skipIf(!isRoot)('read-only mode (tmpfs mounts and another OS user; skipped when not root)', () => {
  it('opens an archive on a read-only medium for reading and search; writes are refused in CLI and API', async () => {
    const dir = join(root, 'medium');
    smallDisk(dir, '24m');
    await seeded(dir);
    const files = readdirSync(dir).sort();
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    const reason = 'it is on a read-only disk';

    const list = await tala('--archive', dir, 'list', '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out).length).toBeGreaterThan(0);
    const found = await tala('--archive', dir, 'search', 'Sahakyan', '--json');
    expect(found.code).toBe(0);
    expect(JSON.parse(found.out).total).toBeGreaterThan(0);
    expect((await tala('--archive', dir, 'info')).out).toContain(`read-only: ${reason}`);
    await expectCliRefusesWrites(dir, reason);
    await expectBackupElsewhere(dir);

    // The API (the bridge's door, searching in the worker thread as in the app).
    const archive = await Archive.open(archiveFileIn(dir));
    try {
      const api = createApi(archive, 'bridge');
      const search = await dispatch(api, 'search.query', { query: 'Sahakyan' });
      expect(search).toMatchObject({ ok: true, value: { total: expect.any(Number) } });
      const docs = await dispatch(api, 'documents.list', undefined);
      expect(docs.ok).toBe(true);
      const docId = (docs as { value: Array<{ id: string }> }).value[0].id;
      const writes: Array<[string, unknown]> = [
        ['annotations.create', { docId, start: 0, end: 5, color: 'green', note: 'n', tags: [] }],
        ['documents.import', { name: 'x.txt', data: new TextEncoder().encode('Isang bagong tala.'), lang: 'tl' }],
        ['documents.delete', { id: docId }],
        ['archive.backup', undefined],
        ['search.reindex', undefined],
      ];
      for (const [channel, payload] of writes) {
        const result = await dispatch(api, channel, payload);
        expect(result, channel).toMatchObject({
          ok: false,
          error: { code: 'ARCHIVE_ERROR', message: expect.stringContaining(`is open read-only (${reason})`) },
        });
        expect(JSON.stringify(result)).not.toMatch(/SQLITE|readonly database|EROFS/);
      }
      // The desktop's Back up now asks for a folder on another disk with its native picker.
      const rescue = join(root, 'rescue-folder');
      mkdirSync(rescue);
      const asked: string[] = [];
      let answer: string | null = rescue;
      const workspace = new Workspace(archive, {
        open: (d) => openArchiveDir(d),
        chooseFolder: async (purpose) => (asked.push(purpose), answer),
      });
      const desktop = createApi(workspace, 'ipc');
      const rescued = await dispatch(desktop, 'archive.backup', undefined);
      expect(rescued).toMatchObject({ ok: true, value: { reason: 'manual' } });
      const rescuedFile = (rescued as { value: { file: string } }).value.file;
      expect(readdirSync(rescue)).toEqual([rescuedFile.slice(rescue.length + 1)]);
      await verifyBackupFile(rescuedFile);
      answer = null;
      expect(await dispatch(desktop, 'archive.backup', undefined)).toMatchObject({
        ok: false,
        error: { message: 'No backup was written: no folder was chosen.' },
      });
      expect(asked).toEqual(['rescue-backup', 'rescue-backup']);
      const health = await dispatch(api, 'archive.health', undefined);
      expect(health).toMatchObject({
        ok: true,
        value: { integrity: 'ok', warnings: [expect.stringContaining(`This archive is open read-only (${reason})`)] },
      });
    } finally {
      await archive.close();
    }
    expect(readdirSync(dir).sort()).toEqual(files);
  });

  it('read-only, backups still go into a backup folder chosen on another disk', async () => {
    const dir = join(root, 'medium-with-usb');
    smallDisk(dir, '24m');
    await seeded(dir);
    const usb = join(root, 'usb');
    expect((await tala('--archive', dir, 'backup-dir', usb)).code).toBe(0);
    const files = readdirSync(dir).sort();
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    const made = await tala('--archive', dir, 'backup', '--json');
    expect(made.err).toBe('');
    const backup = JSON.parse(made.out) as { file: string };
    expect(backup.file.startsWith(usb)).toBe(true);
    await verifyBackupFile(backup.file);
    const listed = JSON.parse((await tala('--archive', dir, 'backups', '--json')).out) as Array<{ file: string }>;
    expect(listed.map((b) => b.file)).toContain(backup.file);
    expect(readdirSync(dir).sort()).toEqual(files);
  });

  it('read-only, the backup folder cannot be changed: refused before the picker opens, no folder made', async () => {
    const dir = join(root, 'medium-backup-dir');
    smallDisk(dir, '24m');
    await seeded(dir);
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    const other = join(root, 'other-disk');
    mkdirSync(other);
    const sentence =
      `The archive ${archiveFileIn(dir)} is open read-only (it is on a read-only disk), so its backup folder ` +
      'cannot be changed: the choice is kept in the archive. A backup can still be written elsewhere';
    const archive = await Archive.open(archiveFileIn(dir));
    try {
      const asked: string[] = [];
      const workspace = new Workspace(archive, {
        open: (d) => openArchiveDir(d),
        chooseFolder: async (purpose) => (asked.push(purpose), other),
      });
      const desktop = createApi(workspace, 'ipc');
      // Settings' button (the picker), a folder named, and "keep them beside the archive".
      for (const request of [{}, { dir: other }, { reset: true }]) {
        const result = await dispatch(desktop, 'archive.setBackupDir', request);
        expect(result, JSON.stringify(request)).toMatchObject({
          ok: false,
          error: { code: 'ARCHIVE_ERROR', message: expect.stringContaining(sentence) },
        });
      }
      expect(asked).toEqual([]);
      expect(readdirSync(other)).toEqual([]);
      expect(await dispatch(desktop, 'archive.schedule', undefined)).toMatchObject({
        ok: true,
        value: { customDir: false, dir: join(dir, 'backups'), readOnly: 'it is on a read-only disk' },
      });
    } finally {
      await archive.close();
    }
    const cli = await tala('--archive', dir, 'backup-dir', other);
    expect(cli.code).toBe(1);
    expect(cli.err).toContain(sentence);
    expect(readdirSync(other)).toEqual([]);
  });

  it('opens an archive in a folder its user may not write (another OS user), refusing writes', async () => {
    const dir = join(root, 'shared-folder');
    await seeded(dir);
    chmodSync(dir, 0o755);
    chmodSync(archiveFileIn(dir), 0o644);
    const child = resolve('test/helpers/cli-child.ts');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', child, '--archive', dir, ...args], {
        uid: 65534,
        gid: 65534,
        encoding: 'utf8',
        env: { ...process.env, HOME: '/tmp', XDG_CONFIG_HOME: '/tmp' },
      });
    const found = run('search', 'Sahakyan', '--json');
    expect(found.stderr).toBe('');
    expect(JSON.parse(found.stdout).total).toBeGreaterThan(0);
    const imported = run('import', NEW_TEXT, '--lang', 'tl');
    expect(imported.status).toBe(1);
    expect(imported.stdout + imported.stderr).toContain(
      `The archive ${archiveFileIn(dir)} is open read-only (you may not write to the file or its folder ` +
        '(permissions)): searching and reading work, changes cannot be saved. Nothing was changed.',
    );
    expect(imported.stdout + imported.stderr).not.toMatch(/SQLITE|readonly database|EACCES/);
  });

  it('opens an archive on a full disk read-only, saying the disk is full', async () => {
    const dir = join(root, 'full');
    smallDisk(dir, '8m');
    await seeded(dir);
    const fd = openSync(join(dir, 'filler'), 'w');
    for (const size of [1 << 20, 1 << 12, 1])
      for (;;) {
        try {
          writeSync(fd, Buffer.alloc(size, 1));
        } catch {
          break;
        }
      }
    closeSync(fd);
    const reason = 'its disk is full: free some space and open it again';
    expect((await tala('--archive', dir, 'search', 'Sahakyan')).code).toBe(0);
    const health = JSON.parse((await tala('--archive', dir, 'health', '--json')).out);
    expect(health.disks[0].state).toBe('full');
    expect(health.warnings).toEqual([
      expect.stringContaining(`This archive is open read-only (${reason})`),
      expect.stringContaining('is full'),
    ]);
    await expectCliRefusesWrites(dir, reason);
    await expectBackupElsewhere(dir);
  });
});
