// @vitest-environment happy-dom
// The parallel view on a real archive (SQLite on disk, the real aligner, the typed API through dispatch): the
// confidence a row shows is the aligner's calibrated one, and the rows marked for a check are exactly those the
// aligner is unsure of. The pair is constructed from the Universal Declaration (English and French, one sentence
// per line): the French adds a translator's note and leaves a sentence out, the rest pairs 1-1. How well the
// confidences are calibrated is measured on hand-aligned prose by `npm run bench:align` (its calibration table).
import { afterEach, describe, expect, it } from 'vitest';
import { inlineAligner } from '../../main/align/inline';
import { createApi, dispatch } from '../../main/api/dispatch';
import { Archive } from '../../main/archive/archive';
import { archiveFileIn } from '../../main/archive/paths';
import { ApiProvider } from '../../renderer/src/api/context';
import { createApiFromInvoke } from '../../renderer/src/api/transport';
import { ParallelView } from '../../renderer/src/components/parallel/ParallelView';
import { loadUdhr } from '../../scripts/udhr-corpus';
import { tempDir } from '../helpers/temp';
import { act } from 'react';
import { byTestId, flush, render, type Rendered } from './render';

const dir = tempDir('tala-parallel-archive-');
let archive: Archive | undefined;
let view: Rendered | undefined;

afterEach(async () => {
  // Let the view's last requests (carried annotations) finish before the archive closes.
  await flush(10);
  await view?.unmount();
  view = undefined;
  await archive?.close();
  archive = undefined;
});

/** Sentences of articles 1–12 whose English and French paragraphs have as many sentences, in order. */
function sentencePairs(): Array<{ en: string; fr: string }> {
  const en = loadUdhr('eng', 'en', { headings: false }).passages;
  const fr = loadUdhr('fra', 'fr', { headings: false }).passages;
  const out: Array<{ en: string; fr: string }> = [];
  for (let article = 1; article <= 12; article++) {
    const ps = en.filter((p) => p.unit === String(article));
    const qs = fr.filter((p) => p.unit === String(article));
    if (ps.length !== qs.length) continue;
    ps.forEach((p, k) => {
      const a = p.sentences!;
      const b = qs[k].sentences!;
      if (a.length === b.length)
        a.forEach(([s, e], x) => out.push({ en: p.text.slice(s, e), fr: qs[k].text.slice(b[x][0], b[x][1]) }));
    });
  }
  return out;
}

const file = (name: string, lines: string[], lang: string) => ({
  name,
  bytes: new TextEncoder().encode(`${lines.join('\n')}\n`),
  lang,
});

describe('the parallel view on a real alignment', () => {
  it('shows each row with the aligner’s calibrated confidence and marks exactly the uncertain rows', async () => {
    const pairs = sentencePairs();
    expect(pairs.length).toBeGreaterThan(14);
    const NOTE = 'Note du traducteur : le texte anglais dit « everyone », que nous rendons par « toute personne ».';
    const DROPPED = 9;
    const fr: string[] = [];
    pairs.forEach((p, k) => {
      if (k !== DROPPED) fr.push(p.fr);
      if (k === 4) fr.push(NOTE);
    });
    const noteOrdinal = fr.indexOf(NOTE);

    // Archive.open, not openArchiveDir: happy-dom's URL cannot resolve the samples folder (none is needed).
    archive = await Archive.open(archiveFileIn(dir), { search: 'inline' });
    archive.translations.useAligner(inlineAligner);
    const en = await archive.documents.importFile(
      file(
        'udhr-1-12.en.txt',
        pairs.map((p) => p.en),
        'en',
      ),
    );
    if (en.status !== 'imported') throw new Error('not imported');
    const { link } = await archive.translations.importAsTranslation(file('udhr-1-12.fr.txt', fr, 'fr'), en.document.id);
    const session = createApi(archive);
    const api = createApiFromInvoke((channel, request) => dispatch(session, channel, request));

    view = await render(
      <ApiProvider api={api}>
        <ParallelView
          docId={en.document.id}
          otherDocId={link.translation.id}
          onNavigate={() => undefined}
          toast={() => undefined}
        />
      </ApiProvider>,
    );
    for (let k = 0; k < 50 && byTestId(view.container, 'parallel-row').length === 0; k++) await flush(2);
    const rows = byTestId(view.container, 'parallel-row');

    // What the aligner gave (stored by the view's request, so the same alignment).
    const alignment = await api['align.get']({ docId: en.document.id, otherDocId: link.translation.id });
    expect(alignment.origin).toBe('stored');
    // A row is as sure as the least sure of its bead and the sentence beads inside it.
    const expected = alignment.beads.map((b) => Math.min(b.confidence, ...b.sentences.map((s) => s.confidence)));
    expect(rows).toHaveLength(expected.length);

    // The added note and the dropped sentence are beads of their own, both below the threshold.
    const rowOf = (s: string, t: string) => rows.find((r) => r.dataset.source === s && r.dataset.target === t);
    const note = rowOf('', String(noteOrdinal));
    const dropped = rowOf(String(DROPPED), '');
    expect(note?.dataset.low).toBe('true');
    expect(dropped?.dataset.low).toBe('true');

    // Every row shows the aligner's confidence, and the marked rows are exactly those below the alignment's
    // threshold: sure 1-1 rows carry no mark.
    expect(alignment.lowConfidence).toBeGreaterThan(0);
    let marked = 0;
    rows.forEach((r, k) => {
      expect(r.dataset.bead).toBe(String(k));
      const shown = `${Math.round(expected[k] * 100)}%`;
      expect(byTestId(r, 'row-select')[0].getAttribute('title')).toContain(`Alignment confidence ${shown}`);
      const flag = byTestId(r, 'row-low');
      if (expected[k] < alignment.lowConfidence) {
        marked++;
        expect(r.dataset.low).toBe('true');
        expect(flag[0].textContent).toBe(shown);
        expect(flag[0].getAttribute('title')).toContain('about that share of such rows is right');
      } else {
        expect(r.dataset.low).toBeUndefined();
        expect(flag).toHaveLength(0);
      }
    });
    expect(marked).toBeGreaterThanOrEqual(2);
    // Most of the pair is plain 1-1 translation the aligner is sure of.
    expect(rows.length - marked).toBeGreaterThan(rows.length / 2);

    // "Check next" offers the marked rows, least confident first.
    const button = byTestId(view.container, 'parallel-check-next')[0];
    expect(button.textContent).toBe(`${marked} to check · start`);
    await act(async () => button.click());
    const current = rows.find((r) => r.dataset.current === 'true')!;
    expect(expected[Number(current.dataset.bead)]).toBe(Math.min(...expected));
  });
});
