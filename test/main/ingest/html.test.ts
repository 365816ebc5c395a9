import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../main/ingest/index';
import { parse } from './helpers';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/ingest/${name}`, import.meta.url))));

describe('html (.html, .htm)', () => {
  const parsed = parseDocument({ name: 'article.html', bytes: fixture('article.html') });

  it('keeps the article text as heading and paragraph passages', async () => {
    const doc = await parsed;
    expect(doc.passages.map((p) => [p.kind, p.text])).toEqual([
      ['heading', 'Выборы в Нагорном Карабахе'],
      [
        'paragraph',
        '19 июля 2012 года в НКР прошли очередные президентские выборы. Победил действующий президент Бако Саакян.',
      ],
      [
        'paragraph',
        'За него проголосовали 47 тысяч из 73 тысяч избирателей «непризнанной» республики &' +
          ' наблюдатели это подтвердили.',
      ],
      ['heading', 'Реакция'],
      ['paragraph', 'Голый текст прямо внутри статьи.'],
      ['paragraph', 'Текст в блоке div со вложенным span.'],
      ['paragraph', 'Первый пункт'],
      ['paragraph', 'Второй пункт'],
      ['paragraph', 'Выборы прошли демократично.'],
      ['paragraph', 'Подпись к фото'],
      ['paragraph', 'Кандидат'],
      ['paragraph', 'Голоса'],
      ['paragraph', 'Ссылка и позже.'],
    ]);
    expect(doc.mediaType).toBe('text/html');
    expect(doc.lang).toBe('ru');
  });

  it('drops page chrome, code, hidden content, widgets and attribute values', async () => {
    const all = (await parsed).passages.map((p) => p.text).join('\n');
    for (const unwanted of [
      'Главная',
      'Меню',
      'СТИЛЬ',
      'СКРИПТ',
      'внедрено',
      'window',
      '<',
      '>',
      'javascript:',
      'onclick',
      'alert',
      'steal',
      'СКРЫТЫЙ',
      'НЕВИДИМЫЙ',
      'Реклама',
      'Поиск',
      'Найти',
      'JavaScript',
      'ШАБЛОН',
      'evil',
      'SVG',
      'ВАРИАНТ',
      'комментарий',
      '©',
      'ALT',
      'x.png',
      'Архив',
    ]) {
      expect(all, unwanted).not.toContain(unwanted);
    }
  });

  it('extracts metadata from meta, link and time elements', async () => {
    const doc = await parsed;
    expect(doc.title).toBe('Выборы президента НКР 2012 года');
    expect(doc.author).toBe('Анна Петросян');
    expect(doc.publishedAt).toBe('2012-07-20');
    expect(doc.source).toBe('https://news.example.am/2012/07/nkr-vybory');
  });

  it('falls back to <title>, then the first h1, and to <time datetime>, og:url', async () => {
    const withTitle = await parse(
      'p.htm',
      '<title>Pamagat &amp; iba pa</title><meta property="og:url"' +
        ' content="http://example.ph/a"><p>Teksto. <time datetime="2012-07">Hulyo</time></p>',
    );
    expect(withTitle.title).toBe('Pamagat & iba pa');
    expect(withTitle.publishedAt).toBe('2012-07');
    expect(withTitle.source).toBe('http://example.ph/a');

    const withH1 = await parse('q.html', '<body><h2>Maliit</h2><h1>Malaking Pamagat</h1><p>Teksto.</p></body>');
    expect(withH1.title).toBe('Malaking Pamagat');

    const bare = await parse('bare-page.tl.html', '<p>Walang pamagat dito.</p>');
    expect(bare.title).toBe('bare page');
    expect(bare.publishedAt).toBeNull();
  });

  it('keeps only http(s) URLs as the source and never a URL as the author', async () => {
    const doc = await parse(
      'x.html',
      '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:text/html,hi">' +
        '<meta property="article:author" content="https://facebook.com/someone"><p>Text.</p>',
    );
    expect(doc.source).toBeNull();
    expect(doc.author).toBeNull();
  });

  it('decodes entities and treats <br> as a space', async () => {
    const doc = await parse('e.html', '<p>A&amp;B &lt;i&gt; &#1329;&#x0580; caf&eacute;<br/>line&nbsp;two</p>');
    expect(doc.passages[0].text).toBe('A&B <i> Ար café line two');
  });

  it('uses <html lang> only when detection is unsure', async () => {
    const short = await parse('s.html', '<html lang="tl-PH"><body><p>Mahal kita.</p></body></html>');
    expect(short.lang).toBe('tl');
    const wrongHint = await parse(
      'w.html',
      '<html lang="en"><body><p>Москва — столица России, крупнейший по численности населения город' +
        ' страны.</p></body></html>',
    );
    expect(wrongHint.lang).toBe('ru');
  });

  it('handles malformed markup without losing text', async () => {
    const doc = await parse('m.html', '<head><title>T</title><p>Una <b>talata<p>Ikalawang <i>talata</div> pa</i>');
    expect(doc.passages.map((p) => p.text)).toEqual(['Una talata', 'Ikalawang talata pa']);
  });
});
