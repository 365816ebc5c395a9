// Fact drafts (what the fact editor holds) turned into what the archive takes: a new fact, or the changes to a
// proposed or confirmed one; and what keeps a draft from being saved.
import type { EntitySummary, FactChanges, FactObjectInput, NewFactInput } from '../../../shared/facts';
import { FACT_DATE_RE, parseDraftNumber, type FactDraft } from './facts';

/** What is wrong with a draft, or null. */
export function draftProblem(d: FactDraft): string | null {
  if (!d.subject.trim()) return 'Name the subject (who or what the fact is about).';
  if (!d.predicate.trim()) return 'Say what is stated about the subject (the predicate).';
  if (d.kind === 'number' && parseDraftNumber(d.number) === null)
    return 'The value must be a number, like 47000 or 47,000.';
  if (d.kind === 'date' && !FACT_DATE_RE.test(d.date.trim()))
    return 'The value must be a date like 2012-07-19, 2012-07, 2012 or 1601/1700.';
  if ((d.kind === 'text' || d.kind === 'entity') && !d.text.trim()) return 'Give the value.';
  if (d.dateQualifier.trim() && !FACT_DATE_RE.test(d.dateQualifier.trim()))
    return 'The date qualifier must look like 2012-07-19, 2012-07, 2012 or 1601/1700.';
  return null;
}

function objectOf(d: FactDraft, entities: readonly EntitySummary[]): FactObjectInput {
  switch (d.kind) {
    case 'number':
      return {
        kind: 'number',
        number: parseDraftNumber(d.number) ?? 0,
        ...(d.unit.trim() ? { unit: d.unit.trim() } : {}),
      };
    case 'date':
      return { kind: 'date', date: d.date.trim() };
    case 'entity': {
      const known = entities.find((e) => e.name === d.text.trim());
      return known ? { kind: 'entity', entityId: known.id } : { kind: 'entity', name: d.text.trim() };
    }
    case 'text':
      return { kind: 'text', text: d.text.trim() };
  }
}

function subjectOf(d: FactDraft, entities: readonly EntitySummary[]) {
  const name = d.subject.trim();
  const known = entities.find((e) => e.name === name);
  return known ? { entityId: known.id, name } : { name, type: d.subjectType };
}

/** The edits a draft makes to a fact (the subject only when it changed, so no alias is added for nothing). */
export function changesFromDraft(d: FactDraft, before: FactDraft, entities: readonly EntitySummary[]): FactChanges {
  const changes: FactChanges = {
    predicate: d.predicate.trim(),
    object: objectOf(d, entities),
    valueQualifier: d.valueQualifier,
    date: d.dateQualifier.trim(),
    note: d.note,
  };
  if (d.subject.trim() !== before.subject.trim() || d.subjectType !== before.subjectType)
    changes.subject = subjectOf(d, entities);
  if (d.place.trim() !== before.place.trim()) changes.place = d.place.trim();
  return changes;
}

export function newFactFromDraft(
  d: FactDraft,
  entities: readonly EntitySummary[],
  evidence: NewFactInput['evidence'],
): NewFactInput {
  return {
    subject: subjectOf(d, entities),
    predicate: d.predicate.trim(),
    object: objectOf(d, entities),
    valueQualifier: d.valueQualifier,
    ...(d.dateQualifier.trim() ? { date: d.dateQualifier.trim() } : {}),
    ...(d.place.trim() ? { place: d.place.trim() } : {}),
    ...(d.note.trim() ? { note: d.note.trim() } : {}),
    evidence,
  };
}
