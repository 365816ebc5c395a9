// What a pulled change must look like before it touches the local archive. The team database is shared, and
// anyone with write access to it (or to its network path) can put any row in the change log: a change is
// checked as untrusted input — its envelope, its row key, then each column of its row (ids, enums, numbers,
// offsets, sizes). A change that fails is refused with a sentence saying which one and why; the pull it came
// in is then not applied at all (one local transaction), so the archive stays as it was.
import { AppError } from '../../shared/errors';
import { ANNOTATION_COLORS } from '../../shared/types';
import { MAX_IMPORT_BYTES } from '../../shared/contract';
import { SYNCED_TABLE_NAMES, syncedTable } from './tables';

/** A change as read from the server, before any of it is trusted. */
export interface PulledChange {
  seq: unknown;
  change_id: unknown;
  client_id: unknown;
  author: unknown;
  entity: unknown;
  row_key: unknown;
  op: unknown;
  hlc: unknown;
  base_hlc: unknown;
  payload: unknown;
  blob: unknown;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const HLC = /^\d{15}-\d{9}-[0-9a-f-]{1,64}$/;
const HEX_ID = /^[0-9a-f]{32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Columns holding the id of a row (or null where the schema allows it). */
const ID_COLUMNS: ReadonlySet<string> = new Set([
  'id',
  'document_id',
  'passage_id',
  'tag_id',
  'annotation_id',
  'entity_id',
  'from_id',
  'to_id',
  'fact_id',
  'subject_id',
  'object_entity_id',
  'qualifier_place_id',
  'source_document_id',
  'translation_id',
  'translation_document_id',
  'source_passage_id',
  'target_passage_id',
  'collection_id',
  'variant_of',
]);

/** Closed sets of values, as the local schema and the app know them (table.column). */
const ENUMS: Record<string, readonly string[]> = {
  'passages.kind': ['heading', 'paragraph'],
  'annotations.color': ANNOTATION_COLORS,
  'annotations.status': ['anchored', 'moved', 'orphaned'],
  'entities.type': ['person', 'organisation', 'place', 'other'],
  'facts.object_kind': ['entity', 'number', 'date', 'text'],
  'facts.value_qualifier': ['exact', 'approx', 'gt', 'lt'],
  'facts.status': ['proposed', 'confirmed', 'rejected'],
  'facts.origin': ['extractor', 'person'],
  'translations.origin': ['import', 'link', 'typed'],
  'alignment_links.level': ['paragraph', 'sentence'],
  'alignment_links.op': ['merge', 'split', 'shift', 'link'],
  'translation_segments.unit': ['passage', 'sentence'],
  'translation_segments.status': ['draft', 'done'],
};

/** Whole numbers ≥ 0 (offsets, ordinals, versions, sizes, 0/1 flags). */
const COUNT_COLUMNS: ReadonlySet<string> = new Set([
  'ordinal',
  'start_offset',
  'end_offset',
  'version',
  'document_version',
  'page',
  'size',
  'source_start',
  'source_end',
  'source_sentence',
  'preferred',
  'owned',
]);

/** Longest text a column may hold; other text columns get DEFAULT_MAX. */
const TEXT_MAX: Record<string, number> = {
  text: MAX_IMPORT_BYTES,
  source_text: MAX_IMPORT_BYTES,
  exact: MAX_IMPORT_BYTES,
  source_exact: MAX_IMPORT_BYTES,
  note: 100_000,
  preferred_reason: 100_000,
  value_text: 100_000,
  source: 10_000,
  target: 1_000_000,
};
const DEFAULT_MAX = 10_000;

class Refused extends Error {}

function refuse(what: string): never {
  throw new Refused(what);
}

/**
 * Checks one pulled change; throws an AppError naming it when it is refused. Changes to tables this Tala does
 * not know (a newer Tala's) pass with their envelope checked: they are skipped when applied.
 */
export function checkPulledChange(c: PulledChange): void {
  try {
    checkEnvelope(c);
    if (!SYNCED_TABLE_NAMES.has(c.entity as string)) return;
    const table = syncedTable(c.entity as string);
    const key = parseKey(c.row_key as string, table.key.length);
    if (c.op === 'delete') {
      if (c.payload !== null && c.payload !== undefined) refuse('a delete carries no row');
      return;
    }
    checkRow(table.name, table.key, key, c.payload, c.blob);
  } catch (err) {
    if (!(err instanceof Refused)) throw err;
    const seq = typeof c.seq === 'number' || typeof c.seq === 'string' ? `#${c.seq}` : '';
    const who = typeof c.author === 'string' && c.author.length <= 63 ? ` by ${c.author}` : '';
    const where = typeof c.entity === 'string' && c.entity.length <= 63 ? ` (${c.entity})` : '';
    throw new AppError(
      'INVALID_REQUEST',
      `The team database sent a change this archive refuses: change ${seq}${who}${where}: ${err.message}. ` +
        'Nothing from this sync was applied and your archive is unchanged; ask the team’s administrator to ' +
        'look at that change in the team database.',
    );
  }
}

function checkEnvelope(c: PulledChange): void {
  if (!Number.isSafeInteger(c.seq) || (c.seq as number) < 1) refuse('its sequence number is not a positive integer');
  if (typeof c.change_id !== 'string' || !HEX_ID.test(c.change_id)) refuse('its change id is malformed');
  if (typeof c.client_id !== 'string' || !UUID.test(c.client_id)) refuse('its desktop id is malformed');
  if (typeof c.author !== 'string' || c.author.length > 63) refuse('its author is not a member name');
  if (typeof c.entity !== 'string' || !/^[a-z_]{1,63}$/.test(c.entity)) refuse('its table name is malformed');
  if (c.op !== 'upsert' && c.op !== 'delete') refuse('it is neither an upsert nor a delete');
  if (typeof c.hlc !== 'string' || !HLC.test(c.hlc)) refuse('its clock value is malformed');
  if (c.base_hlc !== null && (typeof c.base_hlc !== 'string' || !HLC.test(c.base_hlc)))
    refuse('its base clock value is malformed');
  if (typeof c.row_key !== 'string' || c.row_key.length > 1000) refuse('its row key is malformed');
}

function parseKey(rowKey: string, length: number): unknown[] {
  let key: unknown;
  try {
    key = JSON.parse(rowKey);
  } catch {
    refuse('its row key is not JSON');
  }
  if (!Array.isArray(key) || key.length !== length) refuse(`its row key is not a list of ${length}`);
  for (const part of key) {
    const ok = (typeof part === 'string' && ID.test(part)) || (Number.isSafeInteger(part) && (part as number) >= 0);
    if (!ok) refuse('its row key holds something that is not an id');
  }
  return key;
}

function checkRow(table: string, keyColumns: readonly string[], key: unknown[], payload: unknown, blob: unknown): void {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) refuse('the row is not an object');
  const row = payload as Record<string, unknown>;
  keyColumns.forEach((column, i) => {
    if (row[column] !== key[i]) refuse(`${column} does not match the row key`);
  });
  for (const [column, value] of Object.entries(row)) {
    if (!/^[a-z_]{1,63}$/.test(column)) refuse('a column name is malformed');
    if (value === null) continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) refuse(`${column} is not a finite number`);
    } else if (typeof value !== 'string') refuse(`${column} is neither text, a number nor empty`);
    if (ID_COLUMNS.has(column) && (typeof value !== 'string' || !ID.test(value))) refuse(`${column} is not an id`);
    const allowed = ENUMS[`${table}.${column}`];
    if (allowed && !allowed.includes(value as string)) refuse(`${column} is not one of ${allowed.join(', ')}`);
    if (COUNT_COLUMNS.has(column) && (!Number.isSafeInteger(value) || (value as number) < 0))
      refuse(`${column} is not a whole number ≥ 0`);
    if (typeof value === 'string' && value.length > (TEXT_MAX[column] ?? DEFAULT_MAX))
      refuse(`${column} is longer than ${TEXT_MAX[column] ?? DEFAULT_MAX} characters`);
  }
  const count = (column: string) => row[column] as number;
  if (table === 'passages') {
    if (count('end_offset') < count('start_offset')) refuse('the passage ends before it starts');
    if (typeof row.text === 'string' && count('end_offset') - count('start_offset') !== row.text.length)
      refuse('the passage offsets do not span its text');
  }
  if (table === 'sentences' && count('end_offset') < count('start_offset'))
    refuse('the sentence ends before it starts');
  if (table === 'annotations') {
    if (!(count('end_offset') > count('start_offset'))) refuse('the annotation ends before it starts');
    if (typeof row.exact === 'string' && count('end_offset') - count('start_offset') !== row.exact.length)
      refuse('the annotation offsets do not span its quote');
  }
  if (table === 'facts' && row.source_start != null && row.source_end != null) {
    if (count('source_end') < count('source_start')) refuse('the fact’s source ends before it starts');
  }
  if (table === 'originals') {
    if (!(blob instanceof Uint8Array)) refuse('an original file comes without its bytes');
    if (blob.byteLength > MAX_IMPORT_BYTES) refuse(`the original file is larger than ${MAX_IMPORT_BYTES} bytes`);
    if (row.size !== undefined && row.size !== blob.byteLength) refuse('the original file’s size does not match');
  } else if (blob !== null && blob !== undefined) refuse('the row carries bytes it has no column for');
}
