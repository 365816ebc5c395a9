// Domain types of the facts ledger: mentions found in a text, entities with aliases, facts with their
// evidence (annotation anchors on passages), conflicts and timelines. Pure data: no runtime imports.
import type { EditedElsewhere } from './types';

/** Tag put on the annotations made as evidence for facts: the reader draws them as a layer of their own. */
export const EVIDENCE_TAG = 'fact';

export type MentionType = 'person' | 'organisation' | 'place' | 'date' | 'quantity';

export type EntityType = 'person' | 'organisation' | 'place' | 'other';
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organisation', 'place', 'other'];

/** How a number or date relates to the true value: "higit sa isang daan" is `gt` 100. */
export type ValueQualifier = 'exact' | 'approx' | 'gt' | 'lt';
export const VALUE_QUALIFIERS: readonly ValueQualifier[] = ['exact', 'approx', 'gt', 'lt'];

export type QuantityKind = 'number' | 'money' | 'percent';
export type DatePrecision = 'day' | 'month' | 'year' | 'decade' | 'century';

/** Details of a date mention. `value` is an ISO date (2012-07-19, 2012-07, 2012) or an interval (1601/1700). */
export interface DateDetail {
  precision: DatePrecision;
  /** First and last day covered, for sorting and overlap (1601-01-01 … 1700-12-31 for the 17th century). */
  from: string;
  to: string;
  /** The year was not written: it came from the nearest earlier full date (or the publication date). */
  yearInferred?: boolean;
}

export interface QuantityDetail {
  kind: QuantityKind;
  qualifier: ValueQualifier;
  /** ISO 4217 code for money, "%" for percentages, null for plain numbers. */
  unit: string | null;
  /** The counted noun written after the number, lower-cased ("botante", "voters", "избирателей"). */
  noun?: string;
}

/** A person, organisation, place, date or quantity found in a text by the rule-based extractor. */
export interface Mention {
  type: MentionType;
  /** The text as written. */
  text: string;
  /** Normalised value: canonical name, ISO date or interval, or a number. */
  value: string | number;
  /** Offsets (UTF-16 code units) into the text the extractor ran on (DocumentDetail.text for a document). */
  start: number;
  end: number;
  /** 0..1: how sure the rules are. */
  confidence: number;
  date?: DateDetail;
  quantity?: QuantityDetail;
  /** What the sentence says this quantity or date is about ("47 libo … bumoto para sa … Bako Sahakyan"). */
  about?: { name: string; predicate: string; start: number; end: number };
}

export interface MentionsResult {
  docId: string;
  lang: string;
  /** The document's text version the offsets refer to. */
  version: number;
  mentions: Mention[];
}

export type FactStatus = 'proposed' | 'confirmed' | 'rejected';
export const FACT_STATUSES: readonly FactStatus[] = ['proposed', 'confirmed', 'rejected'];
export type FactOrigin = 'extractor' | 'person';

/** The object of a fact: another entity, or a typed value. Dates are ISO dates or intervals (1601/1700). */
export type FactObject =
  | { kind: 'entity'; entityId: string; name: string; type: EntityType }
  | { kind: 'number'; number: number; unit: string | null }
  | { kind: 'date'; date: string }
  | { kind: 'text'; text: string };

/** How a fact's object is given when creating or editing (an entity by id or by name). */
export type FactObjectInput =
  | { kind: 'entity'; entityId?: string; name?: string; type?: EntityType }
  | { kind: 'number'; number: number; unit?: string }
  | { kind: 'date'; date: string }
  | { kind: 'text'; text: string };

export interface FactQualifiers {
  /** When the fact holds (ISO date or interval), e.g. the election day for a vote count. */
  date: string | null;
  place: { entityId: string; name: string } | null;
}

/** One passage supporting a fact: an annotation, so it re-anchors when the text is corrected. */
export interface FactEvidence {
  annotationId: string;
  docId: string;
  docTitle: string;
  lang: string;
  /** The passage the quote starts in (null when the anchor is orphaned outside every passage). */
  passageId: string | null;
  /** 1-based paragraph number, as in citations. */
  paragraph: number | null;
  quote: string;
  start: number;
  end: number;
  status: 'anchored' | 'moved' | 'orphaned';
  /** Where the reader opens this passage: `#/doc/<docId>/a/<annotationId>`. */
  link: string;
}

/** Where a proposed fact was read (not yet an annotation: one is created when the user accepts). */
export interface FactCandidateSource {
  docId: string;
  docTitle: string;
  passageId: string | null;
  quote: string;
  start: number;
  end: number;
  /** `#/doc/<docId>`: proposals have no annotation yet. */
  link: string;
}

