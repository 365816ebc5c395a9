// @vitest-environment happy-dom
// The backups page and the health banner with a fake API: reasons in words, back up now, restore with a
// confirmation, the cloud-folder warning and a damaged archive (from archive.health or from any failing call).
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TalaApi } from '../../shared/contract';
import type { ArchiveHealth, BackupInfo } from '../../shared/types';
import { ApiProvider } from '../../renderer/src/api/context';
import { createApiFromInvoke } from '../../renderer/src/api/transport';
import { BackupsPage } from '../../renderer/src/components/backups/BackupsPage';
import { HealthBanner, useArchiveHealth } from '../../renderer/src/components/backups/HealthBanner';
import { healthProblems, reasonWords } from '../../renderer/src/lib/backups';
import { byTestId, flush, render, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

const backup = (n: number, reason: BackupInfo['reason']): BackupInfo => ({
  file: `/a/backups/tala-${n}-${reason}.sqlite`,
  createdAt: `2026-03-0${n}T10:00:00.000Z`,
  reason,
  bytes: 2048 * n,
});

function fakeApi(over: Partial<Record<string, (req: unknown) => Promise<unknown>>>): TalaApi {
  return new Proxy(
    {},
    { get: (_t, name: string) => over[name] ?? (() => Promise.reject(new Error(`unexpected call ${name}`))) },
  ) as TalaApi;
}

function Health({ onRestore = () => undefined }: { onRestore?(): void }) {
  const h = useArchiveHealth();
  return <HealthBanner problems={h.problems} onDismiss={h.dismiss} onRestoreNewest={onRestore} />;
}

describe('backup reasons in words', () => {
  it('says why each backup was made', () => {
    expect(reasonWords('scheduled')).toBe('daily');
    expect(reasonWords('manual')).toBe('you made it');
    expect(reasonWords('pre-migration')).toBe('before an upgrade');
    expect(reasonWords('pre-restore')).toBe('before a restore');
  });

  it('turns a health report into banner problems', () => {
    expect(healthProblems({ integrity: 'ok', warnings: [] })).toEqual([]);
    expect(healthProblems({ integrity: 'ok', warnings: ['synced by Dropbox'] })).toEqual([
      { key: 'warning:synced by Dropbox', message: 'synced by Dropbox', damaged: false },
    ]);
    const [damaged] = healthProblems({ integrity: 'row 3 missing from index', warnings: [] });
    expect(damaged.damaged).toBe(true);
    expect(damaged.message).toContain('row 3 missing from index');
  });
});

describe('the backups page', () => {
  it('lists backups, backs up now, and restores after confirmation', async () => {
    let list = [backup(2, 'manual'), backup(1, 'scheduled')];
    const restore = vi.fn(async ({ file }: { file: string }) => {
      const safetyBackup = backup(4, 'pre-restore');
      list = [safetyBackup, ...list];
      expect(file).toBe(backup(1, 'scheduled').file);
      return { safetyBackup };
    });
    const onRestored = vi.fn();
    const api = fakeApi({
      'archive.backups': async () => list,
      'archive.backup': async () => {
        const made = backup(3, 'manual');
        list = [made, ...list];
        return made;
      },
      'archive.restore': restore as (req: unknown) => Promise<unknown>,
    });
    view = await render(
      <ApiProvider api={api}>
        <BackupsPage
          info={{ version: '1', archivePath: '/home/me/Tala/archive.sqlite', schemaVersion: 1 }}
          onRestored={onRestored}
        />
      </ApiProvider>,
    );
    await flush();
    const c = view.container;
    expect(byTestId(c, 'backups-archive-path')[0].textContent).toBe('/home/me/Tala/archive.sqlite');
    expect(byTestId(c, 'backup-reason').map((e) => e.textContent)).toEqual(['you made it', 'daily']);

    await act(async () => byTestId(c, 'backup-now')[0].click());
    await flush();
    expect(byTestId(c, 'backup-item')).toHaveLength(3);
    expect(byTestId(c, 'backups-notice')[0].textContent).toContain('Backup made');

    // Restore the daily one: a confirmation first; Cancel does nothing.
    await act(async () => byTestId(c, 'backup-restore')[2].click());
    const dialog = byTestId(c, 'restore-confirm')[0];
    expect(dialog.textContent).toContain("Replace the archive's current content with the backup of");
    expect(dialog.textContent).toContain('The current content is kept as a new backup first, so this can be undone.');
    await act(async () => byTestId(c, 'restore-cancel')[0].click());
    expect(byTestId(c, 'restore-confirm')).toHaveLength(0);
    expect(restore).not.toHaveBeenCalled();

    await act(async () => byTestId(c, 'backup-restore')[2].click());
    await act(async () => byTestId(c, 'restore-confirm-button')[0].click());
    await flush();
    expect(restore).toHaveBeenCalledTimes(1);
    expect(onRestored).toHaveBeenCalledTimes(1);
    expect(byTestId(c, 'backups-notice')[0].textContent).toMatch(
      /Restored the backup of .*kept as the backup of .*before a restore/,
    );
    expect(byTestId(c, 'backup-reason').map((e) => e.textContent)).toEqual([
      'before a restore',
      'you made it',
      'you made it',
      'daily',
    ]);
  });
});

describe('the health banner', () => {
  it('shows nothing for a healthy archive', async () => {
    view = await render(
      <ApiProvider
        api={fakeApi({ 'archive.health': async () => ({ integrity: 'ok', warnings: [] }) satisfies ArchiveHealth })}
      >
        <Health />
      </ApiProvider>,
    );
    await flush();
    expect(byTestId(view.container, 'health-banner')).toHaveLength(0);
  });

  it('warns about a cloud-synced folder until dismissed, without offering a restore', async () => {
    const health = vi.fn(async (): Promise<ArchiveHealth> => ({
      integrity: 'ok',
      warnings: ['This archive is inside a folder synced by Dropbox.'],
    }));
    view = await render(
      <ApiProvider api={fakeApi({ 'archive.health': health })}>
        <Health />
      </ApiProvider>,
    );
    await flush();
    expect(health).toHaveBeenCalledTimes(1);
    expect(byTestId(view.container, 'health-message').map((e) => e.textContent)).toEqual([
      'This archive is inside a folder synced by Dropbox.',
    ]);
    expect(byTestId(view.container, 'health-restore')).toHaveLength(0);
    await act(async () => byTestId(view!.container, 'health-dismiss')[0].click());
    expect(byTestId(view.container, 'health-banner')).toHaveLength(0);
  });

  it('offers the newest backup when the integrity check fails', async () => {
    const onRestore = vi.fn();
    view = await render(
      <ApiProvider
        api={fakeApi({
          'archive.health': async () => ({ integrity: 'database disk image is malformed', warnings: [] }),
        })}
      >
        <Health onRestore={onRestore} />
      </ApiProvider>,
    );
    await flush();
    expect(byTestId(view.container, 'health-message')[0].textContent).toContain('database disk image is malformed');
    await act(async () => byTestId(view!.container, 'health-restore')[0].click());
    expect(onRestore).toHaveBeenCalledTimes(1);
  });

  it('appears when any call fails with ARCHIVE_DAMAGED', async () => {
    const api = createApiFromInvoke(async (channel) =>
      channel === 'archive.health'
        ? { ok: true, value: { integrity: 'ok', warnings: [] } }
        : { ok: false, error: { code: 'ARCHIVE_DAMAGED', message: 'archive.sqlite is damaged: page 7 is never used' } },
    );
    view = await render(
      <ApiProvider api={api}>
        <Health />
      </ApiProvider>,
    );
    await flush();
    expect(byTestId(view.container, 'health-banner')).toHaveLength(0);
    await act(async () => {
      await api['documents.list']().catch((err: { code?: string }) => expect(err.code).toBe('ARCHIVE_DAMAGED'));
    });
    expect(byTestId(view.container, 'health-message')[0].textContent).toContain('page 7 is never used');
    expect(byTestId(view.container, 'health-restore')).toHaveLength(1);
  });
});
