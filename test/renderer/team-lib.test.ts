// Words of the team review list: what happened, and which edited fields differ.
import { describe as group, expect, it } from 'vitest';
import { describe, differences, isLostEdit, thingOf } from '../../renderer/src/components/team/conflict-words';
import type { SyncConflict } from '../../shared/team';

const base: SyncConflict = {
  id: '00000000-0000-4000-8000-000000000001',
  entity: 'annotations',
  rowKey: ['a1'],
  kind: 'edit',
  keptAuthor: 'bob',
  otherAuthor: 'alice',
  otherOp: 'upsert',
  other: { id: 'a1', note: 'edited by alice', color: 'yellow', start_offset: 4, updated_at: '2026-12-01T10:00:00Z' },
  current: { id: 'a1', note: 'edited by bob', color: 'yellow', start_offset: 9, updated_at: '2026-12-01T10:05:00Z' },
  detectedAt: '2026-12-01T10:06:00Z',
};

group('team conflict words', () => {
  it('names the thing and who edited it', () => {
    expect(thingOf(base)).toBe('note');
    expect(describe(base)).toBe(
      "This note was edited elsewhere by alice at the same time as bob; bob's version is current.",
    );
    expect(describe({ ...base, kind: 'delete-edit', otherOp: 'delete', other: null })).toBe(
      'alice deleted this note while bob edited it: the edit was kept.',
    );
    expect(describe({ ...base, entity: 'translation_segments', kind: 'duplicate' })).toMatch(
      /same translation segment was imported/,
    );
  });

  it('offers the same entity made on two desktops as a merge, without a field table', () => {
    const duplicate: SyncConflict = {
      ...base,
      entity: 'entities',
      kind: 'duplicate',
      other: { same_as: 'e1', name: 'Bako Sahakyan', type: 'person' },
      current: { id: 'e2', name: 'Bako Sahakyan', type: 'person' },
    };
    expect(describe(duplicate)).toBe(
      '“Bako Sahakyan” was made on two desktops (by bob and alice): merge them, or keep both if they differ.',
    );
    expect(differences({ ...duplicate, other: { ...duplicate.other, name: 'Бако Саакян' } })).toEqual([]);
    // Made in two scripts: both names are said.
    expect(describe({ ...duplicate, other: { ...duplicate.other, name: 'Бако Саакян' } })).toBe(
      '“Bako Sahakyan” (bob) and “Бако Саакян” (alice) were made on two desktops: merge them, or keep both if they ' +
        'differ.',
    );
  });

  it('an edit lost with what it belonged to says so and shows its text, with nothing to take back', () => {
    const lost: SyncConflict = { ...base, kind: 'delete-edit', keptAuthor: null, current: null };
    expect(isLostEdit(lost)).toBe(true);
    expect(isLostEdit({ ...lost, otherOp: 'delete', other: null })).toBe(false);
    expect(isLostEdit(base)).toBe(false);
    expect(describe(lost)).toBe(
      'This note edited by alice could not be kept: what it belonged to was deleted elsewhere. Its text is below.',
    );
    expect(differences(lost)).toEqual([
      { field: 'note', current: '—', other: 'edited by alice' },
      { field: 'color', current: '—', other: 'yellow' },
    ]);
  });

  it('lists only the edited fields that differ, not bookkeeping columns', () => {
    expect(differences(base)).toEqual([{ field: 'note', current: 'edited by bob', other: 'edited by alice' }]);
    const fact = {
      ...base,
      entity: 'facts',
      other: { value_number: 47000, value_qualifier: 'approx', updated_at: 'x' },
      current: { value_number: 48000, value_qualifier: 'approx', updated_at: 'y' },
    };
    expect(differences(fact)).toEqual([{ field: 'value number', current: '48000', other: '47000' }]);
    expect(differences({ ...base, other: null })).toEqual([]);
  });
});
