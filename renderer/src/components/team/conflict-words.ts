// Words for the team review list: what kind of thing a conflicting row is, and what differs between the
// version kept and the other one.
import type { SyncConflict } from '../../../../shared/team';

const THINGS: Record<string, string> = {
  annotations: 'note',
  facts: 'fact',
  passages: 'passage text',
  documents: 'document',
  entities: 'entity',
  entity_aliases: 'name variant',
  tags: 'tag',
  translation_segments: 'translation segment',
  alignment_links: 'alignment correction',
};

/** Columns a person edits, per table; the rest (timestamps, offsets) are bookkeeping. */
const FIELDS: Record<string, readonly string[]> = {
  annotations: ['note', 'color', 'exact'],
  facts: ['predicate', 'value_number', 'value_unit', 'value_text', 'value_date', 'value_qualifier', 'status', 'note'],
  passages: ['text'],
  documents: ['title', 'author', 'source', 'published_at', 'lang'],
  entities: ['name', 'type'],
  translation_segments: ['text', 'status'],
};

export function thingOf(c: SyncConflict): string {
  return THINGS[c.entity] ?? c.entity.replace(/_/g, ' ');
}

export interface FieldDifference {
  field: string;
  current: string;
  other: string;
}

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

/**
 * An edit that could not be kept: the row went with what it belonged to (a document, a translation), deleted
 * elsewhere by someone who had not seen the edit. Only its text is left, in the review list.
 */
export function isLostEdit(c: SyncConflict): boolean {
  return c.kind === 'delete-edit' && c.otherOp === 'upsert' && c.current === null && c.other !== null;
}

/** The edited fields whose values differ between the current row and the other version. */
export function differences(c: SyncConflict): FieldDifference[] {
  if (!c.other || c.kind === 'duplicate' || (!c.current && !isLostEdit(c))) return [];
  const current = c.current ?? {};
  const fields = FIELDS[c.entity] ?? Object.keys(c.other).filter((k) => !/(_at|_offset|^id|_id)$/.test(k));
  return fields
    .filter((f) => f in c.other! && show(current[f]) !== show(c.other![f]))
    .map((f) => ({ field: f.replace(/_/g, ' '), current: show(current[f]), other: show(c.other![f]) }));
}

/** One sentence saying what happened. */
export function describe(c: SyncConflict): string {
  const thing = thingOf(c);
  const other = c.otherAuthor ?? 'someone';
  const kept = c.keptAuthor ?? 'someone';
  if (c.kind === 'duplicate' && c.entity === 'entities') {
    const name = show(c.current?.name ?? c.other?.name);
    const otherName = show(c.other?.name ?? name);
    const names = otherName === name ? `“${name}” was` : `“${name}” (${kept}) and “${otherName}” (${other}) were`;
    const by = otherName === name ? ` (by ${kept} and ${other})` : '';
    return `${names} made on two desktops${by}: merge them, or keep both if they differ.`;
  }
  if (c.kind === 'duplicate') return `The same ${thing} was imported on two desktops; both copies are kept.`;
  if (isLostEdit(c)) {
    const lost = `This ${thing} edited by ${other} could not be kept`;
    return `${lost}: what it belonged to was deleted elsewhere. Its text is below.`;
  }
  if (c.kind === 'delete-edit') {
    return c.otherOp === 'delete'
      ? `${other} deleted this ${thing} while ${kept} edited it: the edit was kept.`
      : `This ${thing} was deleted while ${other} edited it: the edit was kept.`;
  }
  return `This ${thing} was edited elsewhere by ${other} at the same time as ${kept}; ${kept}'s version is current.`;
}
