import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../main/ingest/index';

const utf8 = (s: string) => new TextEncoder().encode(s);
const ARTICLE = 'Noong Hulyo 19, 2012, ang regular na halalan sa pagkapangulo ay ginanap sa NKR. '.repeat(12);

describe('web pages with hostile nesting', () => {
  it('imports a page nested 20,000 levels deep quickly, without Readability', async () => {
    const depth = 20_000;
    const nested = `${'<div>'.repeat(depth)}<p>${ARTICLE}</p>${'</div>'.repeat(depth)}`;
    const html = `<html><head><title>Malalim</title></head><body>${nested}</body></html>`;
    const started = performance.now();
    const doc = await parseDocument({ name: 'malalim.html', bytes: utf8(html) });
    const ms = performance.now() - started;
    expect(doc.title).toBe('Malalim');
    expect(doc.passages.map((p) => p.text).join(' ')).toContain('ang regular na halalan');
    // Generous bound: this took 94 s before the depth guard; it is a guard against hangs, not a benchmark.
    expect(ms).toBeLessThan(20_000);
  }, 60_000);

  it('still extracts the main content of an ordinary page with Readability', async () => {
    const html =
      `<html><head><title>Balita</title></head><body><nav><a href="/">Home</a> <a href="/a">Archive</a></nav>
      <article><h1>Balita</h1><p>${ARTICLE}</p><p>${ARTICLE}</p></article>
      <aside><p>Related: other stories and links that are not the article at` +
      ` all.</p></aside><footer>© 2012 Example</footer></body></html>`;
    const doc = await parseDocument({ name: 'balita.html', bytes: utf8(html) });
    const text = doc.passages.map((p) => p.text).join('\n');
    expect(text).toContain('ang regular na halalan');
    expect(text).not.toContain('Related: other stories');
    expect(text).not.toContain('© 2012');
  });
});
