// Domain types shared by the main process and the renderer. Pure data: no runtime imports.
import type { NearDuplicate } from './library';

export type PassageKind = 'heading' | 'paragraph';

/** Metadata of a document, without its passages. */
export interface DocumentMeta {
  id: string;
  title: string;
  lang: string;
  source: string | null;
  author: string | null;
  /** ISO date (YYYY-MM-DD) or null when unknown: from the document's metadata or text, never a file date. */
  publishedAt: string | null;
  /** When the file itself was made (PDF CreationDate, DOCX created): not a publication date. */
  fileCreatedAt: string | null;
  originalName: string | null;
  mediaType: string;
  contentHash: string;
  importedAt: string;
  tags: string[];
  /** Text version: 1 at import, +1 for every correction (earlier texts are kept). */
  version: number;
}

/** Metadata fields a user may correct; absent fields stay as they are, null clears. */
export interface DocumentMetaChanges {
  title?: string;
  source?: string | null;
  author?: string | null;
  publishedAt?: string | null;
  lang?: string;
  tags?: string[];
}

export interface DocumentSummary extends DocumentMeta {
  /** Number of passages. */
  passages: number;
}

export interface Passage {
  id: string;
  ordinal: number;
  kind: PassageKind;
  text: string;
  /** Character offsets (UTF-16 code units) of this passage inside DocumentDetail.text. */
  start: number;
  end: number;
  /** Sentence boundaries, as offsets relative to the passage text. */
  sentences: Array<[number, number]>;
  /** Page of the original where the passage starts (PDF); null or absent when the format has no pages. */
  page?: number | null;
  /** A team member's other text of this passage, edited at the same time, waits in the review list. */
  editedElsewhere?: EditedElsewhere;
}

export interface DocumentDetail extends DocumentMeta {
  /** The full document text: passages joined by blank lines. All offsets refer to it. */
  text: string;
  passages: Passage[];
}

export type ImportOutcome =
  | {
      status: 'imported';
      document: DocumentSummary;
      /** Documents already here with nearly the same text (the user may skip, keep both or keep as a version). */
      nearDuplicates?: NearDuplicate[];
      /** Set when the import was kept as another version of this document. */
      variantOf?: string;
    }
  | { status: 'skipped'; reason: string; existingId: string; nearDuplicate?: NearDuplicate };

/** Progress of a bulk import (a folder, several files), reported after every file. */
export interface ImportProgress {
  /** Files finished (imported, skipped or failed) out of the files found. */
  done: number;
  total: number;
  /** The file being imported now, or null between files and at the end. */
  current: string | null;
  bytesDone: number;
  bytesTotal: number;
  /** Estimated seconds left from the rate so far; null until the first file is done. */
  secondsLeft: number | null;
  imported: number;
  skipped: number;
  failed: number;
  /** True while the current file waits for another program (a command-line import…) writing to the archive. */
  waiting?: boolean;
}

/** What a bulk import did, file by file. `file` is the path (or name) as given. */
export interface ImportSummary {
  imported: Array<{ file: string; document: DocumentSummary; nearDuplicates?: NearDuplicate[]; variantOf?: string }>;
  skipped: Array<{
    file: string;
    reason: 'duplicate' | 'near-duplicate' | 'unsupported';
    message: string;
    existingId?: string;
  }>;
  failed: Array<{ file: string; error: string }>;
  /** Stopped by a cancel: the files not reached are in none of the lists. */
  cancelled: boolean;
}

export type ImportJobState = 'running' | 'done' | 'cancelled';

export interface ImportJobStatus {
  id: string;
  state: ImportJobState;
  progress: ImportProgress;
  /** Grows while the job runs; final once state is not 'running'. */
  summary: ImportSummary;
}

/** The file a document was imported from, byte for byte. */
export interface OriginalFile {
  fileName: string;
  mediaType: string;
  data: Uint8Array;
}

/** A character range [start, end) in UTF-16 code units. */
export type TextRange = [number, number];

export interface SearchHit {
  docId: string;
  title: string;
  passageId: string;
  ordinal: number;
  lang: string;
  score: number;
  /** Keyword-in-context window of the passage ("…" where it was cut). */
  snippet: string;
  /** Every match in the passage text. */
  matches: TextRange[];
  /** The same matches relative to `snippet`. */
  snippetMatches: TextRange[];
  /** Matches in the document title. */
  titleMatches: TextRange[];
  mediaType: string;
  publishedAt: string | null;
}

/** The hits of one document, in the order of its best hit. */
export interface SearchDocumentGroup {
  docId: string;
  title: string;
  lang: string;
  mediaType: string;
  publishedAt: string | null;
  score: number;
  /** Passages of this document that match, over the whole result (not only this page). */
  matchingPassages: number;
  /** Indexes into SearchResult.hits. */
  hits: number[];
}

