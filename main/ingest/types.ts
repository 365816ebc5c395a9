// What the ingest layer produces from one untrusted file, before anything touches the archive.
import type { PassageKind } from '../../shared/types';
import type { Fingerprint } from '../library/minhash';

export interface IngestInput {
  /** File name as the user gave it (used for the media type and in error messages). */
  name: string;
  bytes: Uint8Array;
  /** Explicit language override (ISO 639-1 code such as "tl"); skips detection. */
  lang?: string;
  /** Metadata chosen by the caller (e.g. bundled samples); each field wins over what the file says. */
  meta?: { title?: string; source?: string; author?: string; publishedAt?: string };
}

export interface ParsedPassage {
  kind: PassageKind;
  text: string;
  /** Sentence boundaries as [start, end) offsets into `text`. */
  sentences: Array<[number, number]>;
  /** Page (1-based) where the passage starts, for formats that have pages (PDF). */
  page?: number;
}

export interface ParsedDocument {
  title: string;
  lang: string;
  mediaType: string;
  source: string | null;
  author: string | null;
  publishedAt: string | null;
  /** When the file was made, from its own metadata (PDF, DOCX); not a publication date. */
  fileCreatedAt: string | null;
  /** sha256 hex of the input bytes. */
  contentHash: string;
  passages: ParsedPassage[];
  /**
   * The near-duplicate fingerprint of the document text (the passages joined by blank lines), from a parser that
   * computes it with the document; null for a text too short to have one. Tala's parsers make it after the document
   * (parser.ts fingerprintOf); absent from both, the import computes it.
   */
  print?: Fingerprint | null;
}