export interface Fact {
  id: string;
  subject: { entityId: string; name: string; type: EntityType };
  /** The name as the source wrote it when the fact was recorded ("Sahakyan", "Бако Саакян"). */
  subjectAlias: string;
  predicate: string;
  object: FactObject;
  valueQualifier: ValueQualifier;
  qualifiers: FactQualifiers;
  status: FactStatus;
  confidence: number;
  origin: FactOrigin;
  note: string;
  preferred: boolean;
  preferredReason: string;
  evidence: FactEvidence[];
  /** Set on extractor proposals: the sentence the proposal came from. */
  candidate: FactCandidateSource | null;
  /** One-line rendering: "Bako Sahakyan — votes received — 47,000 (2012-07-19)". */
  label: string;
  createdAt: string;
  updatedAt: string;
  /** Set in a team archive when another member last changed it (or their version is in review). */
  editedElsewhere?: EditedElsewhere;
}

export interface EntityAlias {
  alias: string;
  /** Lower-case, diacritic-free, Latin-transliterated key used for matching (бако саакян → bako saakyan). */
  key: string;
}

export interface EntitySummary {
  id: string;
  type: EntityType;
  name: string;
  aliases: EntityAlias[];
  /** Facts with this entity as subject, object or place (rejected ones excluded). */
  facts: number;
  createdAt: string;
  updatedAt: string;
}

export interface EntityMentionHit {
  docId: string;
  docTitle: string;
  lang: string;
  passageId: string | null;
  paragraph: number | null;
  alias: string;
  start: number;
  end: number;
  /** A little text around the mention. */
  snippet: string;
  link: string;
}

export interface EntityDetail extends EntitySummary {
  factList: Fact[];
  /** Where any alias occurs in the archive's documents (capped). */
  mentions: EntityMentionHit[];
}

export interface MergeSuggestion {
  /** The entity to keep (more facts or aliases) and the one to fold into it. */
  target: EntitySummary;
  source: EntitySummary;
  score: number;
  reasons: string[];
}

export interface ConflictGroup {
  subject: { entityId: string; name: string };
  predicate: string;
  qualifiers: FactQualifiers;
  /** The differing facts, each with its evidence passages. */
  facts: Fact[];
  /** The fact marked preferred, if the user chose one. */
  preferredFactId: string | null;
  /**
   * `conflict`: the values contradict each other; `approximate`: they differ but are consistent — one is
   * approximate or a bound and the other lies inside it ("about 47,000" and "47,000"). Set by the API and the
   * CLI (main/facts/values.ts `withAgreement`); absent means a conflict.
   */
  agreement?: 'conflict' | 'approximate';
}

export interface TimelineItem {
  date: string;
  from: string;
  to: string;
  /** Whether the date is the fact's value (inauguration date) or its date qualifier (votes on election day). */
  role: 'value' | 'qualifier';
  fact: Fact;
}

export interface PredicateSuggestion {
  predicate: string;
  facts: number;
}

export type FactSort = 'created' | 'updated' | 'subject' | 'predicate' | 'date' | 'confidence';
export const FACT_SORTS: readonly FactSort[] = ['created', 'updated', 'subject', 'predicate', 'date', 'confidence'];

export interface FactFilter {
  entityId?: string;
  predicate?: string;
  status?: FactStatus;
  docId?: string;
  sort?: FactSort;
  descending?: boolean;
  limit?: number;
  offset?: number;
}

export interface ProposalReport {
  docId: string;
  /** Proposals created by this run (earlier ones, and rejected ones, are not proposed again). */
  created: number;
  /** Every fact of the document still waiting for a decision. */
  proposals: Fact[];
}

export type FactExportFormat = 'csv' | 'json';
export const FACT_EXPORT_FORMATS: readonly FactExportFormat[] = ['csv', 'json'];

/** A reference to an entity: an existing one by id, or one found (or created) by name. */
export interface EntityRef {
  entityId?: string;
  name?: string;
  type?: EntityType;
}

/** A text range of a document that supports a fact (becomes an evidence annotation). */
export interface EvidenceRange {
  docId: string;
  start: number;
  end: number;
}

export interface NewFactInput {
  subject: EntityRef;
  predicate: string;
  object: FactObjectInput;
  valueQualifier?: ValueQualifier;
  /** Date qualifier (ISO date or interval). */
  date?: string;
  /** Place qualifier by name (found or created as a place entity) or by id. */
  place?: string;
  placeId?: string;
  evidence?: EvidenceRange[];
  note?: string;
}

/** Edits to a fact; absent fields stay. An empty `date`, `place` or `placeId` clears that qualifier. */
export interface FactChanges {
  subject?: EntityRef;
  predicate?: string;
  object?: FactObjectInput;
  valueQualifier?: ValueQualifier;
  date?: string;
  place?: string;
  placeId?: string;
  note?: string;
}