export interface FacetCount {
  value: string;
  /** Matching passages with this value. */
  passages: number;
  documents: number;
}

export interface SearchFacets {
  lang: FacetCount[];
  tag: FacetCount[];
  mediaType: FacetCount[];
}

export type SearchExpansionKind =
  'fold' | 'stem' | 'translit' | 'name' | 'prefix' | 'wildcard' | 'fuzzy' | 'stopword' | 'split';

/** One way a query word was widened (or dropped, for stop words), with the terms it became. */
export interface SearchExpansion {
  kind: SearchExpansionKind;
  term: string;
  to: string[];
  /** More terms matched than were used. */
  truncated?: boolean;
}

/** Switches for the expansions a user may turn off (case and diacritic folding always apply). */
export interface SearchOptions {
  stems: boolean;
  translit: boolean;
  /** Name variants across scripts and spellings (Sahakyan → Саакян, Սահակյանը; Karabakh → Արցախ). */
  names: boolean;
}

export type SearchGrouping = 'passage' | 'document';

export interface SearchRequest {
  query: string;
  limit?: number;
  offset?: number;
  /** 'passage' (default): limit/offset count passages; 'document': they count documents, up to 3 hits each. */
  groupBy?: SearchGrouping;
  stems?: boolean;
  translit?: boolean;
  names?: boolean;
}

export interface SearchResult {
  /** Matching passages. */
  total: number;
  hits: SearchHit[];
  totalDocuments: number;
  offset: number;
  limit: number;
  groupBy: SearchGrouping;
  groups: SearchDocumentGroup[];
  facets: SearchFacets;
  expansions: SearchExpansion[];
  /** A corrected query that finds something, when this one found nothing. */
  didYouMean: string | null;
  options: SearchOptions;
  /** Documents not yet (re)indexed when the search ran (a reindex is in progress). */
  pendingDocuments: number;
  tookMs: number;
}

export interface SearchStatus {
  indexedPassages: number;
  totalPassages: number;
  /** Documents waiting to be (re)indexed. */
  pendingDocuments: number;
  reindexing: boolean;
}

export interface ReindexReport {
  documents: number;
  passages: number;
  ms: number;
}

export interface ReindexProgress {
  done: number;
  total: number;
}

export interface AppInfo {
  version: string;
  archivePath: string;
  schemaVersion: number;
  /** Set when the archive is open read-only: why it cannot be written (reads and searches work). */
  readOnly?: string;
}

export type AnnotationColor = 'yellow' | 'green' | 'blue' | 'pink' | 'purple';
export const ANNOTATION_COLORS: readonly AnnotationColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

export type AnchorStatus = 'anchored' | 'moved' | 'orphaned';

/**
 * A row last changed by another member of the team (pulled by sync), or whose other version from another
 * member waits in the team's review list: shown in place as "edited elsewhere by …".
 */
export interface EditedElsewhere {
  /** The member's name. */
  by: string;
  /** When they changed it (their clock), if known. */
  at: string | null;
  /** An open conflict on this row (the review list at #/team), or null. */
  conflictId: string | null;
}

export interface Annotation {
  id: string;
  docId: string;
  /** TextQuoteSelector */
  exact: string;
  prefix: string;
  suffix: string;
  /** TextPositionSelector, offsets into DocumentDetail.text. */
  start: number;
  end: number;
  color: AnnotationColor;
  note: string;
  tags: string[];
  status: AnchorStatus;
  createdAt: string;
  updatedAt: string;
  /** Set in a team archive when another member last changed it (or their version is in review). */
  editedElsewhere?: EditedElsewhere;
}

export interface DocumentVersion {
  version: number;
  replacedAt: string;
  reason: string;
  length: number;
}

export type BackupReason = 'scheduled' | 'manual' | 'pre-migration' | 'pre-restore' | 'pre-delete';

export interface BackupInfo {
  file: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
}

/** What merging a portable `.tala` file into the archive added. */
export interface PortableMergeReport {
  documents: { added: number; alreadyPresent: number };
  annotations: { added: number; alreadyPresent: number; orphaned: number };
  tags: { added: number };
}

export interface ArchiveHealth {
  /** 'ok', or what SQLite's check reported. */
  integrity: string;
  /** Problems worth telling the user about (e.g. the archive sits in a cloud-synced folder, a full disk). */
  warnings: string[];
  /** Space on the disk holding the archive (and on the backups' disk when it is another one). */
  disks?: DiskSpace[];
}

/** Free space on a disk that holds the archive or its backups. */
export interface DiskSpace {
  /** A folder on that disk (the archive's folder, or the backups folder). */
  path: string;
  freeBytes: number;
  totalBytes: number;
  /** Room wanted: one more backup (the archive's size) plus working room for imports. */
  neededBytes: number;
  /** full: writes fail or are about to; low: less free than `neededBytes`. */
  state: 'ok' | 'low' | 'full';
}
