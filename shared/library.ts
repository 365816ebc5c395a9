// The library at volume: one row per document with what the table shows, user collections, bulk actions and
// near-duplicates found at import. Channel types and validators (shared/contract.ts spreads them in).
import type { BackupInfo, DocumentSummary } from './types';
import { arrayOf, matching, none, obj, oneOf, optional, str, type Validator } from './validate';

/** One document as the library table shows it. Counts come from SQLite; sorting and filtering happen in the UI. */
export interface LibraryEntry {
  id: string;
  title: string;
  lang: string;
  mediaType: string;
  originalName: string | null;
  author: string | null;
  /** From the document's own metadata or text; never a file date. */
  publishedAt: string | null;
  /** When the file was made (PDF CreationDate, DOCX created), shown as such. */
  fileCreatedAt: string | null;
  importedAt: string;
  passages: number;
  /** Last page a passage starts on (PDF), else null. */
  pages: number | null;
  tags: string[];
  /** Collection ids. */
  collections: string[];
  /** The user's own annotations (highlights and notes), evidence annotations excluded. */
  notes: number;
  /** Confirmed facts with evidence in this document. */
  facts: number;
  /** The document this one translates (its first source), or null. */
  translationOf: string | null;
  /** The document this one is another version (copy, format) of, or null. */
  variantOf: string | null;
}

export interface Collection {
  id: string;
  name: string;
  documents: number;
  createdAt: string;
}

export type NearDuplicateChoice = 'skip' | 'keep' | 'version';
export const NEAR_DUPLICATE_CHOICES: readonly NearDuplicateChoice[] = ['skip', 'keep', 'version'];

/** A document already in the archive whose text is nearly the same as a new import's. */
export interface NearDuplicate {
  id: string;
  title: string;
  mediaType: string;
  lang: string;
  /** Estimated Jaccard similarity of word shingles, 0..1. */
  similarity: number;
}

export interface BulkTagReport {
  updated: number;
  /** The tags added, as the archive spells them (an existing tag keeps its spelling). */
  added: string[];
  /** The tag names taken off (matched without regard to ASCII case). */
  removed: string[];
}

export interface BulkDeleteReport {
  deleted: number;
  /** Taken before anything was deleted. */
  backup: BackupInfo;
}

const ID = matching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'an id (UUID)');
const IDS = arrayOf(ID, { max: 100_000 });
const NAME = str({ min: 1, max: 200 });
const TAG_NAMES = arrayOf(str({ min: 1, max: 200 }), { max: 100 });

export interface LibraryRequests {
  'library.list': void;
  'collections.list': void;
  'collections.create': { name: string };
  'collections.rename': { id: string; name: string };
  'collections.delete': { id: string };
  'collections.add': { id: string; docIds: string[] };
  'collections.remove': { id: string; docIds: string[] };
  'documents.bulkTag': { ids: string[]; add?: string[]; remove?: string[] };
  /** Deletes the documents in one transaction after a backup. */
  'documents.bulkDelete': { ids: string[] };
  /** What to do with a document that an import reported as a near-duplicate of `of`. */
  'documents.resolveNearDuplicate': { id: string; of: string; choice: NearDuplicateChoice };
}

export interface LibraryResponses {
  'library.list': LibraryEntry[];
  'collections.list': Collection[];
  'collections.create': Collection;
  'collections.rename': Collection;
  'collections.delete': { deleted: true };
  'collections.add': Collection;
  'collections.remove': Collection;
  'documents.bulkTag': BulkTagReport;
  'documents.bulkDelete': BulkDeleteReport;
  /** The kept document (null after 'skip', which deletes the new copy). */
  'documents.resolveNearDuplicate': { document: DocumentSummary | null; variantOf: string | null };
}

export const libraryRequestValidators: { [C in keyof LibraryRequests]: Validator<LibraryRequests[C]> } = {
  'library.list': none,
  'collections.list': none,
  'collections.create': obj({ name: NAME }),
  'collections.rename': obj({ id: ID, name: NAME }),
  'collections.delete': obj({ id: ID }),
  'collections.add': obj({ id: ID, docIds: IDS }),
  'collections.remove': obj({ id: ID, docIds: IDS }),
  'documents.bulkTag': obj({ ids: IDS, add: optional(TAG_NAMES), remove: optional(TAG_NAMES) }),
  'documents.bulkDelete': obj({ ids: IDS }),
  'documents.resolveNearDuplicate': obj({ id: ID, of: ID, choice: oneOf(NEAR_DUPLICATE_CHOICES) }),
};
