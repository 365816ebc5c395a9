// The selection toolbar wired to the reader's selection (useReaderSelection.ts): highlight, note, tags, fact and
// re-attach, shown while text is selected. Cancel ends a re-attach (no form open) before it clears a selection.
import { SelectionToolbar } from './SelectionToolbar';
import type { useReaderSelection } from './useReaderSelection';

interface Props {
  selecting: ReturnType<typeof useReaderSelection>;
  reattaching: boolean;
  lang?: string;
  /** The reader can record facts (the toolbar then offers Fact). */
  canFact: boolean;
  onCancelReattach?(): void;
}

export function ReaderSelectionToolbar({ selecting, reattaching, lang, canFact, onCancelReattach }: Props) {
  const { selection, form, lastColor, create, setForm, attach, fact, captureSelection, clearSelection } = selecting;
  if (!selection) return null;
  return (
    <SelectionToolbar
      position={selection.position}
      form={form}
      defaultColor={lastColor}
      busy={selecting.busy}
      reattaching={reattaching}
      lang={lang}
      onHighlight={(color) => void create({ color, note: '', tags: [] })}
      onOpenForm={setForm}
      onSubmit={(b) => void create(b)}
      onAttach={() => void attach()}
      onFact={
        canFact
          ? () => {
              const sel = selection ?? captureSelection();
              if (sel) fact(sel);
            }
          : undefined
      }
      onCancel={() => (reattaching && !form ? onCancelReattach?.() : clearSelection())}
    />
  );
}
