// Every row a portable file would add is checked before anything is merged: a crafted file must not bring in
// ids that cannot be opened or deleted, offsets outside their text, or oversized values. The file is refused
// whole, with the first problems named. Table and column names here are ours, never the file's.
import { MAX_IMPORT_BYTES } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/connection';
import { raw, sql } from '../db/sql';
import { unpackOriginal } from '../documents/original-bytes';
import { firstSurrogateIn, passageText, unpackSentences } from '../documents/passage-text';

// A GLOB for a UUID: groups of 8, 4, 4, 4 and 12 hex digits joined by hyphens.
const UUID_GLOB = raw(`'${[8, 4, 4, 4, 12].map((digits) => '[0-9a-fA-F]'.repeat(digits)).join('-')}'`);
const MAX_TITLE = 2_000;
/** Generous: the longest text an import of the largest allowed file could produce. */
const MAX_TEXT = MAX_IMPORT_BYTES;

/** Stops a merge whose checks run past the budget (a pathological file must not hold the archive for long). */
export class TimeBudget {
  private readonly deadline: number;
  constructor(private readonly seconds: number) {
    this.deadline = performance.now() + seconds * 1000;
  }
  check(): void {
    if (performance.now() > this.deadline)
      throw new AppError(
        'INVALID_REQUEST',
        `Merging this file took longer than ${this.seconds} s; nothing was changed.`,
      );
  }
}

export async function validatePortableRows(tx: Database, tables: readonly string[], budget: TimeBudget): Promise<void> {
  const problems: string[] = [];
  const note = (problem: string) => void (problems.length < 5 && problems.push(problem));

  // Ids: every `id` and `…_id` column of every merged table holds UUIDs.
  for (const table of tables) {
    const columns = await tx.all<{ name: string }>(sql`SELECT name FROM pragma_table_info(${table}, 'src')`);
    for (const { name } of columns.filter((c) => c.name === 'id' || c.name.endsWith('_id'))) {
      const bad = await tx.get<{ n: number; example: string }>(
        sql`SELECT count(*) AS n, min(${raw(name)}) AS example FROM src.${raw(table)} WHERE ${raw(name)} IS NOT NULL
          AND NOT (${raw(name)} GLOB ${UUID_GLOB})`,
      );
      if (bad && bad.n > 0)
        note(
          `${table}.${name}: ${bad.n} value(s) that are not UUIDs,` +
            ` e.g. ${JSON.stringify(String(bad.example).slice(0, 40))}`,
        );
      budget.check();
    }
  }

  // Sizes.
  const sizes = await tx.get<{ titles: number; texts: number; hashes: number }>(sql`
    SELECT sum(length(title) > ${MAX_TITLE}) AS titles, sum(length(text) > ${MAX_TEXT}) AS texts,
           sum(NOT (content_hash GLOB ${raw(`'${'[0-9a-f]'.repeat(64)}'`)})) AS hashes
    FROM src.documents`);
  if (sizes?.titles) note(`documents: ${sizes.titles} title(s) longer than ${MAX_TITLE} characters`);
  if (sizes?.texts) note(`documents: ${sizes.texts} text(s) larger than an import can be`);
  if (sizes?.hashes) note(`documents: ${sizes.hashes} content hash(es) that are not SHA-256`);
  const originals = await tx.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM src.originals WHERE (compression IS NULL AND size <> length(data))
      OR size > ${MAX_IMPORT_BYTES} OR length(data) > ${MAX_IMPORT_BYTES} OR typeof(data) <> 'blob'`,
  );
  if (originals?.n) note(`originals: ${originals.n} file(s) whose size is wrong or past the import limit`);
  // A deflated original must inflate to its size exactly (never past it: the size bounds the work).
  for (let after = ''; ;) {
    const packed = await tx.all<{ document_id: string; size: number; data: Uint8Array; compression: string }>(
      sql`SELECT document_id, size, data, compression FROM src.originals
          WHERE compression IS NOT NULL AND typeof(data) = 'blob' AND size <= ${MAX_IMPORT_BYTES}
            AND document_id > ${after} ORDER BY document_id LIMIT 50`,
    );
    if (packed.length === 0) break;
    after = packed[packed.length - 1].document_id;
    for (const o of packed) {
      try {
        unpackOriginal(o.data, o.compression, o.size);
      } catch {
        note(`original of ${o.document_id.slice(0, 40)}: its stored bytes do not give back the file`);
      }
    }
    budget.check();
  }
  budget.check();

  // Offsets (UTF-16, as the app counts them): passages inside their document's text and equal to that slice,
  // sentences inside their passage, annotations inside their document.
  const documents = await tx.all<{ id: string; text: string }>(sql`SELECT id, text FROM src.documents`);
  for (const doc of documents) {
    const rows = await tx.all<{
      id: string;
      own_text: string | null;
      start_offset: number;
      end_offset: number;
      sentences: string | null;
    }>(sql`SELECT id, own_text, start_offset, end_offset, sentences FROM src.passages WHERE document_id = ${doc.id}`);
    const surrogate = firstSurrogateIn(doc.text);
    const passages = rows.map((p) => ({ ...p, text: passageText(doc.text, p) }));
    for (const p of passages) {
      if (
        !span(p.start_offset, p.end_offset, doc.text.length) ||
        doc.text.slice(p.start_offset, p.end_offset) !== p.text ||
        // A passage without its own copy is read by SQL's substr() too: no surrogate may come before its end.
        (p.own_text === null && surrogate !== -1 && surrogate < p.end_offset)
      ) {
        note(
          `passage ${p.id.slice(0, 40)}: offsets ${p.start_offset}–${p.end_offset} do not match its document's text`,
        );
      }
    }
    const passageLength = new Map(passages.map((p) => [p.id, p.text.length]));
    const sentences = rows.flatMap((p) => {
      let list: Array<[number, number]>;
      try {
        list = unpackSentences(p.sentences);
      } catch {
        list = [[-1, -1]];
      }
      return list.map(([start_offset, end_offset]) => ({ passage_id: p.id, start_offset, end_offset }));
    });
    const outside = sentences.filter(
      (s) => !span(s.start_offset, s.end_offset, passageLength.get(s.passage_id) ?? 0),
    ).length;
    if (outside) note(`document ${doc.id.slice(0, 40)}: ${outside} sentence(s) outside their passage`);
    const annotations = await tx.all<{ id: string; start_offset: number; end_offset: number }>(
      sql`SELECT id, start_offset, end_offset FROM src.annotations WHERE document_id = ${doc.id}`,
    );
    for (const a of annotations) {
      if (!span(a.start_offset, a.end_offset, doc.text.length))
        note(`annotation ${a.id.slice(0, 40)}: offsets ${a.start_offset}–${a.end_offset} outside its document's text`);
    }
    budget.check();
  }
  if (problems.length > 0)
    throw new AppError('INVALID_REQUEST', `This file cannot be merged; nothing was changed: ${problems.join('; ')}.`);
}

function span(start: unknown, end: unknown, length: number): boolean {
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    (start as number) >= 0 &&
    (start as number) <= (end as number) &&
    (end as number) <= length
  );
}
