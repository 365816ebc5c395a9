// The extractor's core (main/facts/extract/) stays pure TypeScript: ESLint refuses Node built-ins there.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/temp';

describe('main/facts/extract boundary', () => {
  it('refuses Node built-ins and electron, allows shared/ and the gazetteer data', async () => {
    const eslint = new ESLint({ cwd: REPO_ROOT });
    const specifiers = [
      'node:fs',
      'fs',
      'path',
      'node:crypto',
      'electron',
      '../../../shared/facts',
      '../data/gazetteer.json',
      './text',
    ];
    const code =
      specifiers.map((s, i) => `import * as m${i} from '${s}';`).join('\n') +
      `\nexport const all = [${specifiers.map((_, i) => `m${i}`).join(', ')}];\n`;
    const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/main/facts/extract/probe.ts` });
    const lines = new Set(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line));
    expect(specifiers.filter((_, i) => lines.has(i + 1))).toEqual(['node:fs', 'fs', 'path', 'node:crypto', 'electron']);
  });

  it('holds for the extractor as written', async () => {
    const eslint = new ESLint({ cwd: REPO_ROOT });
    const results = await eslint.lintFiles(['main/facts/extract/']);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.message}`))).toEqual([]);
  });
});
