import type { Toast } from '../hooks/useToasts';

/** Notices at the bottom of the window; an action (Undo) is a real button. */
export function Toasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss(id: number): void }) {
  return (
    <div className="toasts" aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`toast${t.tone === 'warn' ? ' toast--warn' : ''}`} role="status" data-testid="toast">
          <span className="toast__text" data-testid="toast-text">
            {t.text}
          </span>
          {t.action && (
            <button
              type="button"
              className="toast__action"
              onClick={() => {
                t.action?.run();
                onDismiss(t.id);
              }}
              data-testid="toast-action"
            >
              {t.action.label}
            </button>
          )}
          <button type="button" className="toast__close" aria-label="Dismiss" onClick={() => onDismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
