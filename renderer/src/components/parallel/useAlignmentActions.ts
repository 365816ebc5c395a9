// What the parallel reader's buttons do to the alignment: merge, split, shift a boundary, link by hand, re-align,
// reset and export, each reported in a toast (with Undo where one exists). Before a correction, `refocusRef` is told
// which paragraph's row should take the focus once the rows are redrawn.
import { useCallback, type MutableRefObject } from 'react';
import type { PairsExportFormat } from '../../../../shared/translations';
import { useApi } from '../../api/context';
import type { Correction, ParallelData } from '../../hooks/useParallel';
import type { PushToast } from '../../hooks/useToasts';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { plural } from '../../lib/format';
import { languageName } from '../../lib/languages';
import { splitPoint, type ParallelRow, type Side } from '../../lib/parallel';
import type { Picks } from './useParallelChoices';

interface Options {
  docId: string;
  otherDocId: string;
  data: ParallelData;
  rows: ParallelRow[];
  picks: Picks;
  refocusRef: MutableRefObject<{ side: Side; ordinal: number } | null>;
  toast: PushToast;
}

/** The first paragraph of a row, to find the row again after a correction. */
const anchorOf = (row: ParallelRow) =>
  row.source.length > 0
    ? { side: 'source' as const, ordinal: row.source[0].ordinal }
    : { side: 'target' as const, ordinal: row.target[0]?.ordinal ?? -1 };

export function useAlignmentActions({ docId, otherDocId, data, rows, picks, refocusRef, toast }: Options) {
  const api = useApi();
  const { source, target, correct } = data;
  const fail = useCallback(
    (what: string, err: unknown) => toast({ text: `${what}: ${errorMessage(err)}`, tone: 'warn' }, 8000),
    [toast],
  );

  const run = useCallback(
    async (c: Correction, done: string, undo?: Correction) => {
      try {
        const a = await correct(c);
        toast(
          {
            text: `${done} · ${plural(a.beads.length, 'row')}`,
            action: undo
              ? {
                  label: 'Undo',
                  run: () => void correct(undo).catch((err: unknown) => fail('Could not undo', err)),
                }
              : undefined,
          },
          undo ? 10_000 : 5000,
        );
      } catch (err) {
        fail('Could not correct the alignment', err);
      }
    },
    [correct, toast, fail],
  );

  const rowOf = useCallback(
    (side: Side, ordinal: number) => rows.find((r) => r[side].some((p) => p.ordinal === ordinal)),
    [rows],
  );

  const onMove = useCallback(
    (side: Side, ordinal: number, direction: 'up' | 'down') => {
      const row = rowOf(side, ordinal);
      if (!row) return;
      refocusRef.current = { side, ordinal };
      const language = languageName(side === 'source' ? (source?.lang ?? '') : (target?.lang ?? ''));
      const what = `${language} paragraph ${ordinal + 1} moved ${direction === 'up' ? 'up' : 'down'} a row`;
      if (direction === 'down')
        void run({ op: 'shift', bead: row.index, side, by: -1 }, what, { op: 'shift', bead: row.index, side, by: 1 });
      else
        void run({ op: 'shift', bead: row.index - 1, side, by: 1 }, what, {
          op: 'shift',
          bead: row.index - 1,
          side,
          by: -1,
        });
    },
    [rowOf, run, refocusRef, source?.lang, target?.lang],
  );

  const merge = (first: number) => {
    const a = rows[first];
    refocusRef.current = anchorOf(a);
    void run({ op: 'merge', bead: first }, `Rows ${first + 1} and ${first + 2} merged`, {
      op: 'split',
      bead: first,
      sourceAt: a.source.length,
      targetAt: a.target.length,
    });
  };
  const split = (row: ParallelRow) => {
    const at = splitPoint(row);
    if (!at) return;
    refocusRef.current = anchorOf(row);
    void run({ op: 'split', bead: row.index, ...at }, `Row ${row.index + 1} split`, { op: 'merge', bead: row.index });
  };
  const link = () => {
    refocusRef.current = { side: 'source', ordinal: picks.source[0] };
    void run({ op: 'link', source: picks.source, target: picks.target }, 'Paragraphs linked by hand');
  };

  const realign = async () => {
    try {
      const a = await data.realign();
      toast(
        {
          text:
            `Re-aligned: ${plural(a.beads.length, 'row')}` +
            `${a.corrections ? `, ${plural(a.corrections, 'correction')} kept` : ''}.`,
        },
        5000,
      );
    } catch (err) {
      fail('Could not re-align', err);
    }
  };
  const reset = () => void run({ op: 'reset' }, 'Corrections forgotten, aligned afresh');

  const exportAs = async (format: PairsExportFormat) => {
    try {
      const file = await api['align.export']({ docId, otherDocId, format });
      saveFile(file);
      toast({ text: `Exported ${file.fileName}` }, 4000);
    } catch (err) {
      fail('Could not export', err);
    }
  };

  return { onMove, merge, split, link, realign, reset, exportAs };
}
