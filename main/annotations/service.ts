// Annotation operations on an open archive: create from a text range, edit the body, delete and
// restore (undo), re-attach an orphan, export and import. (Text correction, which re-anchors annotations,
// is the documents feature's: main/documents/service.ts.)
import { randomUUID } from 'node:crypto';
import { anchor, describeRange, type TextSelector } from '../../shared/anchoring';
import type { AnnotationImportReport, ExportedFile, ExportFormat } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { AnchorStatus, Annotation, AnnotationColor } from '../../shared/types';
import type { Database } from '../db/connection';
import { sql } from '../db/sql';
import * as repo from './repo';
import { exportAnnotations, type DocumentAnnotations } from './export';
import { parseW3c } from './w3c';
import { getDocument, listDocuments } from '../documents/repo';
import { cleanTagNames } from '../documents/tags-repo';

export interface NewAnnotation {
  docId: string;
  start: number;
  end: number;
  color?: AnnotationColor;
  note?: string;
  tags?: string[];
}

export class AnnotationService {
  constructor(private readonly db: Database) {}

  list(docId: string): Promise<Annotation[]> {
    return repo.listAnnotations(this.db, docId);
  }

  listAll(): Promise<Annotation[]> {
    return repo.listAllAnnotations(this.db);
  }

  needsReview(): Promise<Annotation[]> {
    return repo.listOrphanedAnnotations(this.db);
  }

  async get(id: string): Promise<Annotation> {
    const found = await repo.getAnnotation(this.db, id);
    if (!found) throw new AppError('NOT_FOUND', `No annotation with id ${id} in this archive.`);
    return found;
  }

