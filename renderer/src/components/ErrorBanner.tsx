export interface BannerMessage {
  id: number;
  text: string;
}

/** Stack of dismissible error messages at the top of the window. */
export function ErrorBanner({ messages, onDismiss }: { messages: BannerMessage[]; onDismiss(id: number): void }) {
  if (messages.length === 0) return null;
  return (
    <div className="banners" data-testid="error-banner">
      {messages.map((m) => (
        <div key={m.id} className="banner" role="alert">
          <span className="banner__icon" aria-hidden="true">
            !
          </span>
          <span className="banner__text" data-testid="error-message">
            {m.text}
          </span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => onDismiss(m.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
