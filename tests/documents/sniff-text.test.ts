/** Sniffing the type from bytes, and decoding text (BOM, declared charset, meta charset, UTF-8, windows-1252). */
import { describe, expect, it } from 'vitest';
import { DocumentError, extractDocumentSync } from '../../db/documents/extract';
import { decodeText } from '../../db/documents/extract/encoding';
import { sniffMediaType } from '../../db/documents/extract/sniff';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffMediaType', () => {
  it('knows PDF, images, HTML, text and Markdown by their bytes', () => {
    expect(sniffMediaType(bytes('%PDF-1.7\n%\xe2\xe3\n'))).toBe('application/pdf');
    expect(sniffMediaType(bytes('junk before\n%PDF-1.4'))).toBe('application/pdf');
    expect(sniffMediaType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffMediaType(bytes('GIF89a\x01\x00'))).toBe('image/gif');
    expect(sniffMediaType(bytes('RIFF\x10\x00\x00\x00WEBPVP8 '))).toBe('image/webp');
    expect(sniffMediaType(bytes('<!-- saved from url=(0042)https://example.org/ -->\n<!DOCTYPE html><html>'))).toBe('text/html');
    expect(sniffMediaType(bytes('  <html><body>x</body></html>'))).toBe('text/html');
    expect(sniffMediaType(bytes('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"><html>'))).toBe('text/html');
    expect(sniffMediaType(bytes('Just a note.\nSecond line.'))).toBe('text/plain');
    expect(sniffMediaType(bytes('# Heading\n\nSome *text*.'))).toBe('text/markdown');
    expect(sniffMediaType(bytes('See [the report](https://example.org/r.pdf).'))).toBe('text/markdown');
  });

  it('lets the name or declared type decide between text and Markdown only', () => {
    expect(sniffMediaType(bytes('plain words'), { fileName: 'notes.md' })).toBe('text/markdown');
    expect(sniffMediaType(bytes('# not markdown, says the name'), { fileName: 'notes.txt' })).toBe('text/plain');
    expect(sniffMediaType(bytes('%PDF-1.4'), { fileName: 'looks.txt', mediaType: 'text/plain' })).toBe('application/pdf');
    expect(sniffMediaType(bytes('<p>fragment</p>'), { mediaType: 'text/html; charset=utf-8' })).toBe('text/html');
  });

  it('refuses what it cannot read, saying what it looks like', () => {
    expect(() => sniffMediaType(new Uint8Array())).toThrow(/empty/);
    expect(() => sniffMediaType(bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]))).toThrow(/not recognized \(it starts with bytes 7f 45 4c 46/);
    expect(() => sniffMediaType(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toThrow(/legacy Word.*password-protected/);
    expect(() => sniffMediaType(bytes('MIME-Version: 1.0\nContent-Type: multipart/related; boundary="x"\n'))).toThrow(/MHTML/);
    expect(() => sniffMediaType(bytes('PK\x03\x04 truncated'))).toThrow(DocumentError);
    expect(() => sniffMediaType(bytes('PK\x03\x04 truncated'))).toThrow(/ZIP archive \(DOCX\) is damaged: no end of central directory/);
  });
});

describe('decodeText', () => {
  it('follows a byte-order mark first', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'caf\xc3\xa9'))).toEqual({ text: 'café', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('\ufeffcafé ✓', 'utf16le'))).toEqual({ text: 'café ✓', encoding: 'utf-16le' });
    const be = Buffer.from('\ufeffÄrger', 'utf16le').swap16();
    expect(decodeText(be)).toEqual({ text: 'Ärger', encoding: 'utf-16be' });
  });

  it('then the declared charset, then an HTML meta charset', () => {
    expect(decodeText(bytes('caf\xe9'), { declaredCharset: 'ISO-8859-1' }).text).toBe('café');
    const html = bytes('<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head>\xf0\xd2\xc1\xd7\xc4\xc1');
    expect(decodeText(html, { html: true })).toMatchObject({ encoding: 'koi8-r' });
    expect(decodeText(html, { html: true }).text).toContain('Правда');
    expect(decodeText(bytes('<meta charset="bogus-enc">caf\xc3\xa9'), { html: true })).toMatchObject({ text: '<meta charset="bogus-enc">café', encoding: 'utf-8' });
  });

  it('is UTF-8 when the bytes are valid UTF-8, else windows-1252 (every byte decodes)', () => {
    expect(decodeText(bytes('na\xc3\xafve \xe2\x80\x94 ok'))).toEqual({ text: 'naïve — ok', encoding: 'utf-8' });
    expect(decodeText(bytes('\x93smart quotes\x94 and caf\xe9'))).toEqual({ text: '“smart quotes” and café', encoding: 'windows-1252' });
  });
});

describe('text and Markdown through extractDocumentSync', () => {
  it('normalizes line ends, drops control characters, keeps one page, takes a Markdown title', () => {
    const doc = extractDocumentSync(bytes('# Field notes\r\n\r\nLine one\x07\rLine two\n'), { fileName: 'n.md' });
    expect(doc).toEqual({ mediaType: 'text/markdown', extraction: 'text', pages: ['# Field notes\n\nLine one\nLine two\n'], meta: { title: 'Field notes' } });
  });

  it('keeps images with no text', () => {
    expect(extractDocumentSync(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), {})).toEqual({
      mediaType: 'image/png',
      extraction: 'none',
      pages: [],
      meta: {},
    });
  });
});
