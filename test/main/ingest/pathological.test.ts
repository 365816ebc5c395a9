// Inputs built to make naive parsers take quadratic (or worse) time. Each must finish quickly and
// keep its text. Budgets are generous for a slow CI machine; the naive versions took minutes.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../main/ingest/html';
import { parseMarkdown } from '../../../main/ingest/markdown';

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const BUDGET_MS = 5_000;

describe('pathological Markdown', () => {
  it.each([
    ['unclosed emphasis', '*a '.repeat(200_000)],
    ['unclosed underscores', '_a '.repeat(200_000)],
    ['unclosed brackets', '[a '.repeat(200_000)],
    ['unclosed links', '[a](b '.repeat(200_000)],
    ['unclosed tags', '<a '.repeat(200_000)],
    ['backtick runs', Array.from({ length: 20_000 }, (_, i) => '`'.repeat((i % 50) + 1) + 'x').join(' ')],
    ['heading with a long run of spaces', `# a${' '.repeat(300_000)}x`],
    ['long indented line', `${' '.repeat(300_000)}x`],
    ['dotted address', `<a@${'b.'.repeat(150_000)}`],
  ])('%s', (_label, source) => {
    const { value, ms } = timed(() => parseMarkdown(source));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(value.passages.length).toBeGreaterThan(0);
  });

  it('still strips emphasis that contains a nested emphasis', () => {
    const doc = parseMarkdown('**bold *and italic* text** and *plain*');
    expect(doc.passages[0].text).toBe('bold and italic text and plain');
  });

  it('keeps closing hashes only when they are part of the text', () => {
    const doc = parseMarkdown('## Title ##\n\n# C#\n\n#hashtag is text');
    expect(doc.passages.map((p) => [p.kind, p.text])).toEqual([
      ['heading', 'Title'],
      ['heading', 'C#'],
      ['paragraph', '#hashtag is text'],
    ]);
  });
});

describe('pathological HTML', () => {
  it('survives 300 000 nested elements and keeps the innermost text', () => {
    const { value, ms } = timed(() => parseHtml(`${'<div>'.repeat(150_000)}${'<b>'.repeat(150_000)}Teksto sa loob.`));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(value.passages.map((p) => p.text)).toEqual(['Teksto sa loob.']);
  });

  it('still drops scripts, styles and hidden blocks below the depth limit', () => {
    const deep = '<span>'.repeat(2_000);
    const doc = parseHtml(
      `${deep}<p>Nakikita.</p><script>var lihim = "SCRIPT";</script><style>p{}</style><nav>Menu</nav><p>Wakas.</p>`,
    );
    const text = doc.passages.map((p) => p.text).join(' ');
    expect(text).toBe('Nakikita. Wakas.');
  });
});
