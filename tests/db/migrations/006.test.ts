/** Migration 006 (a claim's own ClaimReview URL) from the previous version (v5) with data. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeCase } from '../../../db/open';
import { openMigrated, sampleCaseAtVersion } from './legacy';

const v5Case = () => sampleCaseAtVersion(5, 'A claim written by schema v5.');

describe('migration 006 (claims.review_url) from v5 with data', () => {
  it('v5 has no review_url column', () => {
    const db = new Database(v5Case(), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect((db.prepare('PRAGMA table_info(claims)').all() as { name: string }[]).map((c) => c.name)).not.toContain('review_url');
    db.close();
  });

  it('keeps every claim and the chain; old claims have no URL of their own and export with the base URL; a new one is kept', () => {
    const path = v5Case();
    const before = new Database(path, { readonly: true });
    const claims = before.prepare('SELECT count(*) FROM claims').pluck().get() as number;
    before.close();
    const { h, api } = openMigrated(path);
    expect(api.invoke('case.info', {}).counts.claims).toBe(claims);
    expect(api.invoke('history.verify', {}).ok).toBe(true);
    const c = api.invoke('claims.list', { limit: 1, sort: 'created', direction: 'asc' }).items[0]!;
    expect(api.invoke('claims.get', { id: c.id }).claim.reviewUrl).toBeNull();
    api.invoke('claims.setStatus', { id: c.id, status: 'refuted', rationale: 'Checked.' });
    api.invoke('settings.update', { reviewBaseUrl: 'https://checks.example/' });
    const url = () => (JSON.parse(api.invoke('transfer.export', { format: 'claimreview' }).content) as { '@graph': { url: string }[] })['@graph'][0]!.url;
    expect(url()).toBe(`https://checks.example/${c.id}`);
    api.invoke('claims.update', { id: c.id, reviewUrl: 'https://checks.example/2025/own-page' });
    expect(url()).toBe('https://checks.example/2025/own-page');
    expect(api.call('claims.update', { id: c.id, reviewUrl: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { message: /reviewUrl/ } });
    closeCase(h);
  });
});
