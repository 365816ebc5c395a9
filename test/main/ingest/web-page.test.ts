// A web page saved from a browser: main-content extraction keeps the article and nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../main/ingest/index';
import { SAMPLES_DIR } from '../../helpers/temp';

const sampleText = readFileSync(join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt'), 'utf8');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The Tagalog sample as a news site would serve it: menus, a header, a sidebar, related links, a footer. */
function sampleAsWebPage(): string {
  const paragraphs = sampleText.split('\n').filter((l) => l.trim() !== '');
  const links = (words: string[]) => words.map((w) => `<li><a href="/${w.toLowerCase()}">${w}</a></li>`).join('');
  return (
    `<!DOCTYPE html>
<html lang="tl"><head><meta charset="utf-8"><title>Halalan sa NKR 2012 | Balita Ngayon</title>
<meta property="og:title" content="Halalan sa Nagorno-Karabakh, 2012">
<meta name="author" content="Juan dela Cruz"><meta property="article:published_time"` +
    ` content="2012-07-20T08:00:00+04:00">
<link rel="canonical" href="https://balita.example.ph/2012/07/halalan-nkr"><style>.x{color:red}</style></head>
<body>
<div class="top-bar"><a href="/login">Mag-login</a> | <a href="/subscribe">Mag-subscribe sa aming` +
    ` pahayagan ngayon din</a></div>
<div id="masthead" class="header"><span class="logo">Balita Ngayon</span><ul` +
    ` class="menu">${links(['Balita', 'Palakasan', 'Negosyo', 'Libangan', 'Opinyon', 'Teknolohiya'])}</ul></div>
<div id="main-wrapper">
  <div class="content">
    <div class="article-body">
      ${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n      ')}
    </div>
    <div class="share-buttons"><a href="#">Ibahagi sa Facebook</a> <a href="#">I-tweet</a></div>
  </div>
  <div class="sidebar widget-area">
    <div class="widget"><h3>Pinakabasang balita</h3><ul>${links([
      'Bagyo sa Luzon tumama kagabi',
      'Presyo ng bigas tumaas',
      'Koponan nanalo sa kampeonato',
    ])}</ul></div>
    <div class="widget ad">Advertisement: Bumili ng bagong telepono ngayon at makakuha ng libreng case!</div>
  </div>
</div>
<div class="footer" id="footer">© 2012 Balita Ngayon. Lahat ng karapatan ay nakalaan. <a` +
    ` href="/privacy">Patakaran sa privacy</a> <a href="/contact">Makipag-ugnayan</a></div>
</body></html>`
  );
}

describe('web pages', () => {
  it('the Tagalog sample saved as a web page imports as exactly the passages of the text version', async () => {
    const fromText = await parseDocument({
      name: 'nkr-2012-halalan.tl.txt',
      bytes: new TextEncoder().encode(sampleText),
    });
    const fromHtml = await parseDocument({ name: 'halalan.html', bytes: new TextEncoder().encode(sampleAsWebPage()) });
    expect(fromHtml.passages).toEqual(fromText.passages);
    expect(fromHtml.lang).toBe('tl');
  });

  it('keeps the page’s own metadata: Open Graph title, author, date, canonical URL as source', async () => {
    const doc = await parseDocument({ name: 'halalan.html', bytes: new TextEncoder().encode(sampleAsWebPage()) });
    expect([doc.title, doc.author, doc.publishedAt, doc.source]).toEqual([
      'Halalan sa Nagorno-Karabakh, 2012',
      'Juan dela Cruz',
      '2012-07-20',
      'https://balita.example.ph/2012/07/halalan-nkr',
    ]);
  });

  it('falls back to the whole page when no article stands out', async () => {
    const doc = await parseDocument({
      name: 'maikli.html',
      bytes: new TextEncoder().encode('<div class="sidebar"><p>Maikling tala lamang.</p></div><p>Isa pa.</p>'),
    });
    expect(doc.passages.map((p) => p.text)).toEqual(['Maikling tala lamang.', 'Isa pa.']);
  });
});
