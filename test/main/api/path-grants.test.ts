// Over the desktop's IPC a request may name only files and folders the person gave the window (PathGrants, fed
// by the preload's reports of picks and drops): a compromised page cannot import ~/.ssh/id_rsa and read it back
// as an original. Real dispatch, a real archive, real files and symbolic links.
import { mkdirSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, dispatch } from '../../../main/api/dispatch';
import { PATH_NOT_GRANTED, PathGrants } from '../../../main/api/path-grants';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { tempDir } from '../../helpers/temp';

const root = tempDir('tala-grants-');
const picked = join(root, 'picked');
const secret = join(root, 'secret');
let archive: Archive;

beforeAll(async () => {
  for (const dir of [picked, secret]) mkdirSync(dir);
  writeFileSync(join(picked, 'tala.txt'), 'Isang tala tungkol sa halalan sa Stepanakert.\n');
  writeFileSync(join(secret, 'id_rsa'), 'Lihim na susi na hindi dapat mabasa ng pahina.\n');
  // A link inside the granted folder pointing out of it: judged by where it really leads.
  symlinkSync(join(secret, 'id_rsa'), join(picked, 'link.txt'));
  archive = await openArchiveDir(join(root, 'archive'), { search: 'inline' });
});
afterAll(() => archive?.close());

async function finished(api: ReturnType<typeof createApi>, jobId: string) {
  for (;;) {
    const status = await dispatch(api, 'jobs.status', { id: jobId });
    const value = (status as { ok: true; value: { state: string } }).value;
    if (value.state !== 'running') return value as unknown as { summary: { imported: unknown[] } };
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('paths over IPC need a grant', () => {
  it('PathGrants: granted files and folders, what lies inside, never a way out', () => {
    const grants = new PathGrants();
    grants.grant(picked);
    expect(grants.covers(picked)).toBe(true);
    expect(grants.covers(join(picked, 'tala.txt'))).toBe(true);
    expect(grants.covers(join(picked, 'not-yet.tala'))).toBe(true);
    expect(grants.covers(join(picked, '..', 'secret', 'id_rsa'))).toBe(false);
    expect(grants.covers(join(picked, 'link.txt'))).toBe(false);
    expect(grants.covers(`${picked}-other`)).toBe(false);
    expect(grants.covers('picked/tala.txt')).toBe(false); // relative: refused
    expect(grants.covers(root)).toBe(false);
  });

  it('the desktop door refuses what was not given, and imports what was', async () => {
    const grants = new PathGrants();
    const desktop = createApi(archive, 'ipc', { grants });
    const refusal = { ok: false, error: { code: 'FORBIDDEN', message: PATH_NOT_GRANTED } };
    const exported = join(secret, 'copy.tala');
    const attempts: Array<[string, unknown]> = [
      ['documents.importPaths', { paths: [join(secret, 'id_rsa')] }],
      ['documents.importPaths', { paths: [join(picked, 'link.txt')] }],
      ['archive.importPortable', { file: join(secret, 'id_rsa') }],
      ['archive.exportPortable', { file: exported }],
      ['archive.backup', { file: join(secret, 'backup.sqlite') }],
      ['archives.open', { dir: secret }],
    ];
    for (const [channel, payload] of attempts)
      expect(await dispatch(desktop, channel, payload), channel).toEqual(refusal);
    grants.grant(picked);
    // Still refused after the folder beside it was given: a link, a way up, a list with one stranger.
    for (const paths of [[join(picked, 'link.txt')], [join(picked, '..', 'secret')], [picked, secret]])
      expect(await dispatch(desktop, 'documents.importPaths', { paths })).toEqual(refusal);
    expect(existsSync(exported)).toBe(false);
    expect(await dispatch(desktop, 'documents.list', undefined)).toMatchObject({ ok: true, value: [] });

    // The folder given: its file is imported, the link out of it is not followed.
    const started = await dispatch(desktop, 'documents.importPaths', { paths: [picked], lang: 'tl' });
    expect(started).toMatchObject({ ok: true });
    const done = await finished(desktop, (started as { ok: true; value: { id: string } }).value.id);
    expect(done.summary.imported).toHaveLength(1);
    const docs = await dispatch(desktop, 'documents.list', undefined);
    expect(JSON.stringify(docs)).not.toContain('Lihim');

    // The command line (the person types the path) and the desktop without grants wired are unchanged.
    const cli = createApi(archive, 'cli');
    const viaCli = await dispatch(cli, 'archive.exportPortable', { file: join(secret, 'typed.tala') });
    expect(viaCli).toMatchObject({ ok: true });
  });
});
