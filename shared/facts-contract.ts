// The facts ledger's channels of the contract (shared/contract.ts spreads them into its tables): request
// shapes, their validators and response types. Evidence items carry docId + annotationId + passageId and a
// `link` (#/doc/<docId>/a/<annotationId>) so the UI can open the passage.
import type { ExportedFile } from './contract';
import {
  ENTITY_TYPES,
  FACT_EXPORT_FORMATS,
  FACT_SORTS,
  FACT_STATUSES,
  VALUE_QUALIFIERS,
  type ConflictGroup,
  type EntityDetail,
  type EntitySummary,
  type EntityType,
  type EvidenceRange,
  type Fact,
  type FactChanges,
  type FactExportFormat,
  type FactObjectInput,
  type FactSort,
  type FactStatus,
  type MentionsResult,
  type MergeSuggestion,
  type NewFactInput,
  type PredicateSuggestion,
  type ProposalReport,
  type TimelineItem,
} from './facts';
import { arrayOf, fail, int, matching, none, obj, oneOf, optional, str, type Validator } from './validate';

const ID = matching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'an id (UUID)');
const OFFSET = int({ min: 0, max: 2 ** 31 - 1 });
const NAME = str({ min: 1, max: 500 });
const PREDICATE = str({ min: 1, max: 300 });
const NOTE = str({ max: 100_000 });
/** ISO date, partial date or interval (1601/1700); '' clears a date qualifier in an edit. */
const FACT_DATE = matching(
  /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/,
  'a date like 2012-07-19, 2012-07, 2012 or 1601/1700',
);
const FACT_DATE_OR_EMPTY = matching(
  /^(\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?)?$/,
  'a date like 2012-07-19, 2012-07, 2012 or 1601/1700 (or empty to clear)',
);
const ID_OR_EMPTY = matching(
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/,
  'an id (UUID), or empty to clear',
);
/** Which facts conflicts and timelines consider: confirmed ones, or proposals as well. */
export type FactScope = 'confirmed' | 'all';
const SCOPE = oneOf<FactScope>(['confirmed', 'all']);

const finiteNumber: Validator<number> = (v, path) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'a number');
  return v;
};

const ENTITY_REF = obj({
  entityId: optional(ID),
  name: optional(NAME),
  type: optional(oneOf<EntityType>(ENTITY_TYPES)),
});
const EVIDENCE = obj({ docId: ID, start: OFFSET, end: OFFSET });

const OBJECT_SHAPES = {
  entity: obj({
    kind: oneOf(['entity'] as const),
    entityId: optional(ID),
    name: optional(NAME),
    type: optional(oneOf<EntityType>(ENTITY_TYPES)),
  }),
  number: obj({ kind: oneOf(['number'] as const), number: finiteNumber, unit: optional(str({ max: 100 })) }),
  date: obj({ kind: oneOf(['date'] as const), date: FACT_DATE }),
  text: obj({ kind: oneOf(['text'] as const), text: str({ min: 1, max: 10_000 }) }),
};

/** A fact's object: `{kind: 'entity'|'number'|'date'|'text', …}` with the fields of that kind only. */
const FACT_OBJECT: Validator<FactObjectInput> = (v, path) => {
  const kind = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as { kind?: unknown }).kind : undefined;
  const shape =
    typeof kind === 'string' && Object.prototype.hasOwnProperty.call(OBJECT_SHAPES, kind)
      ? OBJECT_SHAPES[kind as keyof typeof OBJECT_SHAPES]
      : null;
  if (!shape) fail(path, 'an object with kind "entity", "number", "date" or "text"');
  return shape(v, path) as FactObjectInput;
};

const CHANGES = {
  subject: optional(ENTITY_REF),
  predicate: optional(PREDICATE),
  object: optional(FACT_OBJECT),
  valueQualifier: optional(oneOf(VALUE_QUALIFIERS)),
  date: optional(FACT_DATE_OR_EMPTY),
  place: optional(str({ max: 500 })),
  placeId: optional(ID_OR_EMPTY),
  note: optional(NOTE),
};

