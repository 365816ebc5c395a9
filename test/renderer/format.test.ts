// The one formatting module: every date and number follows the user's locale, in one shape per kind.
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatNumber,
  plural,
  setFormatLocale,
} from '../../renderer/src/lib/format';
import { formatFactDate } from '../../renderer/src/lib/facts';
import { backupDate } from '../../renderer/src/lib/backups';

afterEach(() => setFormatLocale(undefined));

describe('formatting in the user locale', () => {
  it('writes a date-only value as the locale medium date, never shifted by the time zone', () => {
    setFormatLocale('en-GB');
    expect(formatDate('2012-07-19')).toBe('19 Jul 2012');
    setFormatLocale('en-US');
    expect(formatDate('2012-07-19')).toBe('Jul 19, 2012');
    setFormatLocale('de-DE');
    expect(formatDate('2012-07-19')).toBe('19.07.2012');
    expect(formatDate('2012-07')).toBe('Juli 2012');
    expect(formatDate('2012')).toBe('2012');
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDate(null)).toBe('');
  });

  it('gives facts, metadata and backups the same date shape', () => {
    setFormatLocale('ru-RU');
    const day = formatDate('2012-07-19');
    expect(formatFactDate('2012-07-19')).toBe(day);
    expect(formatDateTime('2012-07-19T10:30:00Z').startsWith(formatDate('2012-07-19T10:30:00Z'))).toBe(true);
    expect(backupDate('2012-07-19T10:30:05Z')).toMatch(/:05$/);
  });

  it('groups numbers and writes sizes with the locale digits and decimal sign', () => {
    setFormatLocale('en-GB');
    expect(formatNumber(47_000)).toBe('47,000');
    expect(formatBytes(1_258_291)).toBe('1.2 MB');
    expect(plural(12_400, 'passage')).toBe('12,400 passages');
    setFormatLocale('de-DE');
    expect(formatNumber(47_000)).toBe('47.000');
    expect(formatNumber(1.5)).toBe('1,5');
    expect(formatBytes(1_258_291)).toBe('1,2 MB');
    expect(formatBytes(5 * 1024 + 512)).toBe('5,5 KB');
    expect(formatBytes(300)).toBe('300 B');
  });
});
