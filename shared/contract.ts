// The one contract between the renderer and the main process. Every door (Electron IPC, the HTTP
// bridge, tests) uses these channel names, request validators and response types.
import type { Result } from './errors';
import { archivesRequestValidators, type ArchivesRequests, type ArchivesResponses } from './archives';
import { teamRequestValidators, type TeamRequests, type TeamResponses } from './team';
import type {
  Annotation,
  AnnotationColor,
  AppInfo,
  ArchiveHealth,
  BackupInfo,
  DocumentDetail,
  DocumentSummary,
  DocumentVersion,
  ImportOutcome,
  ReindexReport,
  SearchRequest,
  SearchResult,
  SearchStatus,
} from './types';
import type { ImportJobStatus, OriginalFile, PortableMergeReport } from './types';
import { ANNOTATION_COLORS } from './types';
import { factRequestValidators, type FactRequests, type FactResponses } from './facts-contract';
import { alignRequestValidators, type AlignRequests, type AlignResponses } from './align-contract';
import {
  libraryRequestValidators,
  NEAR_DUPLICATE_CHOICES,
  type LibraryRequests,
  type LibraryResponses,
  type NearDuplicateChoice,
} from './library';
import {
  arrayOf,
  bool,
  bytes,
  fail,
  int,
  matching,
  none,
  nullable,
  obj,
  oneOf,
  optional,
  str,
  type Validator,
} from './validate';

/** Largest file the archive accepts in one import (also enforced by the ingest service). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** Most files in one documents.importBatch request (the group commit's largest group). */
export const MAX_BATCH_FILES = 64;
/** Most bytes (all files together) in one documents.importBatch request: one request never carries more than a file. */
export const MAX_BATCH_BYTES = MAX_IMPORT_BYTES;

export const DOC_ID = matching(
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  'a document id (UUID)',
);
export const LANG_CODE = matching(/^[a-z]{2,3}$/, 'a language code such as "tl", "en" or "ru"');
const UUID = matching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'an id (UUID)');
const OFFSET = int({ min: 0, max: 2 ** 31 - 1 });
const TAGS = arrayOf(str({ min: 1, max: 200 }), { max: 100 });
const NOTE = str({ max: 100_000 });
const COLOR = oneOf(ANNOTATION_COLORS);
const ISO_DATE = matching(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date like 2012-07-19, 2012-07 or 2012');
const LOCAL_PATH = str({ min: 1, max: 4096 });
const TIMESTAMP = matching(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, 'an ISO timestamp');

export type ExportFormat = 'md' | 'csv' | 'w3c';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'csv', 'w3c'];

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  content: string;
}

export interface AnnotationImportReport {
  imported: number;
  /** Already in the archive (same id). */
  skipped: number;
  failed: Array<{ id: string; error: string }>;
}

export interface PassageEditReport {
  version: number;
  reanchored: { anchored: number; moved: number; orphaned: number };
}

/**
 * Facts ledger channels (mentions.*, facts.*, entities.*): see shared/facts-contract.ts. Translation channels
 * (translations.*, align.*, annotations.carried, segments.*, mt.*): see shared/align-contract.ts.
 */
export interface Requests extends FactRequests, AlignRequests, LibraryRequests, TeamRequests, ArchivesRequests {
  'app.info': void;
  'documents.list': void;
  'documents.get': { id: string };
  /** nearDuplicates: what to do when the text is nearly the same as a document's already here (default keep). */
  'documents.import': { name: string; data: Uint8Array; lang?: string; nearDuplicates?: NearDuplicateChoice };
  /**
   * Several files in one request (the renderer's uploads): each is imported on its own, as documents.import would
   * (files ready together share group commits); the answer lists every file's own outcome in the order sent.
   */
  'documents.importBatch': {
    files: Array<{ name: string; data: Uint8Array }>;
    lang?: string;
    nearDuplicates?: NearDuplicateChoice;
  };
  'documents.delete': { id: string };
  'search.query': SearchRequest;
  'search.status': void;
  'search.reindex': void;
  'documents.updateMeta': {
    id: string;
    title?: string;
    source?: string | null;
    author?: string | null;
    publishedAt?: string | null;
    lang?: string;
    tags?: string[];
  };
  'documents.editPassage': { docId: string; passageId: string; text: string };
  'documents.deletePassage': { docId: string; passageId: string };
  'documents.versions': { id: string };
  'annotations.list': { docId: string };
  'annotations.needsReview': void;
  'annotations.create': {
    docId: string;
    start: number;
    end: number;
    color?: AnnotationColor;
    note?: string;
    tags?: string[];
  };
  'annotations.update': { id: string; color?: AnnotationColor; note?: string; tags?: string[] };
  'annotations.delete': { id: string };
  'annotations.restore': { annotation: Annotation };
  'annotations.reattach': { id: string; start: number; end: number };
  'annotations.export': { docId: string; format: ExportFormat };
  'annotations.importW3c': { content: string };
  /** `file` (CLI and desktop only, like every local path): also write the snapshot there. */
  'archive.backup': void | { file?: string };
  'archive.backups': void;
  'archive.restore': { file: string };
  'archive.health': void;
  /** CLI and desktop only: write the whole archive into a portable `.tala` file / merge one in by UUID. */
  'archive.exportPortable': { file: string };
  'archive.importPortable': { file: string };
  'documents.original': { id: string };
  /** Electron and CLI only: the main process reads these local files and folders (the browser bridge refuses). */
  'documents.importPaths': { paths: string[]; lang?: string; nearDuplicates?: NearDuplicateChoice };
  'jobs.status': { id: string };
  /** The job's status once it is no longer running, or after `ms` (default 1,000) if it still is. */
  'jobs.wait': { id: string; ms?: number };
  'jobs.cancel': { id: string };
}

