// The packaging config's Electron fuses (switches baked into the shipped binary), read from electron-builder.yml:
// no plain-Node mode, the app only from app.asar and app.asar checked against its embedded hash, no extra powers for
// file:// pages (issue 16).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CONFIG = readFileSync(join(__dirname, '../../electron-builder.yml'), 'utf8');

/** The top-level `key: value` scalars of the YAML file, and the `key: value` lines of one top-level block. */
function topLevel(key: string): string | undefined {
  return new RegExp(`^${key}:[ \\t]*(\\S[^\\n#]*?)[ \\t]*$`, 'm').exec(CONFIG)?.[1];
}
function block(key: string): Record<string, string> {
  const lines = CONFIG.split('\n');
  const start = lines.findIndex((l) => l === `${key}:`);
  const out: Record<string, string> = {};
  if (start < 0) return out;
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const entry = /^ {2}(\w+):[ \t]*(\S+)[ \t]*$/.exec(line);
    if (!entry) break;
    out[entry[1]] = entry[2];
  }
  return out;
}

// The fuses electron-builder's FuseOptionsV1 accepts (app-builder-lib 26); a misspelt key would be ignored silently.
const KNOWN_FUSES = new Set([
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'grantFileProtocolExtraPrivileges',
  'resetAdHocDarwinSignature',
]);

describe('Electron fuses in electron-builder.yml', () => {
  const fuses = block('electronFuses');

  it('turns off every way to run the binary as plain Node', () => {
    expect(fuses).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
    });
  });

  it('loads the app only from app.asar and checks its integrity', () => {
    expect(topLevel('asar')).toBe('true');
    expect(fuses).toMatchObject({ onlyLoadAppFromAsar: 'true', enableEmbeddedAsarIntegrityValidation: 'true' });
  });

  it('gives file:// pages no extra privileges: the renderer comes from app://tala/', () => {
    expect(fuses).toMatchObject({ grantFileProtocolExtraPrivileges: 'false' });
  });

  it('names only fuses electron-builder knows, each set to true or false', () => {
    expect(Object.keys(fuses).length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(fuses)) {
      expect(KNOWN_FUSES.has(name), name).toBe(true);
      expect(['true', 'false'], name).toContain(value);
    }
  });
});
