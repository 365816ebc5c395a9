// Ctrl/Cmd+K: every app command (shared/commands.ts, the same list as the native menu) in a native modal
// dialog (components/Dialog.tsx); typing filters, arrows move, Enter runs, Esc closes and focus returns where it was.
import { useId, useMemo, useState } from 'react';
import { acceleratorLabel, COMMANDS, type CommandId, type CommandSpec } from '../../../../shared/commands';
import { fold } from '../../lib/fold';
import { Dialog } from '../Dialog';
import { isMacPlatform } from './platform';
import './commands.css';

const MENU_NAMES = { file: 'File', edit: 'Edit', view: 'View', help: 'Help' } as const;

/** Commands whose label, menu or keywords contain every typed word (case and accents ignored), in menu order. */
export function filterCommands(query: string, commands: readonly CommandSpec[] = COMMANDS): CommandSpec[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((c) => {
    const text = fold(`${c.label} ${MENU_NAMES[c.menu]} ${c.keywords ?? ''}`);
    return words.every((w) => text.includes(w));
  });
}

interface Props {
  onRun(id: CommandId): void;
  onClose(): void;
}

export function CommandPalette({ onRun, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const shown = useMemo(() => filterCommands(query), [query]);
  const current = Math.min(active, shown.length - 1);
  const isMac = isMacPlatform();

  const run = (c: CommandSpec | undefined) => {
    if (!c) return;
    onClose();
    onRun(c.id);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + shown.length) % Math.max(shown.length, 1));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      setActive(e.key === 'Home' ? 0 : shown.length - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(shown[current]);
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <Dialog
      label="Command palette"
      onClose={onClose}
      className="command-dialog command-palette"
      testId="command-palette"
    >
      <div className="command-dialog__inner">
        <input
          className="command-palette__input"
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown.length > 0 ? optionId(current) : undefined}
          aria-label="Type a command"
          placeholder="Type a command…"
          value={query}
          data-autofocus
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          data-testid="command-input"
        />
        <ul id={listId} role="listbox" aria-label="Commands" className="command-palette__list">
          {shown.map((c, i) => (
            // The options are reached from the input (aria-activedescendant); a click runs one.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={c.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className="command-palette__item"
              onMouseMove={() => i !== current && setActive(i)}
              onClick={() => run(c)}
              data-testid="command-option"
              data-command={c.id}
            >
              <span>
                {c.label} <span className="command-palette__menu">· {MENU_NAMES[c.menu]}</span>
              </span>
              {c.accelerator && <span className="command-palette__keys">{acceleratorLabel(c.accelerator, isMac)}</span>}
            </li>
          ))}
        </ul>
        {shown.length === 0 && <p className="command-palette__empty">No command matches “{query}”.</p>}
      </div>
    </Dialog>
  );
}
