// Merging the translation tables of a portable archive (attached as `src`) into this one, by UUID, after
// the documents: links between documents that were mapped onto existing copies are re-pointed (and not
// duplicated), manual corrections follow their passages by id or, on a re-mapped document, by text.
// Stored alignments are caches: copied only where nothing was re-mapped. Settings and the machine-
// translation log belong to one installation and are never merged.
import { Database } from '../db/connection';
import { columnList } from '../db/schema-shape';
import { sql } from '../db/sql';
import { readPassages } from '../documents/passage-text';
import type { LinkRow } from './repo';

export interface TranslationMergeReport {
  links: { added: number; alreadyPresent: number };
  corrections: { added: number; dropped: number };
}

/** Source passage id → passage id in this archive, for one source document mapped onto `mainDocId`. */
async function passageMap(tx: Database, srcDocId: string, mainDocId: string): Promise<Map<string, string>> {
  const theirs = await readPassages(tx, [srcDocId], 'src');
  const ours = await readPassages(tx, [mainDocId], 'main');
  const byId = new Set(ours.map((p) => p.id));
  const unused = new Map<string, string[]>();
  for (const p of ours) (unused.get(p.text) ?? unused.set(p.text, []).get(p.text)!).push(p.id);
  const map = new Map<string, string>();
  const used = new Set<string>();
  for (const p of theirs) {
    if (byId.has(p.id)) {
      map.set(p.id, p.id);
      used.add(p.id);
    }
  }
  for (const p of theirs) {
    if (map.has(p.id)) continue;
    const id = unused.get(p.text)?.find((c) => !used.has(c));
    if (id) {
      map.set(p.id, id);
      used.add(id);
    }
  }
  return map;
}

