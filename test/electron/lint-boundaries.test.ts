// The import boundaries in eslint.config.mjs, exercised through ESLint's API on virtual files, so a
// config edit that silently drops a boundary fails here.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/temp';

const eslint = new ESLint({ cwd: REPO_ROOT });

/** The import specifiers ESLint refuses in a file at `filePath`. */
async function refused(filePath: string, specifiers: string[]): Promise<string[]> {
  const code =
    specifiers.map((s, i) => `import * as m${i} from '${s}';`).join('\n') +
    `\nexport const all = [${specifiers.map((_, i) => `m${i}`).join(', ')}];\n`;
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/${filePath}` });
  const lines = new Set(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line));
  return specifiers.filter((_, i) => lines.has(i + 1));
}

const NODE = ['fs', 'path', 'crypto', 'os', 'child_process', 'url', 'http', 'node:fs', 'node:path', 'node:test'];

describe('import boundaries', () => {
  it('shared/ imports no electron, Node, React, main/ or renderer/', async () => {
    const bad = [
      ...NODE,
      'electron',
      'react',
      'react-dom',
      'react-dom/client',
      '../main/api/dispatch',
      '../renderer/src/App',
    ];
    expect(await refused('shared/probe.ts', [...bad, './errors', './validate'])).toEqual(bad);
  });

  it('main/ (outside main/electron/) imports no electron and no renderer/', async () => {
    const bad = ['electron', '../../renderer/src/App'];
    const good = ['node:fs', 'sqlite3', '../../shared/contract', '../db/connection'];
    expect(await refused('main/archive/probe.ts', [...bad, ...good])).toEqual(bad);
  });

  it('feature folders import neither the doors nor the composition root', async () => {
    const bad = ['../archive/archive', '../api/handlers', '../cli/commands', '../web/bridge', '../electron/ipc'];
    const good = ['node:fs', '../db/connection', '../documents/repo', '../../shared/text/fold', './service'];
    for (const folder of ['documents', 'annotations', 'backups', 'search', 'facts', 'translations']) {
      expect(await refused(`main/${folder}/probe.ts`, [...bad, ...good])).toEqual(bad);
    }
    expect(await refused('main/facts/operations.ts', ['../archive/archive'])).toEqual([]);
  });

  it('main/electron/ may import electron and Node, still not renderer/', async () => {
    expect(
      await refused('main/electron/probe.ts', ['electron', 'node:path', '../api/dispatch', '../../renderer/src/App']),
    ).toEqual(['../../renderer/src/App']);
  });

  it('the preload imports only electron and shared/', async () => {
    const bad = ['node:fs', 'path', './ipc', '../api/dispatch', 'lodash'];
    expect(await refused('main/electron/preload.ts', [...bad, 'electron', '../../shared/contract'])).toEqual(bad);
  });

  it('renderer/ imports no electron, Node or main/', async () => {
    const bad = [...NODE, 'electron', '../../main/api/dispatch'];
    const good = ['react', 'react-dom/client', '../../shared/contract', './App'];
    expect(await refused('renderer/src/probe.tsx', [...bad, ...good])).toEqual(bad);
  });
});
