// The reader's keys, listened for on the window: Ctrl/Cmd+F find; Escape closes what is open (selection, popover,
// delete confirmation, find, re-attaching), in that order; H highlight, N note, F fact on the selected words;
// [ and ] step through the annotations; ? the shortcuts.
import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { Annotation, AnnotationColor } from '../../../../shared/types';
import type { TextRange } from '../../lib/selection';
import type { AnnotationBody } from '../AnnotationForm';
import type { ReaderPopover } from './ReaderToolbar';
import { isTyping } from './spans';
import type { SelectionState } from './types';

/** What the keys look at, as of the last render. */
export interface ShortcutState {
  selection: SelectionState | null;
  form: 'note' | 'tags' | null;
  findOpen: boolean;
  popover: ReaderPopover;
  editingId: string | null;
  confirmingId: string | null;
  reattaching: Annotation | null;
  kept: boolean;
}

/** What the keys do, as of the last render. */
export interface ShortcutHandlers {
  create(body: AnnotationBody): Promise<void>;
  fact(sel: TextRange): void;
  openFind(): void;
  closeFind(): void;
  clearSelection(): void;
  captureSelection(): SelectionState | null;
  lastColor: AnnotationColor;
}

interface Options {
  /** Read when a key arrives (kept in a ref: the listener is added once). */
  state: ShortcutState;
  handlers: ShortcutHandlers;
  setPopover: Dispatch<SetStateAction<ReaderPopover>>;
  setConfirmingId(id: string | null): void;
  setSelection(sel: SelectionState | null): void;
  setForm(form: 'note' | 'tags' | null): void;
  onStep?(delta: 1 | -1): void;
  onCancelReattach?(): void;
}

export function useReaderShortcuts(options: Options): void {
  const { setPopover, setConfirmingId, setSelection, setForm, onStep, onCancelReattach } = options;
  const stateRef = useRef(options.state);
  stateRef.current = options.state;
  const handlersRef = useRef(options.handlers);
  handlersRef.current = options.handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = stateRef.current;
      const h = handlersRef.current;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        h.openFind();
        return;
      }
      if (e.key === 'Escape') {
        if (s.form || s.selection || s.kept) h.clearSelection();
        else if (s.popover) setPopover(null);
        else if (s.confirmingId) setConfirmingId(null);
        else if (s.findOpen) h.closeFind();
        else if (s.reattaching) onCancelReattach?.();
        else return;
        e.preventDefault();
        return;
      }
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const key = e.key;
      if (key === 'h' || key === 'H' || key === 'n' || key === 'N') {
        const sel = s.selection ?? h.captureSelection();
        if (!sel) return;
        e.preventDefault();
        if (s.reattaching) return;
        setSelection(sel);
        if (key.toLowerCase() === 'h') void h.create({ color: h.lastColor, note: '', tags: [] });
        else setForm('note');
      } else if (key === 'f' || key === 'F') {
        // A fact from the selection: the facts panel opens with a form filled from it (focus goes there).
        const sel = s.selection ?? h.captureSelection();
        if (!sel || s.reattaching) return;
        e.preventDefault();
        h.fact(sel);
      } else if (key === '[' || key === ']') {
        e.preventDefault();
        onStep?.(key === ']' ? 1 : -1);
      } else if (key === '?') {
        e.preventDefault();
        setPopover((p) => (p === 'help' ? null : 'help'));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onStep, onCancelReattach, stateRef, handlersRef, setPopover, setConfirmingId, setSelection, setForm]);
}
