// What a format parser hands back: passages without sentences, plus whatever metadata the file declares.
import type { PassageKind } from '../../shared/types';

export interface DraftPassage {
  kind: PassageKind;
  /** Already whitespace-collapsed and trimmed; never empty. */
  text: string;
  /** Page (1-based) where the passage starts, for formats that have pages (PDF). */
  page?: number;
}

export interface DraftMeta {
  title?: string;
  author?: string;
  publishedAt?: string;
  /** When the file was made (PDF CreationDate, DOCX created): kept apart, never taken for publication. */
  fileCreatedAt?: string;
  source?: string;
  /** A language the author declared for this very text (Markdown front matter): used as is. */
  lang?: string;
  /** A weaker declaration (`<html lang>`, often left at a template default): used when detection is unsure. */
  langHint?: string;
}

export interface Draft {
  passages: DraftPassage[];
  meta: DraftMeta;
}
