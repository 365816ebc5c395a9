// Imported documents and passages get time-ordered ids (UUID version 7): each index keyed by them grows at its end,
// so a group commit writes a few pages at the end of each instead of one wherever a random id fell.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { Database } from '../../../main/db/connection';
import { sql } from '../../../main/db/sql';
import { timeOrderedId } from '../../../main/documents/time-ordered-id';
import { InlineParser } from '../../../main/ingest/parser';
import { tempDir } from '../../helpers/temp';

const root = tempDir();
/** The contract's pattern for ids (shared/contract.ts). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('timeOrderedId', () => {
  it('makes version-7 UUIDs, each greater than the one before, also past 4,096 in one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => timeOrderedId(1_796_000_000_000));
    for (const id of ids) {
      expect(id).toMatch(UUID);
      expect(id[14]).toBe('7'); // version
      expect('89ab').toContain(id[19]); // variant 10
    }
    for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1]).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('starts with the time it was made at, and never goes back when the clock does', () => {
    const id = timeOrderedId(Date.UTC(2030, 0, 1));
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(Date.UTC(2030, 0, 1));
    expect(timeOrderedId(Date.UTC(2029, 0, 1)) > id).toBe(true);
  });
});

describe('ids of imported documents and passages', () => {
  it('follow the order of import: documents one after another, each passage after the one before', async () => {
    const file = join(root, 'ordered.sqlite');
    const archive = await Archive.open(file, { search: 'inline', parser: new InlineParser() });
    let ids: string[];
    try {
      const paragraphs = (k: number) =>
        Array.from({ length: 12 }, (_, i) => `Paragraph ${i} of file ${k}: some words of text here.`).join('\n\n');
      // Files of one import share commits (group commit): their rows go in together.
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, (_, k) =>
          archive.documents.importFile({ name: `f${k}.txt`, bytes: new TextEncoder().encode(paragraphs(k)) }),
        ),
      );
      ids = outcomes.map((o) => (o.status === 'imported' ? o.document.id : ''));
    } finally {
      await archive.close();
    }
    expect([...ids].sort()).toEqual(ids);
    const db = await Database.open(file);
    try {
      const passages = await db.all<{ id: string; document_id: string }>(
        sql`SELECT id, document_id FROM passages ORDER BY id`,
      );
      expect(passages).toHaveLength(6 * 12);
      // In id order, the passages come file by file, each file's in its order.
      const byDocument = await db.all<{ id: string }>(
        sql`SELECT p.id FROM passages p JOIN documents d ON d.id = p.document_id ORDER BY d.id, p.ordinal`,
      );
      expect(passages.map((p) => p.id)).toEqual(byDocument.map((p) => p.id));
      for (const p of passages) expect(p.id).toMatch(UUID);
    } finally {
      await db.close();
    }
  });
});
