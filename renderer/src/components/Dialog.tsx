// The one modal dialog of the app, on the native <dialog> element opened with showModal(): the browser moves
// focus in, keeps it there (the rest of the page is inert) and names the dialog to screen readers. Esc and a click
// on the backdrop ask the owner to close it (onClose); when it goes away focus returns to the control that was
// focused before it opened. Mounted = open: owners render it conditionally.
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import './dialog.css';

export interface DialogProps {
  /** Accessible name (aria-label) unless labelledBy names an element inside. */
  label?: string;
  labelledBy?: string;
  /** alertdialog for confirmations that interrupt (restore, send to a server). */
  role?: 'dialog' | 'alertdialog';
  onClose(): void;
  /** Clicking outside the dialog closes it (default true; off for forms where a stray click would lose input). */
  closeOnBackdrop?: boolean;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/** The element focused first: the one marked `data-autofocus`, else the browser's choice (the first control). */
const AUTOFOCUS = '[data-autofocus]';

export function Dialog({
  label,
  labelledBy,
  role,
  onClose,
  closeOnBackdrop = true,
  className,
  testId,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      try {
        dialog.showModal();
      } catch {
        dialog.setAttribute('open', ''); // not connected or another modal in the way: still show it
      }
    }
    dialog.querySelector<HTMLElement>(AUTOFOCUS)?.focus();
    // Esc: the owner decides (it unmounts us); the browser must not close the element behind React's back.
    const onCancel = (e: Event) => {
      e.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      // Back to the opener, if it is still on the page (a toggle button, a row's action…).
      if (opener?.isConnected && opener !== document.body) opener.focus();
    };
  }, []);

  return (
    // A backdrop click closes it (the keyboard has Esc).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/click-events-have-key-events
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-label={labelledBy ? undefined : label}
      aria-labelledby={labelledBy}
      data-testid={testId}
      onClick={(e) => {
        if (!closeOnBackdrop || e.target !== ref.current) return;
        // A click on the dialog element itself is on its padding or on the backdrop around it.
        const r = ref.current.getBoundingClientRect();
        const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
        if (!inside && e.detail > 0) onCloseRef.current();
      }}
    >
      {children}
    </dialog>
  );
}
