// The app's commands, declared once: the native menu (main/electron/menu.ts) shows them with their
// accelerators and sends the chosen id to the renderer; the Ctrl/Cmd+K command palette lists the same ones;
// in a plain browser (no native menu) the renderer honours the same accelerators itself.

/** The Electron channel on which the main process sends a menu command's id to the renderer. */
export const COMMAND_CHANNEL = 'tala:command';

export type CommandMenu = 'file' | 'edit' | 'view' | 'help';

export interface CommandSpec {
  id: CommandId;
  label: string;
  menu: CommandMenu;
  /** Electron accelerator syntax ("CmdOrCtrl+Shift+O"); none = menu and palette only. */
  accelerator?: string;
  /** Other words the palette matches ("preferences" finds Settings). */
  keywords?: string;
  /** Starts a group of its own in the menu (a separator before it). */
  separatorBefore?: boolean;
}

export const COMMAND_IDS = [
  'import.files',
  'import.folder',
  'archive.new',
  'archive.open',
  'backup.now',
  'search.focus',
  'palette.open',
  'go.library',
  'go.facts',
  'go.timeline',
  'go.conflicts',
  'go.review',
  'go.backups',
  'go.team',
  'go.settings',
  'view.annotations',
  'view.theme',
  'help.shortcuts',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

export const COMMANDS: readonly CommandSpec[] = [
  { id: 'import.files', label: 'Import files…', menu: 'file', accelerator: 'CmdOrCtrl+O', keywords: 'add open' },
  { id: 'import.folder', label: 'Import a folder…', menu: 'file', accelerator: 'CmdOrCtrl+Shift+I' },
  {
    id: 'archive.new',
    label: 'New archive…',
    menu: 'file',
    accelerator: 'CmdOrCtrl+Shift+N',
    keywords: 'create',
    separatorBefore: true,
  },
  { id: 'archive.open', label: 'Open archive…', menu: 'file', accelerator: 'CmdOrCtrl+Shift+O', keywords: 'switch' },
  { id: 'backup.now', label: 'Back up now', menu: 'file', accelerator: 'CmdOrCtrl+Shift+B', keywords: 'backup save' },
  { id: 'search.focus', label: 'Search the archive', menu: 'edit', accelerator: 'CmdOrCtrl+Shift+F', keywords: 'find' },
  { id: 'palette.open', label: 'Command palette…', menu: 'view', accelerator: 'CmdOrCtrl+K', keywords: 'actions' },
  { id: 'go.library', label: 'Library', menu: 'view', accelerator: 'CmdOrCtrl+1', separatorBefore: true },
  { id: 'go.facts', label: 'Facts', menu: 'view', accelerator: 'CmdOrCtrl+2' },
  { id: 'go.timeline', label: 'Timeline', menu: 'view', accelerator: 'CmdOrCtrl+3' },
  { id: 'go.conflicts', label: 'Conflicts', menu: 'view', accelerator: 'CmdOrCtrl+4' },
  { id: 'go.review', label: 'Needs review', menu: 'view', accelerator: 'CmdOrCtrl+5', keywords: 'orphaned' },
  { id: 'go.backups', label: 'Backups', menu: 'view', accelerator: 'CmdOrCtrl+6', keywords: 'restore' },
  { id: 'go.team', label: 'Team', menu: 'view', accelerator: 'CmdOrCtrl+7', keywords: 'sync' },
  { id: 'go.settings', label: 'Settings', menu: 'view', accelerator: 'CmdOrCtrl+,', keywords: 'preferences options' },
  {
    id: 'view.annotations',
    label: 'Show or hide annotations',
    menu: 'view',
    accelerator: 'CmdOrCtrl+Shift+A',
    keywords: 'notes panel sidebar',
    separatorBefore: true,
  },
  { id: 'view.theme', label: 'Switch light / dark theme', menu: 'view', keywords: 'dark mode colours' },
  { id: 'help.shortcuts', label: 'Keyboard shortcuts', menu: 'help', accelerator: 'F1', keywords: 'keys help' },
];

const IDS = new Set<string>(COMMAND_IDS);

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && IDS.has(value);
}

export function commandSpec(id: CommandId): CommandSpec {
  return COMMANDS.find((c) => c.id === id)!;
}

/** An accelerator as the user reads it: "CmdOrCtrl+Shift+O" → "Ctrl+Shift+O" (⌘⇧O on a Mac). */
export function acceleratorLabel(accelerator: string, isMac: boolean): string {
  const parts = accelerator.split('+');
  if (!isMac) return parts.map((p) => (p === 'CmdOrCtrl' ? 'Ctrl' : p)).join('+');
  const MAC: Record<string, string> = { CmdOrCtrl: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };
  return parts.map((p) => MAC[p] ?? p).join('');
}

/** Key events, as the renderer sees them, that match an accelerator (browser mode: no native menu). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function matchesAccelerator(accelerator: string, e: KeyLike, isMac: boolean): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop()!;
  const wantMod = parts.includes('CmdOrCtrl');
  const mod = isMac ? e.metaKey : e.ctrlKey;
  if (mod !== wantMod || (isMac ? e.ctrlKey : e.metaKey)) return false;
  if (e.shiftKey !== parts.includes('Shift') || e.altKey !== parts.includes('Alt')) return false;
  return e.key.toLowerCase() === key.toLowerCase();
}

/** The command an accelerator key event stands for, if any. */
export function commandForKey(e: KeyLike, isMac: boolean): CommandId | null {
  for (const c of COMMANDS) if (c.accelerator && matchesAccelerator(c.accelerator, e, isMac)) return c.id;
  return null;
}
