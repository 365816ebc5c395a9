// The reader's public types: what a caller passes (props, a deep-link target, the search it was opened from) and
// what a new annotation carries.
import type { ReactNode, RefObject } from 'react';
import type { Annotation, DocumentDetail, DocumentMetaChanges } from '../../../../shared/types';
import type { MatchRange } from '../../lib/highlight';
import type { TextRange } from '../../lib/selection';
import type { AnnotationBody } from '../AnnotationForm';
import type { ToolbarPosition } from './SelectionToolbar';

export interface ReaderTarget {
  passageId?: string;
  annotationId?: string;
}

export interface ReaderSearch {
  query: string;
  /** The matches are still being fetched. */
  loading?: boolean;
  onStep(passageId: string): void;
  onClear(): void;
}

export interface NewAnnotationInput extends AnnotationBody {
  start: number;
  end: number;
}

export interface ReaderProps {
  document: DocumentDetail;
  annotations?: readonly Annotation[];
  /** Passage or annotation to scroll to and mark (deep link, search hit, sidebar click). */
  target?: ReaderTarget | null;
  /** Legacy name for a passage target. */
  targetPassageId?: string | null;
  /** Changes whenever the user opens (again) a document or target: scroll to it anew. */
  scrollKey?: number;
  /** Words to highlight in the text (wherever they start a word). */
  terms: string[];
  /** Matches of the search this document was opened from, by passage id (offsets into the passage text). */
  searchMatches?: ReadonlyMap<string, readonly MatchRange[]> | null;
  /** That search: named in the bar above the text, which steps through and clears its matches. */
  search?: ReaderSearch | null;
  activeAnnotationId?: string | null;
  /** An orphaned annotation waiting for the user to select its new place. */
  reattaching?: Annotation | null;
  panelOpen?: boolean;
  annotationCount?: number;
  /** The scrolling element around the reader (the reader pane). */
  scrollRef?: RefObject<HTMLElement | null>;
  onClose(): void;
  onTogglePanel?(): void;
  onCreate?(input: NewAnnotationInput): Promise<boolean>;
  onReattach?(range: TextRange): Promise<boolean>;
  onCancelReattach?(): void;
  onActivateAnnotation?(id: string): void;
  onStepAnnotation?(delta: 1 | -1): void;
  onEditPassage?(passageId: string, text: string): Promise<boolean>;
  onDeletePassage?(passageId: string): Promise<boolean>;
  onSaveMeta?(changes: DocumentMetaChanges): Promise<void>;
  onCopyPassageLink?(passageId: string): void;
  /** "Fact" in the selection toolbar: record a fact with the selection as evidence. */
  onFact?(range: TextRange): void;
  /** Extra tools at the start of the toolbar (e.g. "Side by side" with a translation). */
  tools?: ReactNode;
}

export interface SelectionState extends TextRange {
  position: ToolbarPosition;
}
