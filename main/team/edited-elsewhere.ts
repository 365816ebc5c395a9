// "Edited elsewhere by …": for rows shown to the user (annotations, facts), who on the team last changed
// them when it was not this desktop's member, and any open conflict that keeps another member's version.
// Read from this desktop's sync state in bulk; outside a team it costs one lookup and says nothing.
import type { EditedElsewhere } from '../../shared/types';
import type { Database } from '../db/connection';
import { sql } from '../db/sql';

const CHUNK = 400;

/** The row's id → who else changed it, for rows of an id-keyed shared table. */
export async function editedElsewhereFor(
  db: Database,
  entity: 'annotations' | 'facts',
  ids: readonly string[],
): Promise<Map<string, EditedElsewhere>> {
  const out = new Map<string, EditedElsewhere>();
  if (ids.length === 0) return out;
  const member = await db.get<{ value: string }>(sql`SELECT value FROM sync_state WHERE key = 'member'`);
  if (!member) return out;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const keys = chunk.map((id) => JSON.stringify([id]));
    const marks = keys.map(() => '?').join(', ');
    // The current version, pulled from another member, and not changed here since (nothing pending).
    const versions = await db.all<{ row_key: string; author: string; hlc: string }>({
      text: `SELECT v.row_key, v.author, v.hlc FROM sync_versions v
             WHERE v.entity = ? AND v.row_key IN (${marks}) AND v.seq IS NOT NULL AND v.author IS NOT NULL
               AND v.author <> ? AND NOT EXISTS (SELECT 1 FROM sync_pending p WHERE p.entity = v.entity AND
               p.row_key = v.row_key)`,
      params: [entity, ...keys, member.value],
    });
    const conflicts = await db.all<{
      id: string;
      row_key: string;
      other_author: string | null;
      kept_author: string | null;
      other_at: string | null;
      detected_at: string;
    }>({
      text: `SELECT id, row_key, other_author, kept_author, json_extract(other_payload, '$.updated_at') AS other_at,
               detected_at
             FROM sync_conflicts WHERE entity = ? AND row_key IN (${marks}) AND resolved_at IS NULL
             ORDER BY detected_at`,
      params: [entity, ...keys],
    });
    const openConflict = new Map(conflicts.map((c) => [c.row_key, c]));
    for (const v of versions) {
      const conflict = openConflict.get(v.row_key);
      out.set(idOf(v.row_key), { by: v.author, at: hlcTime(v.hlc), conflictId: conflict?.id ?? null });
    }
    for (const c of conflicts) {
      const id = idOf(c.row_key);
      if (out.has(id)) continue;
      // The version here is this member's; another member's version waits in the review list.
      const by = c.other_author && c.other_author !== member.value ? c.other_author : c.kept_author;
      if (!by || by === member.value) continue;
      out.set(id, { by, at: c.other_at ?? c.detected_at, conflictId: c.id });
    }
  }
  return out;
}

/**
 * Passages whose text another member edited at the same time as this desktop: the version that lost in server
 * order waits in the review list, and the passage says so in place. Offsets moved by an edit elsewhere in the
 * document are no such edit (the texts agree).
 */
export async function passagesEditedElsewhere(
  db: Database,
  passages: ReadonlyArray<{ id: string; text: string }>,
): Promise<Map<string, EditedElsewhere>> {
  const out = new Map<string, EditedElsewhere>();
  if (passages.length === 0) return out;
  const member = await db.get<{ value: string }>(sql`SELECT value FROM sync_state WHERE key = 'member'`);
  if (!member) return out;
  const texts = new Map(passages.map((p) => [p.id, p.text]));
  const open = await db.all<{
    id: string;
    row_key: string;
    other_author: string | null;
    kept_author: string | null;
    other_text: string | null;
    detected_at: string;
  }>(
    sql`SELECT id, row_key, other_author, kept_author, json_extract(other_payload, '$.text') AS other_text, detected_at
        FROM sync_conflicts WHERE entity = 'passages' AND kind = 'edit' AND resolved_at IS NULL ORDER BY detected_at`,
  );
  for (const c of open) {
    const id = idOf(c.row_key);
    const text = texts.get(id);
    if (text === undefined || c.other_text === null || c.other_text === text || out.has(id)) continue;
    const by = c.other_author && c.other_author !== member.value ? c.other_author : c.kept_author;
    if (!by || by === member.value) continue;
    out.set(id, { by, at: c.detected_at, conflictId: c.id });
  }
  return out;
}

function idOf(rowKey: string): string {
  return String((JSON.parse(rowKey) as unknown[])[0]);
}

/** The wall-clock part of a hybrid logical clock value (milliseconds, zero-padded), as an ISO time. */
function hlcTime(hlc: string): string | null {
  const ms = Number(hlc.slice(0, hlc.indexOf('-')));
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : null;
}
