/** The new source made from a fetched page: untrusted metadata goes through the contract's own checks. */
import { describe, expect, it } from 'vitest';
import type { FetchedPage } from '../../db/documents/fetch';
import { sourceFromPage, titlesFromUrl } from '../../db/service/capture-url';

const page = (finalUrl: string) => ({ finalUrl }) as FetchedPage;

describe('sourceFromPage', () => {
  it('takes what the contract accepts, normalized as if typed, and names what it filled', () => {
    const { input, filled } = sourceFromPage(page('https://news.example/a'), {
      title: '  Cafe\u0301 report  ',
      publisher: 'Gazette',
      authors: ['Ann Lee', 'bad\uD800name', ' '],
      publishedAt: '2024-03-05',
      doi: '10.1/x',
    }, '2026-12-01');
    expect(input).toMatchObject({ title: 'Café report', publisher: 'Gazette', publishedAt: '2024-03-05', doi: '10.1/x', url: 'https://news.example/a', kind: 'web', reliability: 'F', accessedAt: '2026-12-01' });
    expect(input.authors).toEqual(['Ann Lee']);
    expect(filled).toEqual(['title', 'publisher', 'authors', 'publishedAt', 'doi']);
  });

  it('falls back to the address for a title the contract refuses, and drops a refused date', () => {
    const { input, filled } = sourceFromPage(page('https://news.example/a%20b/%00x'), { title: 'nul\u0000title', publishedAt: 'March 2024' }, '2026-12-01');
    expect(input.title).toBe('news.example/a%20b/%00x');
    expect(input.publishedAt ?? null).toBeNull();
    expect(filled).toEqual([]);
    expect(titlesFromUrl('https://news.example/a%20b')).toEqual(['news.example/a b', 'news.example/a%20b', 'news.example']);
    expect(sourceFromPage(page('https://news.example/'), {}, '2026-12-01').input.title).toBe('news.example');
  });
});
