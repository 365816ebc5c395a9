import { Dialog } from '../Dialog';

export const SHORTCUTS: Array<[string[], string]> = [
  [['Tab'], 'To the text; ↑/↓ between passages'],
  [['Ctrl', '→'], 'Select the next word (Ctrl+←: the previous one)'],
  [['Shift', '→'], 'Extend the selection by a word (Shift+End: to the end)'],
  [['H'], 'Highlight the selection'],
  [['N'], 'Add a note to the selection'],
  [['F'], 'Record a fact from the selection'],
  [['['], 'Previous annotation'],
  [[']'], 'Next annotation'],
  [['Ctrl', 'F'], 'Find in document'],
  [['Enter'], 'Next match (Shift+Enter: previous)'],
  [['Ctrl', 'Enter'], 'Save a note or a passage'],
  [['Esc'], 'Close the toolbar, find or editor'],
  [['/'], 'Search all documents'],
  [['Ctrl', 'K'], 'Command palette: every action'],
  [['?'], 'Show these shortcuts'],
];

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  return (
    <Dialog
      className="popover popover--help dialog--anchored"
      labelledBy="shortcut-help-title"
      onClose={onClose}
      testId="shortcut-help"
    >
      <div className="popover__head">
        <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
        <button type="button" className="icon-button icon-button--small" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="shortcuts__row">
            <dt>
              {keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
