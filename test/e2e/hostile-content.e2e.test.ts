// Untrusted text is never rendered as HTML: documents and notes carrying script tags, event-handler
// attributes and javascript: links are imported, searched, opened and annotated, and nothing runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../main/archive/archive';
import { startE2E, testId, type E2E } from './harness';

const WORD = 'kalapastanganan';
const utf8 = (s: string) => new TextEncoder().encode(s);

const HOSTILE_HTML =
  `<!doctype html><html><head><title>Masama &lt;img src=x` +
  ` onerror="window.__pwned='title'"&gt;</title>
<meta name="author" content="<script>window.__pwned='meta'</script>"></head>
<body onload="window.__pwned='body'">
<h1 onclick="window.__pwned='h1'">Masamang pahina</h1>
<p>Unang talata <script>window.__pwned='script'</script> <img src=x onerror="window.__pwned='img'">
<a href="javascript:window.__pwned='link'">pindutin dito</a> ${WORD}.</p>
<p>&lt;script&gt;window.__pwned='entity'&lt;/script&gt; ${WORD} &lt;b onmouseover="window.__pwned='b'"&gt;</p>
<svg onload="window.__pwned='svg'"><text>svg</text></svg>
<iframe src="javascript:parent.__pwned='iframe'"></iframe>
<form action="javascript:window.__pwned='form'"><button>go</button></form>
<object data="javascript:window.__pwned='object'"></object>
</body></html>`;

const HOSTILE_MD = `# Pamagat <img src=x onerror="window.__pwned='md-heading'">

[pindutin](javascript:window.__pwned='md-link') ${WORD} <script>window.__pwned='md-script'</script>

<iframe srcdoc="<script>parent.__pwned='md-iframe'</script>"></iframe> huling talata`;

const HOSTILE_TXT = `<script>window.__pwned='txt'</script> ${WORD}

<img src=x onerror="window.__pwned='txt-img'"> javascript:window.__pwned='txt-link'`;

let e2e: E2E;
const hostileIds: string[] = [];

async function importHostile(archive: Archive): Promise<void> {
  for (const [name, text] of [
    ['masama.html', HOSTILE_HTML],
    ['masama.md', HOSTILE_MD],
    ['masama.txt', HOSTILE_TXT],
  ]) {
    const outcome = await archive.documents.importFile({ name, bytes: utf8(text), lang: 'tl' });
    if (outcome.status !== 'imported') throw new Error(`${name} was not imported`);
    hostileIds.push(outcome.document.id);
  }
  const doc = await archive.documents.get(hostileIds[2]);
  const start = doc.text.indexOf(WORD);
  await archive.annotations.create({
    docId: doc.id,
    start,
    end: start + WORD.length,
    note: `<img src=x onerror="window.__pwned='note'"> <script>window.__pwned='note-script'</script>`,
    tags: [`<b onmouseover="window.__pwned='tag'">tag</b>`],
  });
}

/** Everything in the page that could run code or load something, besides the app's own bundle. */
async function activeContent(): Promise<string[]> {
  return e2e.page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (tag === 'script' && !(el as HTMLScriptElement).src) found.push('inline <script>');
      // The app's own icons are inline SVG; a document's <svg> would show up as text, never as an element.
      if (tag === 'svg' && el.textContent?.trim()) found.push('<svg> with text in it');
      if (
        ['iframe', 'object', 'embed', 'form', 'img', 'video', 'audio'].includes(tag) &&
        el.closest('[data-testid="reader"], [data-testid="search-results"], [data-testid="annotation-panel"]')
      ) {
        found.push(`<${tag}> in content`);
      }
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
        if (/^\s*javascript:/i.test(attr.value) && ['href', 'src', 'action', 'data', 'formaction'].includes(attr.name))
          found.push(`${tag}[${attr.name}=javascript:]`);
      }
    }
    return found;
  });
}

const pwned = () => e2e.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);

beforeAll(async () => {
  e2e = await startE2E({ prefix: 'tala-e2e-hostile-', prepare: importHostile });
  e2e.page.on('dialog', (dialog) => {
    e2e.consoleErrors.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await e2e.page.goto(e2e.bridge.url);
}, 90_000);

afterAll(() => e2e?.close());

describe('hostile document content', () => {
  it('shows in search results as plain text', async () => {
    const input = e2e.page.locator(testId('search-input'));
    await input.fill(WORD);
    await input.press('Enter');
    await e2e.page.locator(testId('search-hit')).first().waitFor();
    const snippets = (await e2e.page.locator(testId('search-hit')).allTextContents()).join('\n');
    expect(snippets).toContain(WORD);
    expect(await activeContent()).toEqual([]);
    expect(await pwned()).toBeNull();
  });

  it.each([0, 1, 2])('opens hostile document %i in the reader without running anything', async (i) => {
    await e2e.page.goto(`${e2e.bridge.url}#/doc/${hostileIds[i]}`);
    await e2e.page.locator(`${testId('reader')}[data-doc-id="${hostileIds[i]}"]`).waitFor();
    const text = await e2e.page.locator(testId('reader')).textContent();
    expect(text).toContain(WORD);
    // Hover and click everything in the reader, as a curious user would.
    for (const el of await e2e.page
      .locator(`${testId('reader')} p, ${testId('reader')} h1, ${testId('reader')} h2`)
      .all()) {
      await el.hover();
      await el.click({ position: { x: 5, y: 5 } });
    }
    expect(await activeContent()).toEqual([]);
    expect(await pwned()).toBeNull();
  });

  it('renders markup-looking text literally', async () => {
    await e2e.page.goto(`${e2e.bridge.url}#/doc/${hostileIds[2]}`);
    await e2e.page.locator(`${testId('reader')}[data-doc-id="${hostileIds[2]}"]`).waitFor();
    const text = await e2e.page.locator(testId('reader')).textContent();
    expect(text).toContain(`<script>window.__pwned='txt'</script>`);
    expect(text).toContain(`<img src=x onerror="window.__pwned='txt-img'">`);
  });

  it('shows hostile annotation notes and tags as text', async () => {
    // Beside search results in a window this narrow the panel shows only when asked for: its toggle.
    const panel = e2e.page.locator(testId('annotation-panel'));
    if (!(await panel.isVisible())) await e2e.page.locator(testId('panel-toggle')).click();
    await panel.waitFor();
    await e2e.page.waitForFunction(
      () => document.body.textContent?.includes("window.__pwned='note'") ?? false,
      undefined,
      { timeout: 10_000 },
    );
    expect(await activeContent()).toEqual([]);
    expect(await pwned()).toBeNull();
  });

  it('ran no injected code at all: no dialogs, no console errors, no CSP violations', async () => {
    expect(await pwned()).toBeNull();
    expect(e2e.consoleErrors).toEqual([]);
    expect(await e2e.cspViolations()).toEqual([]);
  });
});
