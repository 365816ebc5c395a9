// Preferences of this window's user (theme, reading, search defaults), kept in local storage: they belong to
// the person at this machine, not to the archive, which may be shared or restored from a backup.
import { useSyncExternalStore } from 'react';

export type Theme = 'system' | 'light' | 'dark';

export interface Preferences {
  theme: Theme;
  /** Reader text size in px. */
  readerFontSize: number;
  /** Reader line width in rem. */
  readerMeasure: number;
  /** Default search switches. */
  searchStems: boolean;
  searchTranslit: boolean;
  /** Name variants across scripts and spellings (Sahakyan → Саакян, Սահակյան). */
  searchNames: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = {
  theme: 'system',
  readerFontSize: 18,
  readerMeasure: 46,
  searchStems: true,
  searchTranslit: true,
  searchNames: true,
};
export const FONT_SIZES = [15, 16, 18, 20, 22, 24] as const;
export const MEASURES = [
  { rem: 36, label: 'Narrow' },
  { rem: 46, label: 'Medium' },
  { rem: 60, label: 'Wide' },
] as const;

const KEY = 'tala.preferences';
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Stored preferences, each field checked (a hand-edited or older value falls back to the default). */
export function parsePreferences(raw: string | null | undefined): Preferences {
  let v: Partial<Record<keyof Preferences, unknown>> = {};
  try {
    v = raw ? (JSON.parse(raw) as typeof v) : {};
  } catch {
    v = {};
  }
  const d = DEFAULT_PREFERENCES;
  return {
    theme: v.theme === 'light' || v.theme === 'dark' || v.theme === 'system' ? v.theme : d.theme,
    readerFontSize: FONT_SIZES.includes(v.readerFontSize as never) ? (v.readerFontSize as number) : d.readerFontSize,
    readerMeasure: MEASURES.some((m) => m.rem === v.readerMeasure) ? (v.readerMeasure as number) : d.readerMeasure,
    searchStems: typeof v.searchStems === 'boolean' ? v.searchStems : d.searchStems,
    searchTranslit: typeof v.searchTranslit === 'boolean' ? v.searchTranslit : d.searchTranslit,
    searchNames: typeof v.searchNames === 'boolean' ? v.searchNames : d.searchNames,
  };
}

let current: Preferences = parsePreferences(storage()?.getItem(KEY));

export function getPreferences(): Preferences {
  return current;
}

export function setPreferences(changes: Partial<Preferences>): void {
  current = { ...current, ...changes };
  storage()?.setItem(KEY, JSON.stringify(current));
  applyPreferences(current);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePreferences(): Preferences {
  return useSyncExternalStore(subscribe, getPreferences);
}

/** The theme actually shown: "system" follows the operating system's light/dark setting. */
export function effectiveTheme(theme: Theme, prefersDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (prefersDark ? 'dark' : 'light') : theme;
}

const darkQuery = () =>
  typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;

/** Puts the preferences on the page: the theme attribute and the reader's size variables. */
export function applyPreferences(p: Preferences, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = effectiveTheme(p.theme, darkQuery()?.matches ?? false);
  root.style.setProperty('--reader-font-size', `${p.readerFontSize}px`);
  root.style.setProperty('--reader-measure', `${p.readerMeasure}rem`);
}

/** Applies the stored preferences now and again whenever the system theme changes. */
export function startPreferences(): void {
  applyPreferences(current);
  darkQuery()?.addEventListener('change', () => applyPreferences(current));
}
