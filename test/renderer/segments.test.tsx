// @vitest-environment happy-dom
// The segment editor: its keyboard logic (pure) and, rendered in happy-dom, Ctrl+Enter saving a segment
// as done and moving the focus on, Alt+↑/↓ moving between segments, and Suggest disabled while MT is off.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Segment, SegmentSheet } from '../../shared/translations';
import { ApiProvider } from '../../renderer/src/api/context';
import { SegmentEditor } from '../../renderer/src/components/parallel/SegmentEditor';
import { formatRoute, parseRoute } from '../../renderer/src/lib/routes';
import { nextAfterCommit, progressLabel, segmentKeyAction, stepIndex } from '../../renderer/src/lib/segment-nav';
import { byTestId, flush, render } from './render';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('segment navigation logic', () => {
  it('maps keys to actions', () => {
    expect(segmentKeyAction(key('Enter', { ctrlKey: true }))).toBe('commit');
    expect(segmentKeyAction(key('Enter', { metaKey: true }))).toBe('commit');
    expect(segmentKeyAction(key('Enter'))).toBeNull();
    expect(segmentKeyAction(key('Enter', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(segmentKeyAction(key('ArrowDown', { altKey: true }))).toBe('next');
    expect(segmentKeyAction(key('ArrowUp', { altKey: true }))).toBe('prev');
    expect(segmentKeyAction(key('ArrowDown'))).toBeNull();
  });

  it('steps within bounds and moves on after a commit', () => {
    expect(stepIndex(0, 1, 3)).toBe(1);
    expect(stepIndex(2, 1, 3)).toBeNull();
    expect(stepIndex(0, -1, 3)).toBeNull();
    expect(stepIndex(0, 1, 0)).toBeNull();
    const s = (...st: Array<'draft' | 'done'>) => st.map((status) => ({ status }));
    expect(nextAfterCommit(s('done', 'draft', 'draft'), 0)).toBe(1);
    expect(nextAfterCommit(s('done', 'done', 'draft'), 0)).toBe(2);
    expect(nextAfterCommit(s('done', 'done', 'done'), 0)).toBe(1);
    expect(nextAfterCommit(s('done', 'done'), 1)).toBeNull();
    expect(progressLabel(s('done', 'draft', 'done'))).toBe('2 of 3 done');
  });

  it('#/segments/<linkId> round-trips', () => {
    const linkId = '11111111-2222-4333-8444-555555555555';
    expect(parseRoute(formatRoute({ name: 'segments', linkId }))).toEqual({ name: 'segments', linkId });
    expect(parseRoute('#/segments/nope')).toEqual({ name: 'home' });
  });
});

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const seg = (n: number, over: Partial<Segment> = {}): Segment => ({
  id: ID(n),
  ordinal: n,
  sourcePassageId: ID(100 + n),
  sourceOrdinal: n,
  sourceSentence: null,
  sourceText: `Pangungusap ${n}.`,
  text: '',
  status: 'draft',
  updatedAt: '2024-01-01T00:00:00Z',
  ...over,
});

function fakeApi() {
  const doc = (id: string, lang: string) => ({ id, lang, title: `Doc ${lang}`, version: 1 });
  const sheet: SegmentSheet = {
    link: {
      id: ID(900),
      origin: 'segments',
      createdAt: '2024-01-01T00:00:00Z',
      source: doc(ID(901), 'tl'),
      translation: doc(ID(902), 'en'),
    } as unknown as SegmentSheet['link'],
    unit: 'passage',
    segments: [seg(0), seg(1), seg(2)],
    progress: { done: 0, draft: 0, empty: 3 },
  };
  const save = vi.fn(async ({ id, text, status }: { id: string; text?: string; status?: 'draft' | 'done' }) => {
    const i = sheet.segments.findIndex((g) => g.id === id);
    sheet.segments[i] = {
      ...sheet.segments[i],
      ...(text !== undefined ? { text } : {}),
      ...(status ? { status } : {}),
    };
    return sheet.segments[i];
  });
  const api = {
    'segments.list': async () => structuredClone(sheet),
    'segments.save': save,
    'mt.settings.get': async () => ({ enabled: false, endpoint: '', apiKeySet: false, notice: 'n' }),
  };
  return { api, save };
}

function type(el: HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
  setter.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('SegmentEditor', () => {
  it('Ctrl+Enter saves as done and focuses the next segment; Alt+↑ goes back; Suggest is off', async () => {
    const { api, save } = fakeApi();
    const r = await render(
      <ApiProvider api={api as never}>
        <SegmentEditor linkId={ID(900)} onNavigate={() => {}} toast={() => {}} />
      </ApiProvider>,
    );
    await flush();
    const inputs = byTestId(r.container, 'segment-input') as HTMLTextAreaElement[];
    expect(inputs).toHaveLength(3);
    expect(byTestId(r.container, 'segment-source')[0].getAttribute('lang')).toBe('tl');
    expect(byTestId(r.container, 'segments-progress')[0].textContent).toBe('0 of 3 done');
    expect(byTestId(r.container, 'segment-suggest').every((b) => (b as HTMLButtonElement).disabled)).toBe(true);

    await act(async () => {
      inputs[0].focus();
      type(inputs[0], 'Sentence 0.');
    });
    await act(async () => {
      inputs[0].dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }),
      );
    });
    await flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ id: ID(0), text: 'Sentence 0.', status: 'done' });
    expect(document.activeElement).toBe(inputs[1]);
    expect(byTestId(r.container, 'segment-status')[0].textContent).toBe('done');
    expect(byTestId(r.container, 'segments-progress')[0].textContent).toBe('1 of 3 done');

    await act(async () => {
      inputs[1].dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true, cancelable: true }),
      );
    });
    expect(document.activeElement).toBe(inputs[0]);
    await act(async () => {
      inputs[0].dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true, cancelable: true }),
      );
    });
    expect(document.activeElement).toBe(inputs[1]);
    // Leaving an unchanged segment saves nothing more.
    expect(save).toHaveBeenCalledTimes(1);
    await r.unmount();
  });
});
