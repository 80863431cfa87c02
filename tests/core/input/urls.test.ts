/** Addresses completed the way a browser's address bar would (core/input/urls.ts). */
import { describe, expect, it } from 'vitest';
import { url as urlField } from '../../../core/contract/fields';
import { completeUrl } from '../../../core/input/urls';

const read = (s: string) => {
  const r = completeUrl(s);
  return r.ok ? `${r.url}${r.completed ? ' (completed)' : ''}` : `refused: ${r.message}`;
};

describe('completeUrl', () => {
  it('adds https:// to an address without a scheme; keeps one that has it', () => {
    expect(read('example.com')).toBe('https://example.com (completed)');
    expect(read(' www.reuters.com/technology/deepseek-2025-01-28/ ')).toBe('https://www.reuters.com/technology/deepseek-2025-01-28/ (completed)');
    expect(read('arxiv.org/abs/2412.19437?v=2#s3')).toBe('https://arxiv.org/abs/2412.19437?v=2#s3 (completed)');
    expect(read('localhost:8080/a')).toBe('https://localhost:8080/a (completed)');
    expect(read('//example.org/x')).toBe('https://example.org/x (completed)');
    expect(read('例え.jp/ページ')).toBe('https://例え.jp/ページ (completed)');
    expect(read('http://example.com')).toBe('http://example.com');
    expect(read('HTTPS://Example.com/A')).toBe('HTTPS://Example.com/A');
    expect(read('mailto:press@deepseek.com')).toBe('mailto:press@deepseek.com');
    expect(read('doi:10.48550/arXiv.2412.19437')).toBe('doi:10.48550/arXiv.2412.19437');
    expect(read('urn:isbn:9780262033848')).toBe('urn:isbn:9780262033848');
  });
  it('turns a bare DOI into its doi.org address', () => {
    expect(read('10.48550/arXiv.2412.19437')).toBe('https://doi.org/10.48550/arXiv.2412.19437 (completed)');
  });
  it('refuses what is no address, and schemes that are not kept', () => {
    expect(read('not a url')).toMatch(/must not contain spaces/);
    expect(read('deepseek')).toMatch(/not a web address; write it like example.com/);
    expect(read('javascript:alert(1)')).toMatch(/javascript addresses are not kept/);
    expect(read('ftp://example.com/f')).toMatch(/ftp addresses are not kept/);
    expect(read('')).toBe('refused: is empty');
  });
  it('everything it accepts, the contract accepts', () => {
    for (const s of ['example.com', 'localhost:8080/a', '10.1000/xyz', 'www.a-b.co.uk/x?y=1', '例え.jp/ページ', 'mailto:a@b.c']) {
      const r = completeUrl(s);
      expect(r.ok && urlField.safeParse(r.url).success, s).toBe(true);
    }
  });
});
