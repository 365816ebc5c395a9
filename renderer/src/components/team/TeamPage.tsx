// Team archive page (#/team): which team this archive syncs with, joining and leaving one, Sync now, and the
// review list of conflicts — a version edited elsewhere at the same time, or a delete that met an edit —
// where the person keeps what is current or takes the other version.
import { useState, type FormEvent } from 'react';
import type { ConflictChoice, SyncConflict } from '../../../../shared/team';
import { useApi } from '../../api/context';
import { useArchiveChanged, useArchiveQuery } from '../../api/queries';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { describe, differences, isLostEdit } from './conflict-words';
import './team.css';

type Notice = { tone: 'ok' | 'warn'; text: string };

export function TeamPage() {
  const api = useApi();
  const archiveChanged = useArchiveChanged();
  const status = useArchiveQuery('team.status', undefined);
  const conflicts = useArchiveQuery('team.conflicts', undefined);
  const [server, setServer] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const refresh = () => {
    void status.refetch();
    void conflicts.refetch();
  };
  const act = async (what: string, work: () => Promise<string | void>) => {
    setBusy(true);
    setNotice(null);
    try {
      const said = await work();
      if (said) setNotice({ tone: 'ok', text: said });
    } catch (err) {
      setNotice({ tone: 'warn', text: `${what}: ${errorMessage(err)}` });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const join = (e: FormEvent) => {
    e.preventDefault();
    void act('Could not join the team', async () => {
      const joined = await api['team.join']({ server: server.trim() });
      setServer('');
      return (
        `This archive now syncs with ${joined.server} as ${joined.member}. Its documents go to` +
        ` the team on the first sync.`
      );
    });
  };
  const syncNow = () =>
    act('Could not sync', async () => {
      const r = await api['team.sync']();
      if (r.pulled > 0) archiveChanged('everything');
      return `Synced: ${r.pushed} sent, ${r.pulled} received${r.conflicts ? `, ${r.conflicts} to review` : ''}.`;
    });
  const resolve = (c: SyncConflict, choice: ConflictChoice) =>
    act('Could not settle the conflict', async () => {
      await api['team.resolve']({ id: c.id, choice });
      if (choice !== 'keep-current') archiveChanged('everything');
      if (choice === 'merge') return 'Merged into one entity here; the next sync gives the merge to the team.';
      return choice === 'take-other'
        ? 'The other version is current here; the next sync gives it to the team.'
        : 'Kept the current version.';
    });

  const s = status.data;
  return (
    <section className="team-page" aria-labelledby="team-title">
      <h1 id="team-title">Team archive</h1>
      {notice && (
        <p
          className={`team-page__notice team-page__notice--${notice.tone}`}
          role={notice.tone === 'warn' ? 'alert' : 'status'}
          data-testid="team-notice"
        >
          {notice.text}
        </p>
      )}
      {s && !s.joined && (
        <form className="team-page__join" onSubmit={join}>
          <p>
            Share this archive with colleagues through a PostgreSQL database. Everything stays on this computer too, and
            you keep working offline; changes are exchanged when the team database can be reached.
          </p>
          <label htmlFor="team-server">Team database address</label>
          <input
            id="team-server"
            type="text"
            value={server}
            onChange={(e) => setServer(e.target.value)}
            placeholder="postgres://name@host/database"
            spellCheck={false}
            autoComplete="off"
            data-testid="team-server"
          />
          <button type="submit" disabled={busy || !server.trim()} data-testid="team-join">
            Join the team
          </button>
        </form>
      )}
      {s?.joined && (
        <div className="team-page__status">
          <dl>
            <dt>Team database</dt>
            <dd data-testid="team-server-shown">{s.server}</dd>
            <dt>You are</dt>
            <dd>{s.member}</dd>
            <dt>Last sync</dt>
            <dd>{s.lastSyncAt ? formatDateTime(s.lastSyncAt) : 'not yet'}</dd>
            <dt>Waiting to be sent</dt>
            <dd>{formatNumber(s.waiting)}</dd>
          </dl>
          {s.lastError && <p className="team-page__notice team-page__notice--warn">Last sync failed: {s.lastError}</p>}
          <button type="button" onClick={() => void syncNow()} disabled={busy} data-testid="team-page-sync">
            {busy ? 'Syncing…' : 'Sync now'}
          </button>
        </div>
      )}
      <h2>To review</h2>
      {conflicts.data && conflicts.data.length === 0 && <p className="team-page__empty">Nothing to review.</p>}
      <ul className="team-conflicts" data-testid="team-conflicts">
        {conflicts.data?.map((c) => (
          <li key={c.id} className="team-conflict" data-testid="team-conflict">
            <p className="team-conflict__what">{describe(c)}</p>
            {differences(c).length > 0 && (
              <table className="team-conflict__diff">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Current ({c.keptAuthor ?? 'here'})</th>
                    <th scope="col">Edited elsewhere by {c.otherAuthor ?? 'someone'}</th>
                  </tr>
                </thead>
                <tbody>
                  {differences(c).map((d) => (
                    <tr key={d.field}>
                      <th scope="row">{d.field}</th>
                      <td>{d.current}</td>
                      <td data-testid="team-conflict-other">{d.other}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="team-conflict__actions">
              {c.kind === 'duplicate' && c.entity === 'entities' && (
                <button type="button" onClick={() => void resolve(c, 'merge')} disabled={busy} data-testid="team-merge">
                  Merge them
                </button>
              )}
              <button type="button" onClick={() => void resolve(c, 'keep-current')} disabled={busy}>
                {c.kind === 'duplicate' && c.entity === 'entities'
                  ? 'Keep both'
                  : isLostEdit(c)
                    ? 'Dismiss'
                    : 'Keep current'}
              </button>
              {c.kind !== 'duplicate' && !isLostEdit(c) && (
                <button
                  type="button"
                  onClick={() => void resolve(c, 'take-other')}
                  disabled={busy}
                  data-testid="team-take-other"
                >
                  {c.otherOp === 'delete' ? 'Delete it after all' : 'Take the other version'}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
