// The real bundled sample: a Tagalog news text with one paragraph per line and no blank lines.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../main/ingest/index';
import { expectSentencesCover } from './helpers';

const samplePath = fileURLToPath(new URL('../../../resources/samples/nkr-2012-halalan.tl.txt', import.meta.url));

describe('sample nkr-2012-halalan.tl.txt', () => {
  const bytes = new Uint8Array(readFileSync(samplePath));
  const parsed = parseDocument({ name: 'nkr-2012-halalan.tl.txt', bytes });

  it('has one paragraph per line', async () => {
    const doc = await parsed;
    expect(doc.passages).toHaveLength(9);
    expect(doc.passages.every((p) => p.kind === 'paragraph')).toBe(true);
    expect(doc.passages[0].text.startsWith('Ang Republika ng Nagorno-Karabakh')).toBe(true);
    expect(doc.passages[2].text).toContain(
      '47 libo sa kanila ang bumoto para sa nanunungkulang pinuno ng republika na Bako Sahakyan',
    );
  });

  it('is detected as Tagalog', async () => {
    expect((await parsed).lang).toBe('tl');
  });

  it('takes its title from the file name and records type and hash', async () => {
    const doc = await parsed;
    expect(doc.title).toBe('nkr 2012 halalan');
    expect(doc.mediaType).toBe('text/plain');
    expect(doc.contentHash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(doc.source).toBeNull();
    expect(doc.author).toBeNull();
    expect(doc.publishedAt).toBeNull();
  });

  it('splits every paragraph into sentences that cover its text in order', async () => {
    const doc = await parsed;
    for (const passage of doc.passages) expectSentencesCover(passage.text, passage.sentences);
    const third = doc.passages[2];
    expect(third.sentences).toHaveLength(1);
    const fourth = doc.passages[3];
    expect(fourth.sentences.map(([s, e]) => fourth.text.slice(s, e))).toEqual([
      expect.stringMatching(/^Ang paglala ng panloob .* mga resulta ng halalan\.$/),
      expect.stringMatching(/^Gayunpaman, hindi binati .* istasyon ng botohan\.$/),
    ]);
  });

  it('accepts a caller-chosen title and metadata', async () => {
    const doc = await parseDocument({
      name: 'nkr-2012-halalan.tl.txt',
      bytes,
      meta: {
        title: ' Halalan sa NKR, 2012 ',
        source: 'https://example.org/nkr',
        author: 'Tala samples',
        publishedAt: '2012-07-20',
      },
    });
    expect(doc.title).toBe('Halalan sa NKR, 2012');
    expect(doc.source).toBe('https://example.org/nkr');
    expect(doc.author).toBe('Tala samples');
    expect(doc.publishedAt).toBe('2012-07-20');
    expect(doc.passages).toHaveLength(9);
  });
});