  async create(input: NewAnnotation): Promise<Annotation> {
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      const { text, version } = await this.currentText(tx, input.docId);
      const selector = describeSelection(text, input.start, input.end);
      const now = new Date().toISOString();
      await repo.insertAnnotation(tx, {
        id,
        docId: input.docId,
        selector,
        color: input.color ?? 'yellow',
        note: input.note?.trim() ?? '',
        tags: cleanTagNames(input.tags ?? []),
        status: 'anchored',
        documentVersion: version,
        createdAt: now,
        updatedAt: now,
      });
    });
    return this.get(id);
  }

  async update(id: string, changes: { note?: string; color?: AnnotationColor; tags?: string[] }): Promise<Annotation> {
    await this.db.transaction(async (tx) => {
      if (!(await repo.getAnnotation(tx, id)))
        throw new AppError('NOT_FOUND', `No annotation with id ${id} in this archive.`);
      await repo.updateAnnotationBody(tx, id, { ...changes, note: changes.note?.trim() }, new Date().toISOString());
    });
    return this.get(id);
  }

  /** Deletes and returns the annotation, so the caller can offer undo through restore(). */
  async delete(id: string): Promise<Annotation> {
    const existing = await this.get(id);
    await this.db.transaction((tx) => repo.deleteAnnotation(tx, id));
    return existing;
  }

  /** Puts back a deleted annotation exactly as it was (same id), re-anchoring it to the current text. */
  async restore(annotation: Annotation): Promise<Annotation> {
    await this.db.transaction(async (tx) => {
      if (await repo.getAnnotation(tx, annotation.id))
        throw new AppError('INVALID_REQUEST', 'That annotation still exists.');
      const { text, version } = await this.currentText(tx, annotation.docId);
      const inPlace = text.slice(annotation.start, annotation.end) === annotation.exact;
      await repo.insertAnnotation(tx, {
        id: annotation.id,
        docId: annotation.docId,
        selector: annotation,
        color: annotation.color,
        note: annotation.note,
        tags: annotation.tags,
        status: inPlace ? annotation.status : 'orphaned',
        documentVersion: version,
        createdAt: annotation.createdAt,
        updatedAt: new Date().toISOString(),
      });
    });
    return this.get(annotation.id);
  }

  /** Attaches an orphaned (or misplaced) annotation to a new range chosen by the user. */
  async reattach(id: string, start: number, end: number): Promise<Annotation> {
    await this.db.transaction(async (tx) => {
      const existing = await repo.getAnnotation(tx, id);
      if (!existing) throw new AppError('NOT_FOUND', `No annotation with id ${id} in this archive.`);
      const { text, version } = await this.currentText(tx, existing.docId);
      await repo.updateAnnotationAnchor(
        tx,
        id,
        describeSelection(text, start, end),
        'anchored',
        version,
        new Date().toISOString(),
      );
    });
    return this.get(id);
  }

  async export(docId: string | 'all', format: ExportFormat): Promise<ExportedFile> {
    // One snapshot: the documents and their annotations as they stood together.
    const groups = await this.db.read(async (rd) => {
      const ids = docId === 'all' ? (await listDocuments(rd)).map((d) => d.id) : [docId];
      const found: DocumentAnnotations[] = [];
      for (const id of ids) {
        const doc = await getDocument(rd, id);
        if (!doc) throw new AppError('NOT_FOUND', `No document with id ${id} in this archive.`);
        found.push({ doc, annotations: await repo.listAnnotations(rd, id) });
      }
      return found;
    });
    const label = docId === 'all' ? 'tala-archive' : groups[0].doc.title;
    return exportAnnotations(groups, format, label);
  }

  /** Imports a W3C JSON-LD file; annotations already present (same id) are skipped, broken ones reported. */
  async importW3c(content: string): Promise<AnnotationImportReport> {
    let parsed: ReturnType<typeof parseW3c>;
    try {
      parsed = parseW3c(content);
    } catch (err) {
      throw new AppError('IMPORT_REJECTED', (err as Error).message);
    }
    const report: AnnotationImportReport = { imported: 0, skipped: 0, failed: [] };
    await this.db.transaction(async (tx) => {
      for (const item of parsed) {
        const a = item.annotation;
        if (!a) {
          report.failed.push({ id: item.id, error: item.error ?? 'unreadable' });
          continue;
        }
        if (await repo.getAnnotation(tx, a.id)) {
          report.skipped++;
          continue;
        }
        const current = await tx.get<{ text: string; version: number }>(
          sql`SELECT text, version FROM documents WHERE id = ${a.docId}`,
        );
        if (!current) {
          report.failed.push({ id: item.id, error: `its document ${a.docId} is not in this archive` });
          continue;
        }
        const placed = placeImported(current.text, a);
        await repo.insertAnnotation(tx, {
          ...a,
          selector: placed.selector,
          status: placed.status,
          documentVersion: current.version,
        });
        report.imported++;
      }
    });
    return report;
  }

  private async currentText(tx: Database, docId: string): Promise<{ text: string; version: number }> {
    const row = await tx.get<{ text: string; version: number }>(
      sql`SELECT text, version FROM documents WHERE id = ${docId}`,
    );
    if (!row) throw new AppError('NOT_FOUND', `No document with id ${docId} in this archive.`);
    return row;
  }
}

function describeSelection(text: string, start: number, end: number) {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length)) {
    throw new AppError('INVALID_REQUEST', `The range ${start}–${end} is not inside the document (0–${text.length}).`);
  }
  if (text.slice(start, end).trim() === '')
    throw new AppError('INVALID_REQUEST', 'Select some text to annotate, not only spaces.');
  return describeRange(text, start, end);
}

/** Where an imported annotation lands in the current text: in place, found elsewhere, or orphaned. */
function placeImported(text: string, a: Annotation): { selector: TextSelector; status: AnchorStatus } {
  if (text.slice(a.start, a.end) === a.exact)
    return { selector: a, status: a.status === 'orphaned' ? 'anchored' : a.status };
  const found = anchor(text, a);
  return found
    ? { selector: describeRange(text, found.start, found.end), status: 'moved' }
    : { selector: a, status: 'orphaned' };
}
