// The facts ledger's part of a portable-archive merge (main/backups/portable.ts): entities, aliases, facts
// and evidence are copied by UUID; rows already present are kept as they are. Called inside the merge's
// transaction with the source attached as `src`, after documents and annotations.
import type { Database } from '../db/connection';
import { columnList } from '../db/schema-shape';
import { join, raw, sql } from '../db/sql';

export interface FactsMergeReport {
  entities: number;
  facts: number;
  evidence: number;
}

/**
 * `docMap`: source document id → id of the same document here (equal unless the content was already present under
 * another id).
 */
export async function mergeFactTables(tx: Database, docMap: ReadonlyMap<string, string>): Promise<FactsMergeReport> {
  const [entityCols, aliasCols, evidenceCols] = await Promise.all(
    ['entities', 'entity_aliases', 'fact_evidence'].map((t) => columnList(tx, t)),
  );
  const entities = await tx.run(
    sql`INSERT OR IGNORE INTO main.entities (${entityCols}) SELECT ${entityCols} FROM src.entities`,
  );
  await tx.run(
    sql`INSERT OR IGNORE INTO main.entity_aliases (${aliasCols}) SELECT ${aliasCols} FROM src.entity_aliases`,
  );
  // Where the file's merged entities went; a redirect never shadows an entity that exists here.
  await tx.run(sql`INSERT OR IGNORE INTO main.entity_redirects (from_id, to_id, merged_at)
                   SELECT from_id, to_id, merged_at FROM src.entity_redirects WHERE from_id NOT IN (SELECT id FROM
                     main.entities)`);

  // Column names come from our own schema (never from the file), so they may be spliced in.
  const columns = (await tx.all<{ name: string }>(sql`SELECT name FROM pragma_table_info('facts')`)).map((c) => c.name);
  let facts = 0;
  const srcFacts = await tx.all<{
    id: string;
    status: string;
    source_document_id: string | null;
    proposal_key: string | null;
  }>(sql`SELECT id, status, source_document_id, proposal_key FROM src.facts ORDER BY created_at`);
  for (const f of srcFacts) {
    if (await tx.get(sql`SELECT 1 FROM main.facts WHERE id = ${f.id}`)) continue;
    const docId = f.source_document_id ? (docMap.get(f.source_document_id) ?? null) : null;
    let key =
      f.proposal_key && f.source_document_id && docId
        ? docId + f.proposal_key.slice(f.source_document_id.length)
        : f.proposal_key;
    if (key && (await tx.get(sql`SELECT 1 FROM main.facts WHERE proposal_key = ${key}`))) {
      if (f.status === 'proposed') continue; // the same proposal is already here
      key = null;
    }
    const values = columns.map((c) =>
      c === 'source_document_id' ? sql`${docId}` : c === 'proposal_key' ? sql`${key}` : raw(c),
    );
    await tx.run(
      sql`INSERT INTO main.facts (${raw(columns.join(', '))}) SELECT ${join(values)} FROM src.facts WHERE id = ${f.id}`,
    );
    facts++;
  }
  const evidence = await tx.run(sql`
    INSERT OR IGNORE INTO main.fact_evidence (${evidenceCols}) SELECT ${evidenceCols} FROM src.fact_evidence
    WHERE fact_id IN (SELECT id FROM main.facts) AND annotation_id IN (SELECT id FROM main.annotations)`);
  return { entities: entities.changes, facts, evidence: evidence.changes };
}
