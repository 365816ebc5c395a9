// The tables a team archive shares, in parent-before-child order (inserts are applied in this order;
// foreign keys are checked at commit, so the order only keeps batches readable). Derived tables (the
// search index, cached alignments) and machine-local ones (settings, the MT log) never sync.
export interface SyncedTable {
  name: string;
  /** Primary-key columns: a row's identity across desktops. */
  key: readonly string[];
}

export const SYNCED_TABLES: readonly SyncedTable[] = [
  { name: 'documents', key: ['id'] },
  { name: 'originals', key: ['document_id'] },
  { name: 'document_versions', key: ['document_id', 'version'] },
  { name: 'passages', key: ['id'] },
  { name: 'sentences', key: ['passage_id', 'ordinal'] },
  { name: 'tags', key: ['id'] },
  { name: 'document_tags', key: ['document_id', 'tag_id'] },
  { name: 'annotations', key: ['id'] },
  { name: 'annotation_tags', key: ['annotation_id', 'tag_id'] },
  { name: 'entities', key: ['id'] },
  { name: 'entity_redirects', key: ['from_id'] },
  { name: 'entity_aliases', key: ['id'] },
  { name: 'facts', key: ['id'] },
  { name: 'fact_evidence', key: ['fact_id', 'annotation_id'] },
  { name: 'translations', key: ['id'] },
  { name: 'alignment_links', key: ['id'] },
  { name: 'translation_segments', key: ['id'] },
  { name: 'collections', key: ['id'] },
  { name: 'collection_documents', key: ['collection_id', 'document_id'] },
  { name: 'document_variants', key: ['document_id'] },
];

/** Tables whose `name` is unique (case-insensitive): the same name made on two desktops is told apart. */
export const NAMED_TABLES: ReadonlySet<string> = new Set(['tags', 'collections']);

export const SYNCED_TABLE_NAMES: ReadonlySet<string> = new Set(SYNCED_TABLES.map((t) => t.name));

export function syncedTable(name: string): SyncedTable {
  const table = SYNCED_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`not a synced table: ${name}`);
  return table;
}

/** Position in the parent-before-child order. */
export function tableRank(name: string): number {
  return SYNCED_TABLES.findIndex((t) => t.name === name);
}