export interface Responses extends FactResponses, AlignResponses, LibraryResponses, TeamResponses, ArchivesResponses {
  'app.info': AppInfo;
  'documents.list': DocumentSummary[];
  'documents.get': DocumentDetail;
  'documents.import': ImportOutcome;
  'documents.importBatch': Array<Result<ImportOutcome>>;
  'documents.delete': { deleted: true };
  'search.query': SearchResult;
  'search.status': SearchStatus;
  'search.reindex': ReindexReport;
  'documents.updateMeta': DocumentDetail;
  'documents.editPassage': PassageEditReport;
  'documents.deletePassage': PassageEditReport;
  'documents.versions': DocumentVersion[];
  'annotations.list': Annotation[];
  'annotations.needsReview': Annotation[];
  'annotations.create': Annotation;
  'annotations.update': Annotation;
  'annotations.delete': Annotation;
  'annotations.restore': Annotation;
  'annotations.reattach': Annotation;
  'annotations.export': ExportedFile;
  'annotations.importW3c': AnnotationImportReport;
  'archive.backup': BackupInfo;
  'archive.backups': BackupInfo[];
  'archive.restore': { safetyBackup: BackupInfo };
  'archive.health': ArchiveHealth;
  'archive.exportPortable': { file: string };
  'archive.importPortable': PortableMergeReport;
  'documents.original': OriginalFile;
  'documents.importPaths': ImportJobStatus;
  'jobs.status': ImportJobStatus;
  'jobs.wait': ImportJobStatus;
  'jobs.cancel': ImportJobStatus;
}

export type Channel = keyof Requests;

const BATCH_FILES = arrayOf(obj({ name: str({ min: 1, max: 1024 }), data: bytes({ max: MAX_IMPORT_BYTES }) }), {
  max: MAX_BATCH_FILES,
});

/** documents.importBatch: 1–MAX_BATCH_FILES files, at most MAX_BATCH_BYTES in all. */
const importBatch: Validator<Requests['documents.importBatch']> = (v, path) => {
  const request = obj({
    files: BATCH_FILES,
    lang: optional(LANG_CODE),
    nearDuplicates: optional(oneOf(NEAR_DUPLICATE_CHOICES)),
  })(v, path);
  if (request.files.length === 0) fail(`${path}.files`, 'a list of at least one file');
  const total = request.files.reduce((sum, file) => sum + file.data.byteLength, 0);
  if (total > MAX_BATCH_BYTES) fail(`${path}.files`, `at most ${MAX_BATCH_BYTES} bytes in all`);
  return request;
};

