// The command word is found before the registry loads (the built CLI's entry starts an import's parse worker on it),
// by the same rule runCli uses: the first word that is neither an option nor --archive's value, before `--`.
import { describe, expect, it } from 'vitest';
import { commandWordAt } from '../../../main/cli/command-word';

describe('commandWordAt', () => {
  it('skips options and the archive folder', () => {
    expect(commandWordAt(['--archive', 'import', 'import', 'a.txt'])).toBe(2);
    expect(commandWordAt(['--verbose', 'search', 'tulay'])).toBe(1);
    expect(commandWordAt(['import', '--json', 'a.txt'])).toBe(0);
  });

  it('finds none in options alone or after --', () => {
    expect(commandWordAt([])).toBe(-1);
    expect(commandWordAt(['--help'])).toBe(-1);
    expect(commandWordAt(['--archive'])).toBe(-1);
    expect(commandWordAt(['--', 'import'])).toBe(-1);
  });
});
