import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Short name of the area, shown in the message ("the reader"). */
  area?: string;
  /** When this changes, a crashed area tries again (e.g. another document was opened). */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
}

/** Catches render errors so a bug shows a message instead of a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[tala] render error', error, info.componentStack);
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="crash" role="alert" data-testid="crash">
        <h2>Something went wrong{this.props.area ? ` in ${this.props.area}` : ''}.</h2>
        <p className="crash__message">{error.message || error.name}</p>
        <p>Your archive is safe. You can try again or reload the window.</p>
        <div className="crash__actions">
          <button type="button" className="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" className="button button--quiet" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
