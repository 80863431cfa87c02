/** A case whose every briefing-visible text field holds a script-injection payload. */
import { tempCase, type TestCase } from '../../helpers';
import { FIXED_NOW, XSS_PAYLOADS } from './fixtures';

export function xssCase(): { c: TestCase; title: string; bluf: string } {
  const c = tempCase({ now: () => FIXED_NOW });
  const p = (i: number) => XSS_PAYLOADS[i % XSS_PAYLOADS.length]!;
  c.api.invoke('settings.update', { analystName: p(0), caveat: p(1) });
  const parent = c.api.invoke('sources.create', { title: `Root ${p(2)}`, publisher: p(3), reliability: 'B' });
  const src = c.api.invoke('sources.create', {
    title: `Copy ${p(4)}`,
    publisher: p(5),
    authors: [p(6)],
    url: 'https://example.org/a?x=<b>&y="z"',
    reliability: 'C',
    derivedFromId: parent.id,
  });
  for (let i = 0; i < XSS_PAYLOADS.length; i++) {
    const claim = c.api.invoke('claims.create', { text: `Claim ${i} ${p(i)}`, claimant: p(i + 1), tags: ['xss'] });
    c.api.invoke('evidence.create', { claimId: claim.id, sourceId: i % 2 ? src.id : parent.id, stance: 'supports', excerpt: p(i + 2), locator: p(i + 3), note: p(i + 4), credibility: 2 });
    c.api.invoke('disputes.open', { claimId: claim.id, raisedBy: p(i + 5), position: p(i + 6) });
    c.api.invoke('claims.setStatus', { id: claim.id, status: 'disputed', rationale: p(i + 7) });
  }
  return { c, title: p(8), bluf: `${p(0)} ${p(1)}` };
}
