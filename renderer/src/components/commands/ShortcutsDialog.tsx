// Help → Keyboard shortcuts: the app's commands with their accelerators (shared/commands.ts) and the keys
// that work inside the reader, in the app's modal dialog (components/Dialog.tsx).
import { acceleratorLabel, COMMANDS } from '../../../../shared/commands';
import { Dialog } from '../Dialog';
import { SHORTCUTS } from '../reader/ShortcutHelp';
import { isMacPlatform } from './platform';
import './commands.css';

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const isMac = isMacPlatform();

  const global = COMMANDS.filter((c) => c.accelerator);
  return (
    <Dialog
      labelledBy="shortcuts-title"
      onClose={onClose}
      className="command-dialog shortcuts-dialog"
      testId="shortcuts-dialog"
    >
      <div className="command-dialog__inner">
        <div className="shortcuts-dialog__head">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button type="button" className="icon-button icon-button--small" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
        {/* Scrolls in a short window: a Tab stop so the keyboard can scroll it too. */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region takes focus */}
        <div className="shortcuts-dialog__body" tabIndex={0} role="region" aria-labelledby="shortcuts-title">
          <h3>Everywhere</h3>
          <dl>
            {global.map((c) => (
              <div key={c.id} className="shortcuts-dialog__row">
                <dt>{c.label}</dt>
                <dd>
                  <kbd>{acceleratorLabel(c.accelerator!, isMac)}</kbd>
                </dd>
              </div>
            ))}
            <div className="shortcuts-dialog__row">
              <dt>Search the archive (outside a text field)</dt>
              <dd>
                <kbd>/</kbd>
              </dd>
            </div>
          </dl>
          <h3>In the reader</h3>
          <dl>
            {SHORTCUTS.map(([keys, what]) => (
              <div key={what} className="shortcuts-dialog__row">
                <dt>{what}</dt>
                <dd>
                  <kbd>{keys.join('+')}</kbd>
                </dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
    </Dialog>
  );
}