export interface FactListRequest {
  entityId?: string;
  predicate?: string;
  status?: FactStatus;
  docId?: string;
  sort?: FactSort;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface FactRequests {
  /** Persons, organisations, places, dates and quantities in a document. */
  'mentions.extract': { docId: string };
  /** Proposes candidate facts for a document (stored as 'proposed'; never confirmed without a person). */
  'facts.propose': { docId: string };
  'facts.list': FactListRequest;
  'facts.get': { id: string };
  /** A fact recorded by a person: confirmed, with each evidence range made into an annotation. */
  'facts.create': NewFactInput;
  'facts.update': { id: string } & FactChanges;
  /** Confirms a proposal (with optional edits); its passage becomes an evidence annotation. */
  'facts.accept': { id: string; changes?: FactChanges };
  'facts.reject': { id: string };
  'facts.delete': { id: string };
  'facts.addEvidence': { id: string } & EvidenceRange;
  'facts.removeEvidence': { id: string; annotationId: string };
  /** Marks the fact to trust within its conflict group (the others lose the mark). */
  'facts.setPreferred': { id: string; reason?: string };
  'facts.clearPreferred': { id: string };
  'facts.conflicts': { scope?: FactScope };
  'facts.timeline': { entityId?: string; scope?: FactScope };
  /** Predicates used by earlier facts, most used first. */
  'facts.predicates': { prefix?: string };
  'facts.export': {
    format: FactExportFormat;
    status?: FactStatus;
    entityId?: string;
    predicate?: string;
    docId?: string;
  };
  'entities.list': { type?: EntityType; query?: string };
  'entities.get': { id: string };
  'entities.update': { id: string; name?: string; type?: EntityType };
  'entities.merge': { targetId: string; sourceIds: string[] };
  'entities.split': { id: string; aliases: string[]; name?: string };
  'entities.addAlias': { id: string; alias: string };
  'entities.mergeSuggestions': void;
}

export interface FactResponses {
  'mentions.extract': MentionsResult;
  'facts.propose': ProposalReport;
  'facts.list': Fact[];
  'facts.get': Fact;
  'facts.create': Fact;
  'facts.update': Fact;
  'facts.accept': Fact;
  'facts.reject': Fact;
  /** The deleted fact. */
  'facts.delete': Fact;
  'facts.addEvidence': Fact;
  'facts.removeEvidence': Fact;
  'facts.setPreferred': Fact;
  'facts.clearPreferred': Fact;
  'facts.conflicts': ConflictGroup[];
  'facts.timeline': TimelineItem[];
  'facts.predicates': PredicateSuggestion[];
  'facts.export': ExportedFile;
  'entities.list': EntitySummary[];
  'entities.get': EntityDetail;
  'entities.update': EntitySummary;
  'entities.merge': EntitySummary;
  'entities.split': { kept: EntitySummary; created: EntitySummary };
  'entities.addAlias': EntitySummary;
  'entities.mergeSuggestions': MergeSuggestion[];
}

export const factRequestValidators: { [C in keyof FactRequests]: Validator<FactRequests[C]> } = {
  'mentions.extract': obj({ docId: ID }),
  'facts.propose': obj({ docId: ID }),
  'facts.list': obj({
    entityId: optional(ID),
    predicate: optional(PREDICATE),
    status: optional(oneOf(FACT_STATUSES)),
    docId: optional(ID),
    sort: optional(oneOf(FACT_SORTS)),
    order: optional(oneOf(['asc', 'desc'] as const)),
    limit: optional(int({ min: 1, max: 100_000 })),
    offset: optional(int({ min: 0, max: 10_000_000 })),
  }),
  'facts.get': obj({ id: ID }),
  'facts.create': obj({
    subject: ENTITY_REF,
    predicate: PREDICATE,
    object: FACT_OBJECT,
    valueQualifier: optional(oneOf(VALUE_QUALIFIERS)),
    date: optional(FACT_DATE),
    place: optional(NAME),
    placeId: optional(ID),
    evidence: optional(arrayOf(EVIDENCE, { max: 100 })),
    note: optional(NOTE),
  }),
  'facts.update': obj({ id: ID, ...CHANGES }),
  'facts.accept': obj({ id: ID, changes: optional(obj(CHANGES)) }),
  'facts.reject': obj({ id: ID }),
  'facts.delete': obj({ id: ID }),
  'facts.addEvidence': obj({ id: ID, docId: ID, start: OFFSET, end: OFFSET }),
  'facts.removeEvidence': obj({ id: ID, annotationId: ID }),
  'facts.setPreferred': obj({ id: ID, reason: optional(NOTE) }),
  'facts.clearPreferred': obj({ id: ID }),
  'facts.conflicts': obj({ scope: optional(SCOPE) }),
  'facts.timeline': obj({ entityId: optional(ID), scope: optional(SCOPE) }),
  'facts.predicates': obj({ prefix: optional(str({ max: 300 })) }),
  'facts.export': obj({
    format: oneOf(FACT_EXPORT_FORMATS),
    status: optional(oneOf(FACT_STATUSES)),
    entityId: optional(ID),
    predicate: optional(PREDICATE),
    docId: optional(ID),
  }),
  'entities.list': obj({ type: optional(oneOf<EntityType>(ENTITY_TYPES)), query: optional(str({ max: 500 })) }),
  'entities.get': obj({ id: ID }),
  'entities.update': obj({ id: ID, name: optional(NAME), type: optional(oneOf<EntityType>(ENTITY_TYPES)) }),
  'entities.merge': obj({ targetId: ID, sourceIds: arrayOf(ID, { max: 1000 }) }),
  'entities.split': obj({ id: ID, aliases: arrayOf(NAME, { max: 1000 }), name: optional(NAME) }),
  'entities.addAlias': obj({ id: ID, alias: NAME }),
  'entities.mergeSuggestions': none,
};
