// The browser bridge cannot point machine translation at a server off this computer (a page could otherwise
// send the archive's passages wherever it likes); the command line and a loopback server still can (issue 16).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, dispatch } from '../../../main/api/dispatch';
import type { Archive } from '../../../main/archive/archive';
import { openArchiveDir } from '../../../main/archive/open-default';
import { tempDir } from '../../helpers/temp';

let archive: Archive;
beforeAll(async () => {
  archive = await openArchiveDir(tempDir());
});
afterAll(() => archive.close());

describe('mt.settings.set through the bridge', () => {
  it('refuses a new server on another machine, saying where it can be set; nothing changes', async () => {
    const bridge = createApi(archive, 'bridge');
    for (const endpoint of ['https://translate.example.org', 'http://192.168.1.20:5000', 'http://127.0.0.1.nip.io']) {
      const result = await dispatch(bridge, 'mt.settings.set', { enabled: true, endpoint });
      expect(result, endpoint).toMatchObject({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: expect.stringContaining('set it in the desktop app or on the command line'),
        },
      });
    }
    expect(await archive.translations.mtSettings()).toMatchObject({ enabled: false, endpoint: '' });
  });

  it('accepts a server on this computer, and keeps a remote one the command line set', async () => {
    const bridge = createApi(archive, 'bridge');
    for (const endpoint of ['http://127.0.0.1:5000', 'http://localhost:5000/', 'http://[::1]:5000']) {
      const result = await dispatch(bridge, 'mt.settings.set', { enabled: true, endpoint });
      expect(result, endpoint).toMatchObject({ ok: true });
    }
    const cli = createApi(archive, 'cli');
    expect(
      await dispatch(cli, 'mt.settings.set', { enabled: false, endpoint: 'https://translate.example.org' }),
    ).toMatchObject({ ok: true, value: { endpoint: 'https://translate.example.org' } });
    // The page may switch it on and off and resend the same address; it may not change it.
    expect(
      await dispatch(bridge, 'mt.settings.set', { enabled: true, endpoint: 'https://translate.example.org/' }),
    ).toMatchObject({ ok: true, value: { enabled: true } });
    expect(await dispatch(bridge, 'mt.settings.set', { enabled: false })).toMatchObject({ ok: true });
    expect(
      await dispatch(bridge, 'mt.settings.set', { enabled: true, endpoint: 'https://other.example.org' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await archive.translations.mtSettings()).endpoint).toBe('https://translate.example.org');
  });
});

describe('mt.settings.set through the desktop window (IPC)', () => {
  it("asks the host's own dialog for a server elsewhere; a no leaves the settings as they were", async () => {
    const asked: string[] = [];
    let answer = false;
    const ipc = createApi(archive, 'ipc', {
      confirm: { mtEndpoint: async (endpoint) => (asked.push(endpoint), answer) },
    });
    const before = await archive.translations.mtSettings();
    const declined = await dispatch(ipc, 'mt.settings.set', { enabled: true, endpoint: 'https://mt.example.net/' });
    expect(declined).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('did not confirm') },
    });
    expect(await archive.translations.mtSettings()).toEqual(before);
    answer = true;
    const accepted = await dispatch(ipc, 'mt.settings.set', { enabled: true, endpoint: 'https://mt.example.net/' });
    expect(accepted).toMatchObject({ ok: true, value: { endpoint: 'https://mt.example.net' } });
    expect(asked).toEqual(['https://mt.example.net', 'https://mt.example.net']);
    // A window without a host dialog (no confirmations wired) gets the bridge's rule.
    const bare = createApi(archive, 'ipc');
    expect(await dispatch(bare, 'mt.settings.set', { enabled: true, endpoint: 'https://x.example.net' })).toMatchObject(
      {
        ok: false,
        error: { code: 'FORBIDDEN' },
      },
    );
  });
});
