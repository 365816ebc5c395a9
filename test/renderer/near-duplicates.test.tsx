// @vitest-environment happy-dom
// The import summary offers a choice for a near-duplicate (skip / keep both / keep as a version) and sends it.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../renderer/src/api/context';
import { NearDuplicates } from '../../renderer/src/components/import/NearDuplicates';
import type { TalaApi } from '../../shared/contract';
import type { ImportSummary } from '../../shared/types';
import { byTestId, flush, render, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

const NEW = '11111111-2222-4333-8444-555555555555';
const OLD = '11111111-2222-4333-8444-666666666666';
const doc = (id: string, title: string, mediaType: string) =>
  ({ id, title, mediaType, lang: 'en', passages: 3, importedAt: '2026-12-05T08:00:00Z' }) as never;

const item: ImportSummary['imported'][number] = {
  file: 'report.pdf',
  document: doc(NEW, 'NKR election report', 'application/pdf'),
  nearDuplicates: [{ id: OLD, title: 'NKR election report', mediaType: 'text/plain', lang: 'en', similarity: 0.93 }],
};

describe('near-duplicates in the import summary', () => {
  it.each([
    ['near-dup-version', 'version', 'Kept as another version of the same source.'],
    ['near-dup-skip', 'skip', 'Skipped: the new copy was removed.'],
    ['near-dup-keep', 'keep', 'Kept both.'],
  ] as const)('%s sends that choice for the new copy and says what was done', async (button, choice, said) => {
    const calls: unknown[] = [];
    const api = {
      'documents.resolveNearDuplicate': async (req: unknown) => {
        calls.push(req);
        return { document: null, variantOf: null };
      },
    } as unknown as TalaApi;
    view = await render(
      <ApiProvider api={api}>
        <NearDuplicates items={[item, { file: 'other.txt', document: doc(OLD, 'Other', 'text/plain') }]} />
      </ApiProvider>,
    );
    const rows = byTestId(view.container, 'near-duplicate');
    expect(rows).toHaveLength(1); // only the document that has a near-duplicate
    expect(rows[0].textContent).toContain('(PDF)');
    expect(rows[0].textContent).toContain('93 % alike');
    await act(async () => (byTestId(view!.container, button)[0] as HTMLButtonElement).click());
    await flush();
    expect(calls).toEqual([{ id: NEW, of: OLD, choice }]);
    expect(byTestId(view.container, 'near-duplicate-done')[0].textContent).toBe(said);
  });
});
