/**
 * A case whose briefing-visible fields carry bidi controls (U+202E, U+2066…U+2069) and a zero-width
 * space: title, claim text, claimant, source title, quote, BLUF. Every format must show them as
 * markers, in logical order, and hold none of them as live characters.
 */
import { tempCase, type TestCase } from '../../helpers';
import { FIXED_NOW } from './fixtures';

export const PAYLOAD = 'A\u202Edcba\u2066x\u2069 zero\u200Bwidth';
export const SHOWN = 'A<U+202E>dcba<U+2066>x<U+2069> zero<U+200B>width';
/** Any live control or invisible format character an export must not hold. */
export const LIVE = /[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\u061C\u2060\uFEFF]/;
export const FIELDS = ['Title', 'Claim', 'Mallory', 'Source', 'Quote', 'Bluf'] as const;

export function bidiCase(): { c: TestCase; input: { selection: { tag: string }; title: string; bluf: string } } {
  const c = tempCase({ now: () => FIXED_NOW });
  const src = c.api.invoke('sources.create', { title: `Source ${PAYLOAD}`, reliability: 'B' });
  const claim = c.api.invoke('claims.create', { text: `Claim ${PAYLOAD}`, claimant: `Mallory ${PAYLOAD}`, tags: ['bidi'] });
  c.api.invoke('evidence.create', { claimId: claim.id, sourceId: src.id, stance: 'supports', excerpt: `Quote ${PAYLOAD}`, credibility: 2 });
  return { c, input: { selection: { tag: 'bidi' }, title: `Title ${PAYLOAD}`, bluf: `Bluf ${PAYLOAD} (KJ1).` } };
}

/** Line breaks that must not start a Markdown block: CR, CRLF, NEL, U+2028, U+2029. */
export const BREAKS = 'one\r# Injected CR\r\n## Injected CRLF\u0085### Injected NEL\u2028#### Injected LS\u2029- injected PS';