export async function mergeTranslationTables(
  tx: Database,
  docMap: Map<string, string>,
): Promise<TranslationMergeReport> {
  const report: TranslationMergeReport = {
    links: { added: 0, alreadyPresent: 0 },
    corrections: { added: 0, dropped: 0 },
  };
  const linkMap = new Map<string, { id: string; flipped: boolean; src: LinkRow }>();
  const added = new Set<string>();
  for (const row of await tx.all<LinkRow>(sql`SELECT * FROM src.translations ORDER BY created_at`)) {
    if (await tx.get(sql`SELECT 1 FROM main.translations WHERE id = ${row.id}`)) {
      linkMap.set(row.id, { id: row.id, flipped: false, src: row });
      report.links.alreadyPresent++;
      continue;
    }
    const s = docMap.get(row.source_document_id);
    const t = docMap.get(row.translation_document_id);
    if (!s || !t || s === t) continue;
    const existing = await tx.get<LinkRow>(sql`
      SELECT * FROM main.translations
      WHERE (source_document_id = ${s} AND translation_document_id = ${t}) OR (source_document_id = ${t} AND
        translation_document_id = ${s})`);
    if (existing) {
      linkMap.set(row.id, { id: existing.id, flipped: existing.source_document_id !== s, src: row });
      report.links.alreadyPresent++;
      continue;
    }
    await tx.run(sql`INSERT INTO main.translations (id, source_document_id, translation_document_id, origin, created_at)
                     VALUES (${row.id}, ${s}, ${t}, ${row.origin}, ${row.created_at})`);
    linkMap.set(row.id, { id: row.id, flipped: false, src: row });
    added.add(row.id);
    report.links.added++;
  }

  const maps = new Map<string, Map<string, string>>();
  const mapFor = async (srcDocId: string) => {
    if (!maps.has(srcDocId)) maps.set(srcDocId, await passageMap(tx, srcDocId, docMap.get(srcDocId)!));
    return maps.get(srcDocId)!;
  };

  // Stored alignments of new links between documents that came over unchanged.
  for (const id of added) {
    const { src } = linkMap.get(id)!;
    if (
      docMap.get(src.source_document_id) !== src.source_document_id ||
      docMap.get(src.translation_document_id) !== src.translation_document_id
    )
      continue;
    const cols = await columnList(tx, 'alignments');
    await tx.run(
      sql`INSERT OR IGNORE INTO main.alignments (${cols}) SELECT ${cols} FROM src.alignments WHERE translation_id =
        ${id}`,
    );
  }

  type SrcManual = {
    id: string;
    translation_id: string;
    level: string;
    op: string;
    source: string;
    target: string;
    created_at: string;
  };
  for (const row of await tx.all<SrcManual>(sql`SELECT * FROM src.alignment_links ORDER BY created_at`)) {
    if (await tx.get(sql`SELECT 1 FROM main.alignment_links WHERE id = ${row.id}`)) continue;
    const mapped = linkMap.get(row.translation_id);
    if (!mapped) {
      report.corrections.dropped++;
      continue;
    }
    const sMap = await mapFor(mapped.src.source_document_id);
    const tMap = await mapFor(mapped.src.translation_document_id);
    const remap = (units: Array<string | [string, number]>, map: Map<string, string>) =>
      units.map((u) => (typeof u === 'string' ? map.get(u) : map.has(u[0]) ? [map.get(u[0])!, u[1]] : undefined));
    let source = remap(JSON.parse(row.source), sMap);
    let target = remap(JSON.parse(row.target), tMap);
    if (source.includes(undefined) || target.includes(undefined)) {
      report.corrections.dropped++;
      continue;
    }
    if (mapped.flipped) [source, target] = [target, source];
    await tx.run(sql`INSERT INTO main.alignment_links (id, translation_id, level, op, source, target, created_at)
                     VALUES (${row.id}, ${mapped.id}, ${row.level}, ${row.op}, ${JSON.stringify(source)},
                       ${JSON.stringify(target)}, ${row.created_at})`);
    report.corrections.added++;
  }

  // Segments of typed translations that came over as new links.
  type SrcSegment = {
    id: string;
    translation_id: string;
    source_passage_id: string | null;
    target_passage_id: string | null;
  };
  for (const seg of await tx.all<SrcSegment>(
    sql`SELECT id, translation_id, source_passage_id, target_passage_id FROM src.translation_segments`,
  )) {
    if (
      !added.has(seg.translation_id) ||
      (await tx.get(sql`SELECT 1 FROM main.translation_segments WHERE id = ${seg.id}`))
    )
      continue;
    const { src } = linkMap.get(seg.translation_id)!;
    const sourcePassage = seg.source_passage_id
      ? ((await mapFor(src.source_document_id)).get(seg.source_passage_id) ?? null)
      : null;
    const targetPassage = seg.target_passage_id
      ? ((await mapFor(src.translation_document_id)).get(seg.target_passage_id) ?? null)
      : null;
    await tx.run(sql`INSERT INTO main.translation_segments (id, translation_id, ordinal, unit, source_passage_id,
      source_sentence, source_text, target_passage_id, text, status, updated_at)
                     SELECT id, translation_id, ordinal, unit, ${sourcePassage}, source_sentence, source_text,
                       ${targetPassage}, text, status, updated_at
                     FROM src.translation_segments WHERE id = ${seg.id}`);
  }
  return report;
}

/**
 * Tables of one installation (settings, what machine translation sent out, this desktop's team-sync state):
 * never copied between archives.
 */
export const LOCAL_TABLES = [
  'settings',
  'mt_requests',
  'sync_state',
  'sync_pending',
  'sync_outbox',
  'sync_versions',
  'sync_conflicts',
  'sync_apply_guard',
  'sync_adopted',
] as const;

/**
 * Empties the local tables of a portable copy before it leaves (an API key must not travel with the
 * documents). secure_delete overwrites the freed pages; the copy goes back to a single-file journal.
 */
export async function scrubLocalTables(file: string): Promise<void> {
  // No reader connection: leaving WAL mode needs the only connection to the file.
  const db = await Database.open(file, { reader: false });
  try {
    await db.exec('PRAGMA secure_delete = ON');
    const present = new Set(
      (await db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((r) => r.name),
    );
    for (const table of LOCAL_TABLES) if (present.has(table)) await db.exec(`DELETE FROM ${table}`);
    await db.exec('PRAGMA journal_mode = DELETE');
  } finally {
    await db.close();
  }
}