export const requestValidators: { [C in Channel]: Validator<Requests[C]> } = {
  ...factRequestValidators,
  ...alignRequestValidators,
  ...libraryRequestValidators,
  ...teamRequestValidators,
  ...archivesRequestValidators,
  'app.info': none,
  'documents.list': none,
  'documents.get': obj({ id: DOC_ID }),
  'documents.import': obj({
    name: str({ min: 1, max: 1024 }),
    data: bytes({ max: MAX_IMPORT_BYTES }),
    lang: optional(LANG_CODE),
    nearDuplicates: optional(oneOf(NEAR_DUPLICATE_CHOICES)),
  }),
  'documents.importBatch': importBatch,
  'documents.delete': obj({ id: DOC_ID }),
  'search.query': obj({
    query: str({ max: 1000 }),
    limit: optional(int({ min: 1, max: 500 })),
    offset: optional(int({ min: 0, max: 100_000 })),
    groupBy: optional(oneOf(['passage', 'document'] as const)),
    stems: optional(bool),
    translit: optional(bool),
    names: optional(bool),
  }),
  'search.status': none,
  'search.reindex': none,
  'documents.updateMeta': obj({
    id: DOC_ID,
    title: optional(str({ min: 1, max: 1000 })),
    source: optional(nullable(str({ max: 2000 }))),
    author: optional(nullable(str({ max: 1000 }))),
    publishedAt: optional(nullable(ISO_DATE)),
    lang: optional(LANG_CODE),
    tags: optional(TAGS),
  }),
  'documents.editPassage': obj({ docId: DOC_ID, passageId: UUID, text: str({ min: 1, max: 1_000_000 }) }),
  'documents.deletePassage': obj({ docId: DOC_ID, passageId: UUID }),
  'documents.versions': obj({ id: DOC_ID }),
  'annotations.list': obj({ docId: DOC_ID }),
  'annotations.needsReview': none,
  'annotations.create': obj({
    docId: DOC_ID,
    start: OFFSET,
    end: OFFSET,
    color: optional(COLOR),
    note: optional(NOTE),
    tags: optional(TAGS),
  }),
  'annotations.update': obj({ id: UUID, color: optional(COLOR), note: optional(NOTE), tags: optional(TAGS) }),
  'annotations.delete': obj({ id: UUID }),
  'annotations.restore': obj({
    annotation: obj({
      id: UUID,
      docId: DOC_ID,
      exact: str({ min: 1, max: 1_000_000 }),
      prefix: str({ max: 1000 }),
      suffix: str({ max: 1000 }),
      start: OFFSET,
      end: OFFSET,
      color: COLOR,
      note: NOTE,
      tags: TAGS,
      status: oneOf(['anchored', 'moved', 'orphaned'] as const),
      createdAt: TIMESTAMP,
      updatedAt: TIMESTAMP,
    }),
  }),
  'annotations.reattach': obj({ id: UUID, start: OFFSET, end: OFFSET }),
  'annotations.export': obj({
    docId: matching(/^(all|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, 'a document id or "all"'),
    format: oneOf(EXPORT_FORMATS),
  }),
  'annotations.importW3c': obj({ content: str({ min: 1, max: 50_000_000 }) }),
  'archive.backup': (v, path) =>
    v === undefined || v === null ? undefined : obj({ file: optional(LOCAL_PATH) })(v, path),
  'archive.backups': none,
  // Only a file from archive.backups is accepted (checked by the handler): the renderer never names arbitrary paths.
  'archive.restore': obj({ file: str({ min: 1, max: 4096 }) }),
  'archive.health': none,
  'archive.exportPortable': obj({ file: LOCAL_PATH }),
  'archive.importPortable': obj({ file: LOCAL_PATH }),
  'documents.original': obj({ id: DOC_ID }),
  'documents.importPaths': obj({
    paths: arrayOf(LOCAL_PATH, { max: 10_000 }),
    lang: optional(LANG_CODE),
    nearDuplicates: optional(oneOf(NEAR_DUPLICATE_CHOICES)),
  }),
  'jobs.status': obj({ id: UUID }),
  'jobs.wait': obj({ id: UUID, ms: optional(int({ min: 0, max: 60_000 })) }),
  'jobs.cancel': obj({ id: UUID }),
};

export const CHANNELS = Object.keys(requestValidators) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestValidators, name);
}

/** Prefix of every Electron IPC channel name (the main process ignores everything else). */
export const IPC_PREFIX = 'tala:';

/** What the renderer sees: one async method per channel; failures reject with an AppError. */
export type TalaApi = { [C in Channel]: (request: Requests[C]) => Promise<Responses[C]> };

/** Shape the preload exposes on window.talaIpc: a single invoke that returns the result envelope. */
export interface IpcBridge {
  invoke(channel: Channel, request: unknown): Promise<import('./errors').Result<unknown>>;
  /**
   * Electron only: the local path of a File the user dropped or picked (webUtils.getPathForFile), for
   * `documents.importPaths` (folders included); '' when it has none. Absent in the browser bridge.
   */
  pathForFile?(file: unknown): string;
  /**
   * Electron only: commands chosen from the native menu (shared/commands.ts); returns the unsubscribe. Absent in
   * the browser, where the renderer honours the same accelerators itself.
   */
  onCommand?(listener: (id: import('./commands').CommandId) => void): () => void;
}
