// Corrections in the reader: one passage edited or asked to confirm its deletion at a time, and the saves.
import { useCallback, useState } from 'react';

interface Options {
  onCopyPassageLink?(passageId: string): void;
  onEditPassage?(passageId: string, text: string): Promise<boolean>;
  onDeletePassage?(passageId: string): Promise<boolean>;
}

export type PassageAction = 'link' | 'edit' | 'delete' | 'confirm-delete' | 'cancel';

export function usePassageCorrections({ onCopyPassageLink, onEditPassage, onDeletePassage }: Options) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const [passageBusy, setPassageBusy] = useState(false);

  const onPassageAction = useCallback(
    (action: PassageAction, passageId: string) => {
      if (action === 'link') onCopyPassageLink?.(passageId);
      else if (action === 'edit') {
        setConfirmingId(null);
        setEditingId(passageId);
      } else if (action === 'delete') setConfirmingId(passageId);
      else if (action === 'cancel') {
        setEditingId(null);
        setConfirmingId(null);
      } else if (action === 'confirm-delete' && onDeletePassage) {
        setPassageBusy(true);
        onDeletePassage(passageId)
          .then((ok) => ok && setConfirmingId(null))
          .finally(() => setPassageBusy(false));
      }
    },
    [onCopyPassageLink, onDeletePassage],
  );

  const onPassageSave = useCallback(
    (passageId: string, text: string) => {
      if (!onEditPassage) return;
      setPassageBusy(true);
      onEditPassage(passageId, text)
        .then((ok) => ok && setEditingId(null))
        .finally(() => setPassageBusy(false));
    },
    [onEditPassage],
  );

  return { editingId, setEditingId, confirmingId, setConfirmingId, passageBusy, onPassageAction, onPassageSave };
}
