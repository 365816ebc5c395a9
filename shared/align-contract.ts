// The translation channels of the contract (shared/contract.ts spreads them into its tables): translations
// (links between a document and its translations), alignments and their manual corrections, annotations
// carried across an alignment, typed translations segment by segment, optional machine translation.
import type { ExportedFile } from './contract';
import type { ImportOutcome } from './types';
import type {
  Alignment,
  AlignCorrection,
  AlignCorrectionOp,
  AlignLevel,
  CarriedAnnotation,
  Counterpart,
  MtResult,
  MtSettings,
  PairsExportFormat,
  Segment,
  SegmentSheet,
  SegmentStatus,
  SegmentUnit,
  SentenceRef,
  TranslationLink,
} from './translations';
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

const ID = matching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'an id (UUID)');
const LANG = matching(/^[a-z]{2,3}$/, 'a language code such as "tl", "en" or "ru"');
const INDEX = int({ min: 0, max: 10_000_000 });
const ORDINALS = arrayOf(INDEX, { max: 10_000 });
/** Largest file accepted as a translation (the same limit as documents.import). */
const MAX_BYTES = 100 * 1024 * 1024;

const SENTENCE_REF: Validator<SentenceRef> = (v, path) => {
  if (!Array.isArray(v) || v.length !== 2) fail(path, '[passage ordinal, sentence ordinal]');
  return [INDEX(v[0], `${path}[0]`), INDEX(v[1], `${path}[1]`)];
};
const SENTENCE_REFS = arrayOf(SENTENCE_REF, { max: 10_000 });

export const PAIRS_EXPORT_FORMATS: readonly PairsExportFormat[] = ['tmx', 'pairs-csv'];

/** The notice shown with every machine translation and before the user turns it on. */
export const MT_NOTICE =
  'Machine translation sends the text to the server you configured: it leaves this computer. Tala' +
  ' sends nothing else anywhere.';

export interface AlignRequests {
  'translations.list': { docId: string };
  'translations.link': { sourceId: string; translationId: string };
  'translations.unlink': { id: string };
  /** Imports a file (bytes, as documents.import) and links it as a translation of `translationOf`. */
  'translations.importAsTranslation': { name: string; data: Uint8Array; lang?: string; translationOf: string };
  /** The alignment of docId with otherDocId (oriented that way): stored if still valid, else computed. */
  'align.get': { docId: string; otherDocId: string; recompute?: boolean };
  'align.correct': { docId: string; otherDocId: string } & AlignCorrection;
  /** The passages of otherDocId aligned with passage passageId of docId (e.g. beside a search hit). */
  'align.counterpart': { docId: string; passageId: string; otherDocId: string };
  /** Aligned pairs as a TMX 1.4b file or a two-column CSV. */
  'align.export': { docId: string; otherDocId: string; format: PairsExportFormat; level?: AlignLevel };
  /** docId's annotations mapped onto translationDocId through the alignment (computed, never copied). */
  'annotations.carried': { docId: string; translationDocId: string };
  /** Starts a typed translation of docId: a new document with one empty segment per source passage or sentence. */
  'segments.start': { docId: string; lang: string; title?: string; unit?: SegmentUnit };
  'segments.list': { linkId: string };
  'segments.save': { id: string; text?: string; status?: SegmentStatus };
  'mt.settings.get': void;
  'mt.settings.set': { enabled: boolean; endpoint?: string; apiKey?: string | null };
  'mt.translate': { text: string; source: string; target: string };
}

export interface AlignResponses {
  'translations.list': TranslationLink[];
  'translations.link': TranslationLink;
  'translations.unlink': { unlinked: true };
  'translations.importAsTranslation': { outcome: ImportOutcome; link: TranslationLink };
  'align.get': Alignment;
  'align.correct': Alignment;
  'align.counterpart': Counterpart;
  'align.export': ExportedFile;
  'annotations.carried': CarriedAnnotation[];
  'segments.start': SegmentSheet;
  'segments.list': SegmentSheet;
  'segments.save': Segment;
  'mt.settings.get': MtSettings;
  'mt.settings.set': MtSettings;
  'mt.translate': MtResult;
}

export const alignRequestValidators: { [C in keyof AlignRequests]: Validator<AlignRequests[C]> } = {
  'translations.list': obj({ docId: ID }),
  'translations.link': obj({ sourceId: ID, translationId: ID }),
  'translations.unlink': obj({ id: ID }),
  'translations.importAsTranslation': obj({
    name: str({ min: 1, max: 1024 }),
    data: bytes({ max: MAX_BYTES }),
    lang: optional(LANG),
    translationOf: ID,
  }),
  'align.get': obj({ docId: ID, otherDocId: ID, recompute: optional(bool) }),
  'align.correct': obj({
    docId: ID,
    otherDocId: ID,
    op: oneOf<AlignCorrectionOp>(['merge', 'split', 'shift', 'link', 'reset']),
    level: optional(oneOf<AlignLevel>(['paragraph', 'sentence'])),
    bead: optional(INDEX),
    sentenceBead: optional(INDEX),
    sourceAt: optional(INDEX),
    targetAt: optional(INDEX),
    side: optional(oneOf(['source', 'target'] as const)),
    by: optional(int({ min: -1, max: 1 })),
    source: optional(ORDINALS),
    target: optional(ORDINALS),
    sourceSentences: optional(SENTENCE_REFS),
    targetSentences: optional(SENTENCE_REFS),
  }),
  'align.counterpart': obj({ docId: ID, passageId: ID, otherDocId: ID }),
  'align.export': obj({
    docId: ID,
    otherDocId: ID,
    format: oneOf(PAIRS_EXPORT_FORMATS),
    level: optional(oneOf<AlignLevel>(['paragraph', 'sentence'])),
  }),
  'annotations.carried': obj({ docId: ID, translationDocId: ID }),
  'segments.start': obj({
    docId: ID,
    lang: LANG,
    title: optional(str({ min: 1, max: 1000 })),
    unit: optional(oneOf<SegmentUnit>(['passage', 'sentence'])),
  }),
  'segments.list': obj({ linkId: ID }),
  'segments.save': obj({
    id: ID,
    text: optional(str({ max: 1_000_000 })),
    status: optional(oneOf<SegmentStatus>(['draft', 'done'])),
  }),
  'mt.settings.get': none,
  'mt.settings.set': obj({
    enabled: bool,
    endpoint: optional(str({ max: 2000 })),
    apiKey: optional(nullable(str({ max: 500 }))),
  }),
  'mt.translate': obj({ text: str({ min: 1, max: 50_000 }), source: LANG, target: LANG }),
};
