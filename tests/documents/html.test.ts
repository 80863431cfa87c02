/** HTML: the article's text (Readability over linkedom), not menus, ads, scripts or styles; metadata from the head. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocumentSync } from '../../db/documents/extract';
import { extractDocument } from '../../db/documents/extract/document';

const article = readFileSync(new URL('../fixtures/documents/article.html', import.meta.url));

describe('HTML extraction', () => {
  it('reads the article and nothing around it', async () => {
    const doc = await extractDocument(article, { fileName: 'strike.html' });
    expect(doc.mediaType).toBe('text/html');
    expect(doc.pages).toHaveLength(1);
    const text = doc.pages[0]!;
    expect(text.startsWith('Port strike ends after nine days\n\n')).toBe(true);
    expect(text).toContain('ending a nine-day strike that had stranded more than forty container ships in the bay.');
    expect(text).toContain('“Nobody won this strike, but the workers did not lose it either,” said');
    for (const chrome of ['World news', 'Sport section', 'Subscribe today', 'harbour crane', 'Ten ports', 'Cookie settings', 'Copyright']) {
      expect(text).not.toContain(chrome);
    }
    for (const code of ['SCRIPT TEXT', 'INLINE SCRIPT', 'trackEverything', 'STYLE TEXT', 'color: red', 'alert']) expect(text).not.toContain(code);
  });

  it('breaks between blocks so words never run together, and keeps inline text joined as written', async () => {
    const html = '<html><body><article><h2>Title</h2><div>alpha</div><div>beta</div><p>one<br>two</p>' +
      '<ul><li>first</li><li>second</li></ul><table><tr><td>a</td><td>b</td></tr></table><p>in<b>line</b> <i>text</i></p>' +
      '<pre>keep   these\n  spaces</pre><p>shown<span style="display: none">HIDDEN1</span><span hidden>HIDDEN2</span>' +
      '<span aria-hidden="true">HIDDEN3</span><span style="color:red;visibility:hidden">HIDDEN4</span></p></article></body></html>';
    const text = (await extractDocument(Buffer.from(html), {})).pages[0]!;
    expect(text).toContain('alpha\n\nbeta');
    expect(text).toContain('one\ntwo');
    expect(text).toContain('first\nsecond');
    expect(text).toContain('a b');
    expect(text).toContain('inline text');
    expect(text).toContain('keep   these\n  spaces');
    expect(text).not.toMatch(/alphabeta|firstsecond|onetwo|HIDDEN/);
  });

  it('takes metadata from citation_* tags, then schema.org JSON-LD, then Open Graph', async () => {
    const { meta } = await extractDocument(article, {});
    expect(meta).toEqual({
      title: 'Port strike ends after nine days',
      authors: ['Okafor, Amara', 'Lindqvist, Per'],
      publisher: 'Harbour Gazette Ltd',
      publishedAt: '2024-03-05',
      url: 'https://gazette.example/2024/03/port-strike-ends',
      doi: '10.5555/harbour.2024.031',
    });
    const jsonLd = '<html><head><script type="application/ld+json">[{"@type":["NewsArticle"],"headline":"H","author":"Ann Lee",' +
      '"publisher":"Daily","datePublished":"2023-11-02"}]</script><script type="application/ld+json">{broken</script>' +
      '<meta property="og:title" content="OG title"><meta name="citation_journal_title" content="Journal of Ports">' +
      '<meta name="citation_publication_date" content="2021/7/9"></head><body><p>x</p></body></html>';
    expect((await extractDocument(Buffer.from(jsonLd), {})).meta).toEqual({ title: 'H', authors: ['Ann Lee'], publisher: 'Journal of Ports', publishedAt: '2021-07-09' });
  });

  it('decodes a windows-1252 page declared in its meta tag', async () => {
    const html = Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>\x93Caf\xe9\x94 \x96 na\xefve</p></body></html>', 'latin1');
    expect((await extractDocument(html, {})).pages[0]).toContain('“Café” – naïve');
  });

  it('reads the same text on a worker thread through extractDocumentSync, with progress', async () => {
    const progress: string[] = [];
    const doc = extractDocumentSync(article, {}, { onProgress: (_d, _t, label) => progress.push(label) });
    expect(doc).toEqual(await extractDocument(article, {}));
    expect(progress).toContain('reading the HTML page');
  });
});
