// @vitest-environment happy-dom
// Preferences (theme, reading, search defaults): stored values are checked field by field, "system" follows
// the operating system, and applying them sets the theme attribute and the reader's size variables.
import { describe, expect, it } from 'vitest';
import {
  applyPreferences,
  DEFAULT_PREFERENCES,
  effectiveTheme,
  parsePreferences,
} from '../../renderer/src/lib/preferences';

describe('preferences', () => {
  it('falls back to the default for a missing, broken or out-of-range value', () => {
    expect(parsePreferences(null)).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences('{not json')).toEqual(DEFAULT_PREFERENCES);
    const parsed = parsePreferences(
      JSON.stringify({
        theme: 'purple',
        readerFontSize: 99,
        readerMeasure: 60,
        searchStems: false,
        searchTranslit: 'yes',
        searchNames: false,
      }),
    );
    expect(parsed).toEqual({ ...DEFAULT_PREFERENCES, readerMeasure: 60, searchStems: false, searchNames: false });
  });

  it('follows the system only when asked to', () => {
    expect(effectiveTheme('system', true)).toBe('dark');
    expect(effectiveTheme('system', false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
    expect(effectiveTheme('dark', false)).toBe('dark');
  });

  it('puts the theme and the reader sizes on the page', () => {
    const root = document.createElement('div');
    applyPreferences({ ...DEFAULT_PREFERENCES, theme: 'dark', readerFontSize: 22, readerMeasure: 36 }, root);
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.getPropertyValue('--reader-font-size')).toBe('22px');
    expect(root.style.getPropertyValue('--reader-measure')).toBe('36rem');
  });
});
