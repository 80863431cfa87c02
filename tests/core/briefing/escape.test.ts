import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../core/briefing/escape';
import { escapeMarkdown } from '../../../core/briefing/markdown';
import { XSS_PAYLOADS } from './fixtures';


describe('escapeHtml', () => {
  it('leaves no markup-significant character in any payload', () => {
    for (const p of XSS_PAYLOADS) {
      const out = escapeHtml(p);
      expect(out).not.toMatch(/[<>"'`]/);
      expect(out).not.toMatch(/=/);
    }
  });
  it('round-trips through entity decoding', () => {
    const decode = (s: string) =>
      s.replace(/&(lt|gt|quot|#39|#96|#61|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`', '#61': '=', amp: '&' })[e]!);
    for (const p of XSS_PAYLOADS) expect(decode(escapeHtml(p))).toBe(p);
  });
  it('escapes & first so entities are not double-meaning', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('escapeMarkdown', () => {
  it('neutralizes raw HTML and emphasis', () => {
    expect(escapeMarkdown('<script>*x*</script>')).toBe('\\<script\\>\\*x\\*\\</script\\>');
  });
  it('keeps a line from starting a heading or list', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('- item')).toBe('\\- item');
  });
});
