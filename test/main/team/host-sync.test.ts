// The bridge host (`npm run web`) syncs a team archive in the background: a change made through the bridge
// reaches the team database without anyone pressing Sync now, and closing the host stops the sync before
// the archive closes. A real PostgreSQL, a real archive, the real HTTP bridge.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchiveDir } from '../../../main/archive/open-default';
import { KeychainCredentialStore, keychainCredentials, type Cipher } from '../../../main/team/credentials';
import { TeamService } from '../../../main/team/service';
import { startWebHost } from '../../../main/web/host';
import { parseWire, stringifyWire } from '../../../shared/wire';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../../helpers/postgres';
import { tempDir } from '../../helpers/temp';

const unavailable = postgresUnavailable();
if (unavailable && process.env.CI) throw new Error(`PostgreSQL is required in CI: ${unavailable}`);

describe.skipIf(unavailable)('background team sync in the bridge host', () => {
  let pg: TestPostgres;
  beforeAll(() => {
    pg = startPostgres();
  }, 120_000);
  afterAll(() => pg?.stop());

  it('syncs a change made through the bridge by itself, and stops on close', async () => {
    const db = await pg.createDatabase();
    await TeamService.initServer(pg.urlFor('tala_admin', db), [{ name: 'alice' }, { name: 'bob' }]);
    const dirA = tempDir('tala-host-a-');
    const first = await openArchiveDir(dirA, { search: 'inline' });
    await first.team.join(pg.urlFor('alice', db));
    await first.close();
    const rendererDir = tempDir('tala-host-ui-');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Tala</title>');

    const results: string[] = [];
    const host = await startWebHost({
      archiveDir: dirA,
      rendererDir,
      teamSync: {
        debounceMs: 300,
        intervalMs: 60_000,
        watchMs: 100,
        onResult: (r) => results.push(r.error ? `error: ${r.error.message}` : 'ok'),
        log: () => undefined,
      },
    });
    const call = async <T>(channel: string, payload: unknown): Promise<T> => {
      const res = await fetch(`http://127.0.0.1:${host.bridge.port}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Tala-Token': host.bridge.token },
        body: stringifyWire(payload),
      });
      const answer = parseWire(await res.text()) as { ok: boolean; value: T; error?: unknown };
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      return answer.value;
    };
    try {
      const text = 'Halalan sa Nagorno-Karabakh\n\nNanalo si Bako Sahakyan noong 2012.';
      const imported = await call<{ status: string; document: { id: string } }>('documents.import', {
        name: 'halalan.txt',
        data: new TextEncoder().encode(text),
        lang: 'tl',
      });
      const docId = imported.document.id;
      // The first sync (everything made before joining and the import) happens without being asked.
      await expect
        .poll(() => call<{ waiting: number; lastSyncAt: string | null }>('team.status', undefined), {
          timeout: 30_000,
          interval: 200,
        })
        .toMatchObject({ waiting: 0, lastSyncAt: expect.any(String) });
      const start = text.indexOf('Bako Sahakyan');
      await call('annotations.create', { docId, start, end: start + 13, note: 'synced in the background' });
      await expect
        .poll(() => call<{ waiting: number }>('team.status', undefined), { timeout: 30_000, interval: 200 })
        .toMatchObject({ waiting: 0 });

      // Bob pulls it: the background sync pushed it to the team database.
      const bob = await openArchiveDir(tempDir('tala-host-b-'), { search: 'inline' });
      try {
        await bob.team.join(pg.urlFor('bob', db));
        await bob.team.sync();
        expect((await bob.annotations.list(docId)).map((n) => n.note)).toEqual(['synced in the background']);
      } finally {
        await bob.close();
      }
      expect(results.filter((r) => r !== 'ok')).toEqual([]);
    } finally {
      await host.close();
    }
    const after = results.length;
    await new Promise((r) => setTimeout(r, 800));
    expect(results.length).toBe(after);
  });

  it('does nothing for an archive outside a team', async () => {
    const rendererDir = tempDir('tala-host-ui-');
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Tala</title>');
    const results: string[] = [];
    const host = await startWebHost({
      archiveDir: tempDir('tala-host-solo-'),
      rendererDir,
      teamSync: { debounceMs: 50, watchMs: 50, onResult: () => results.push('ran'), log: () => undefined },
    });
    await new Promise((r) => setTimeout(r, 500));
    await host.close();
    expect(results).toEqual([]);
  });
});

/** A stand-in for the OS keychain: AES-256-GCM under a key only this process has. */
function testKeychain(backend = 'gnome_libsecret'): Cipher {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe('team credentials', () => {
  it('the keychain keeps the password encrypted in an owner-only file, never in clear', () => {
    const dir = tempDir('tala-cred-');
    const archiveFile = join(dir, 'archive.sqlite');
    // A password kept by a command-line join is found, then moved into the keychain.
    const plain = keychainCredentials(archiveFile, { ...testKeychain(), isEncryptionAvailable: () => false });
    plain.save('dana', 's3cret:pass');
    expect(statSync(join(dir, 'team.pgpass')).mode & 0o777).toBe(0o600);
    const store = keychainCredentials(archiveFile, testKeychain());
    expect(store).toBeInstanceOf(KeychainCredentialStore);
    expect(store.load('dana')).toBe('s3cret:pass');
    store.save('dana', 'n3w:secret');
    expect(store.load('dana')).toBe('n3w:secret');
    expect(store.load('someone')).toBeNull();
    const kept = join(dir, 'team.keychain');
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    expect(readFileSync(kept, 'utf8')).not.toMatch(/n3w|secret/);
    expect(existsSync(join(dir, 'team.pgpass'))).toBe(false);
    // Linux without a keyring: Electron's "basic_text" is no protection, so the owner-only file is used.
    expect(keychainCredentials(archiveFile, testKeychain('basic_text'))).not.toBeInstanceOf(KeychainCredentialStore);
    store.forget();
    expect(existsSync(kept)).toBe(false);
  });
});
