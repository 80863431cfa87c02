import { describe, expect, it } from 'vitest';
import { anchorLabel, captureCitation, lostAlert } from '../../../core/documents/wording';

describe('anchor wording', () => {
  it('labels each status, close with its floored percentage', () => {
    expect(anchorLabel({ status: 'exact', score: 1 })).toBe('exact');
    expect(anchorLabel({ status: 'close', score: 0.829 })).toBe('close (82%)');
    expect(anchorLabel({ status: 'close', score: 0.9999 })).toBe('close (99%)');
    expect(anchorLabel({ status: 'not-found', score: null })).toBe('not found');
    expect(anchorLabel({ status: 'no-capture', score: null })).toBe('no capture');
  });
  it('says when a quote went missing and cites a capture by date and SHA-256 prefix', () => {
    expect(lostAlert({ lostSince: null })).toBeNull();
    expect(lostAlert({ lostSince: '2026-03-04T10:00:00.000Z' })).toBe('no longer in the source (captured 2026-03-04)');
    expect(captureCitation('2026-03-02T09:00:00.000Z', 'ab'.repeat(32))).toBe('captured 2026-03-02, SHA-256 abababababab');
  });
});
