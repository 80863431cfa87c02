/**
 * Briefings that cannot contradict themselves (issue 11.5): gaps and source summary from one set of
 * facts, draft vs analyst BLUF, the checker's label and verdict checks, net changes, wording.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { assessSourcing, GAP_RULES, type JudgmentFacts } from '../../../core/briefing/sourcing';
import { checkBluf, checkBriefing } from '../../../core/briefing/check-briefing';
import { diffSnapshots } from '../../../core/briefing/changes';
import { likelihoodWords, splitSentences } from '../../../core/briefing/estimative-check';
import type { BriefingSnapshot } from '../../../core/briefing/types';
import { agree, count, sentence } from '../../../core/briefing/wording';
import { tempCase } from '../../helpers';
import { FIXED_NOW, sampleCase, textOf, unzip } from './fixtures';
import { fromBase64 } from '../../../core/briefing/base64';

const SECTION = (md: string, heading: string) => md.split(`## ${heading}\n\n`)[1]!.split('\n## ')[0]!;

describe('intelligence gaps and source summary come from the same facts', () => {
  const c = sampleCase();
  afterAll(() => c.close());
  const selections = [{ query: 'chips' }, { query: 'DeepSeek' }, { tag: 'chips' }, { query: 'cost' }];

  it('every judgment the summary flags (single origin, circular, low confidence) is a gap, and "none" only when nothing is flagged', () => {
    let flagged = 0;
    for (const selection of selections) {
      const { briefing: b, markdown } = c.api.invoke('briefings.compose', { selection });
      const gapLabels = new Set(b.gaps.map((g) => g.label));
      const named = [...b.summary.singleOrigin, ...b.summary.circular, ...b.summary.lowConfidence];
      flagged += named.length;
      for (const label of named) expect(gapLabels, `${JSON.stringify(selection)}: ${label}`).toContain(label);
      const gaps = SECTION(markdown, 'Intelligence gaps');
      if (named.length) expect(gaps).not.toMatch(/None found|every judgment has/i);
      for (const label of b.summary.singleOrigin) expect(gaps).toMatch(new RegExp(`\\*\\*${label}:\\*\\*[^\\n]*traces to one origin`));
    }
    expect(flagged).toBeGreaterThan(0);
  });

  it('the chips briefing says the same in Markdown, HTML and DOCX: every flagged judgment listed as a gap with its reasons', () => {
    const input = { selection: { query: 'chips' } };
    const { briefing: b } = c.api.invoke('briefings.compose', input);
    expect(b.gaps.map((g) => g.label)).toEqual(b.judgments.map((j) => j.label));
    const md = c.api.invoke('briefings.render', { ...input, format: 'md' }).content.replace(/\\(.)/g, '$1').replace(/\*/g, '');
    const html = textOf(c.api.invoke('briefings.render', { ...input, format: 'html' }).content);
    const docx = textOf(unzip(fromBase64(c.api.invoke('briefings.render', { ...input, format: 'docx' }).content)).get('word/document.xml')!.toString('utf8'));
    for (const [name, text] of [['md', md.replace(/\s+/g, ' ')], ['html', html], ['docx', docx]] as const) {
      const gaps = text.split('Intelligence gaps')[1]!.split('Changes since the previous briefing')[0]!;
      for (const g of b.gaps) expect(gaps, `${name} ${g.label}`).toContain(`${g.label}: “${g.text}” — ${g.reason}.`);
      expect(gaps, name).not.toMatch(/None found/);
      expect(text.split('Bottom line up front')[1]!.trimStart().startsWith(`Draft BLUF: ${b.bluf.slice(0, 40)}`), `${name} marks the draft`).toBe(true);
      expect(text, name).toContain(`Single-origin reporting: the supporting evidence for ${b.summary.singleOrigin.join(', ')} traces to one origin each.`);
    }
  });

  it('says "None found" for judgments with two strong independent origins and at least moderate confidence', () => {
    const x = tempCase({ now: () => FIXED_NOW });
    const claim = x.api.invoke('claims.create', { text: 'The bridge reopened on Monday.', tags: ['t'] });
    for (const title of ['Wire report', 'Ministry notice', 'Local paper'])
      x.api.invoke('evidence.create', { claimId: claim.id, sourceId: x.api.invoke('sources.create', { title, reliability: 'A' }).id, stance: 'supports', credibility: 1 });
    const { briefing: b, markdown } = x.api.invoke('briefings.compose', { selection: { tag: 't' } });
    x.close();
    expect(b.judgments[0]!.confidence).not.toBe('low');
    expect(b.summary.singleOrigin).toEqual([]);
    expect(b.gaps).toEqual([]);
    expect(SECTION(markdown, 'Intelligence gaps')).toMatch(/^None found: every judgment is assessed, with independent evidence from more than one origin/);
  });
});

describe('assessSourcing, for any facts', () => {
  const facts = fc.array(
    fc.record({
      evidence: fc.nat(5),
      weighed: fc.nat(5),
      weakOnly: fc.option(fc.constantFrom<string[]>(['D4'], ['E5', 'F6']), { nil: null }),
      singleOrigin: fc.boolean(),
      circular: fc.boolean(),
      lowConfidence: fc.boolean(),
      notAssessed: fc.boolean(),
      attributionOnly: fc.boolean(),
      copySuspected: fc.boolean(),
    }),
    { maxLength: 12 },
  );
  it('lists as a gap every judgment the summary flags, and no gaps only when nothing is flagged', () => {
    fc.assert(
      fc.property(facts, (raw) => {
        const fs: JudgmentFacts[] = raw.map((f, i) => ({ ...f, weighed: Math.min(f.weighed, f.evidence), label: `KJ${i + 1}`, text: `Claim ${i + 1}.` }));
        const { summary, gaps } = assessSourcing(fs, [], []);
        const gapLabels = new Set(gaps.map((g) => g.label));
        const flagged = [...summary.singleOrigin, ...summary.circular, ...summary.lowConfidence, ...summary.attributionOnly, ...summary.copySuspected, ...summary.notAssessed];
        for (const l of flagged) expect(gapLabels.has(l)).toBe(true);
        for (const f of fs) expect(gapLabels.has(f.label)).toBe(GAP_RULES.some((r) => r.applies(f)));
        expect(summary.evidenceItems).toBe(fs.reduce((n, f) => n + f.evidence, 0));
      }),
    );
  });
});

describe('the BLUF: draft or analyst-written, never against a verdict', () => {
  const c = sampleCase();
  afterAll(() => c.close());
  const chips = { query: 'chips' };
  const first = c.api.invoke('briefings.compose', { selection: chips }).briefing;
  const kj1 = first.judgments[0]!;
  c.api.invoke('claims.setStatus', { id: kj1.claimId, status: 'refuted', rationale: 'Customs records show no A100 deliveries.' });

  it('a drafted BLUF is marked "Draft BLUF" in the Markdown and states a refuted claim by its verdict', () => {
    const { briefing: b, markdown } = c.api.invoke('briefings.compose', { selection: chips });
    expect(b.blufDrafted).toBe(true);
    expect(SECTION(markdown, 'Bottom line up front')).toMatch(/^\*\*Draft BLUF:\*\* /);
    const sentenceOfKj1 = splitSentences(b.bluf).find((s) => s.includes(`(${kj1.label})`))!;
    expect(sentenceOfKj1).toContain('refuted');
    expect(likelihoodWords(sentenceOfKj1)).toEqual([]);
    expect(b.bluf).not.toMatch(new RegExp(`likely[^()]*\\(${kj1.label}\\)`));
    expect(checkBriefing(b).filter((w) => w.where === 'BLUF')).toEqual([]);
  });

  it('an analyst BLUF is not marked as a draft', () => {
    const { briefing: b, markdown } = c.api.invoke('briefings.compose', { selection: chips, bluf: 'Chip supply remains unclear (KJ2).' });
    expect(b.blufDrafted).toBe(false);
    expect(markdown).not.toContain('Draft BLUF');
  });

  it('the checker flags labels not in the note, in the BLUF and in rationales, and a BLUF against a verdict', () => {
    const { briefing: b, warnings } = c.api.invoke('briefings.compose', {
      selection: chips,
      bluf: `It is likely that HighFlyer's A100s were used (${kj1.label}). The cost figure is disputed (KJ9).`,
    });
    expect(warnings.filter((w) => w.where === 'BLUF').map((w) => w.problem)).toEqual(
      expect.arrayContaining(['contradicts-verdict', 'unknown-judgment']),
    );
    expect(warnings.find((w) => w.problem === 'unknown-judgment')!.message).toContain(`KJ9 is not a key judgment of this note (it has KJ1–KJ${b.judgments.length})`);
    expect(checkBluf(`It is unlikely that the A100s were used (${kj1.label}).`, b.judgments).map((w) => w.problem)).not.toContain('contradicts-verdict');
    c.api.invoke('claims.setStatus', { id: b.judgments[1]!.claimId, status: 'disputed', rationale: 'See KJ7 for the stockpile.' });
    const again = c.api.invoke('briefings.compose', { selection: chips, bluf: 'Unclear (KJ1).' });
    const byRationale = again.warnings.filter((w) => w.problem === 'unknown-judgment');
    expect(byRationale.map((w) => w.sentence)).toEqual(['See KJ7 for the stockpile.']);
  });
});

describe('changes: net change per claim between two saved briefings, each item once', () => {
  it('names evidence added and removed and disputes opened and resolved once, however many moves in between', () => {
    const c = tempCase({ now: () => FIXED_NOW });
    const claim = c.api.invoke('claims.create', { text: 'The plant runs at full capacity.', tags: ['p'] });
    const src = (title: string, reliability: 'A' | 'B' | 'C') => c.api.invoke('sources.create', { title, reliability }).id;
    const old = c.api.invoke('evidence.create', { claimId: claim.id, sourceId: src('Old report', 'C'), stance: 'supports', credibility: 3 });
    const resolvedLater = c.api.invoke('disputes.open', { claimId: claim.id, raisedBy: 'Ana', position: 'Output figures are stale.' });
    const v1 = c.api.invoke('briefings.save', { selection: { tag: 'p' } });
    expect(v1.briefing.snapshot.version).toBe(2);
    // Many intermediate moves: support, refute, support again, one removed, one dispute opened and resolved.
    const ids: string[] = [];
    for (const [stance, title] of [['supports', 'A1'], ['refutes', 'R1'], ['supports', 'A2'], ['refutes', 'R2']] as const)
      ids.push(c.api.invoke('evidence.create', { claimId: claim.id, sourceId: src(title, 'A'), stance, credibility: 1 }).id);
    c.api.invoke('evidence.delete', { id: ids[1]! });
    c.api.invoke('evidence.delete', { id: old.id });
    c.api.invoke('disputes.resolve', { id: resolvedLater.id, resolution: 'New figures arrived.' });
    const passing = c.api.invoke('disputes.open', { claimId: claim.id, raisedBy: 'Ben', position: 'Capacity is overstated.' });
    c.api.invoke('disputes.resolve', { id: passing.id, resolution: 'Withdrawn.' });
    c.api.invoke('disputes.open', { claimId: claim.id, raisedBy: 'Cy', position: 'Night shifts stopped.' });
    const v2 = c.api.invoke('briefings.save', { selection: { tag: 'p' } });
    c.close();
    const lines = v2.briefing.changes!.lines;
    const name = '“The plant runs at full capacity.”';
    expect(lines.filter((l) => l.includes('evidence'))).toEqual([`${name}: 3 evidence items added, 1 evidence item removed.`]);
    expect(lines.filter((l) => l.includes('dispute'))).toEqual([`${name}: 2 disputes opened.`, `${name}: 2 disputes resolved.`]);
    expect(lines.filter((l) => l.includes(': band')).length).toBeLessThanOrEqual(1);
    expect(new Set(lines).size).toBe(lines.length);
    // The "how the judgment changed" list: net change per aspect, and disputes are not repeated there.
    const j = v2.briefing.judgments[0]!;
    expect(j.changes.filter((x) => x.what.startsWith('Probability band')).length).toBeLessThanOrEqual(1);
    expect(j.changes.some((x) => /Dispute (opened|resolved)/.test(x.what))).toBe(false);
    expect(v2.markdown.match(/Capacity is overstated/g)).toHaveLength(1);
  });

  it('still compares against a version-1 snapshot (counts only)', () => {
    const base = { id: 'c1', text: 'X.', probability: 0.6, band: 'likely', confidence: 'low', status: 'unverified' } as const;
    const v1: BriefingSnapshot = { version: 1, claims: [{ ...base, evidence: 2, openDisputes: 1, disputes: 1 }] };
    const now: BriefingSnapshot = {
      version: 2,
      claims: [{ ...base, evidence: 1, openDisputes: 0, disputes: 2, evidenceIds: ['e1'], openDisputeIds: [], resolvedDisputeIds: ['d1', 'd2'] }],
    };
    expect(diffSnapshots(v1, now)).toEqual(['“X.”: 1 evidence item removed.', '“X.”: 1 dispute opened.', '“X.”: 2 disputes resolved.']);
  });
});

describe('wording: one helper for counts and sentence ends', () => {
  it('pluralizes and agrees', () => {
    expect(count(1, 'claim')).toBe('1 claim');
    expect(count(2, 'claim')).toBe('2 claims');
    expect(count(1, 'point')).toBe('1 point');
    expect(`${count(1, 'key judgment')} ${agree(1, 'rests', 'rest')}`).toBe('1 key judgment rests');
    expect(`${count(3, 'key judgment')} ${agree(3, 'rests', 'rest')}`).toBe('3 key judgments rest');
  });
  it('ends a sentence once', () => {
    expect(sentence('Training DeepSeek-V3')).toBe('Training DeepSeek-V3.');
    expect(sentence('Training DeepSeek-V3.')).toBe('Training DeepSeek-V3.');
    expect(sentence('He said “stop.”')).toBe('He said “stop.”');
    expect(sentence('Why? ')).toBe('Why?');
  });
  it('a one-claim briefing reads "1 key judgment rests on 1 evidence item from 1 source"', () => {
    const c = tempCase({ now: () => FIXED_NOW });
    const claim = c.api.invoke('claims.create', { text: 'Training DeepSeek-V3 was cheap.', tags: ['one'] });
    const s = c.api.invoke('sources.create', { title: 'Report', reliability: 'B' });
    c.api.invoke('evidence.create', { claimId: claim.id, sourceId: s.id, stance: 'supports', credibility: 2, note: 'Says V3.' });
    c.api.invoke('claims.setStatus', { id: claim.id, status: 'supported', rationale: 'Matches the V3 paper.' });
    const { markdown } = c.api.invoke('briefings.compose', { selection: { tag: 'one' } });
    c.close();
    expect(markdown).toContain('1 key judgment rests on 1 evidence item from 1 source with 1 independent origin');
    expect(markdown).not.toMatch(/\.\.(?!\.)|\b1 (claims|points|sources|judgments)\b/);
  });
});

describe('claim kinds and attribution in a briefing (issue 11)', () => {
  const c = sampleCase();
  afterAll(() => c.close());
  const all = c.api.invoke('claims.list', { limit: 100 }).items;
  const normative = all.find((x) => x.kind === 'not-checkable')!;
  const chipsOnly = all.find((x) => x.text.includes('only on less powerful'))!;

  it('lists a not-checkable claim apart, with its reason and no probability, never as a key judgment', () => {
    const { briefing: b, markdown, warnings } = c.api.invoke('briefings.compose', { selection: { claimIds: [normative.id, chipsOnly.id] } });
    expect(b.judgments.map((j) => j.claimId)).toEqual([chipsOnly.id]);
    expect(b.snapshot.claims.map((s) => s.id)).toEqual([chipsOnly.id]);
    expect(b.notCheckable).toEqual([{ claimId: normative.id, text: normative.text, claimant: normative.claimant, why: expect.any(String) }]);
    const section = SECTION(markdown, 'Not checkable');
    expect(section).toContain(normative.text.replace(/\.$/, ''));
    expect(section).not.toMatch(/\d+%/);
    expect(markdown).toContain('**Not checkable:** 1');
    expect(warnings).toEqual([]);
  });

  it('says "no independent corroboration" in the judgment, the source summary and the gaps alike', () => {
    const { briefing: b, markdown } = c.api.invoke('briefings.compose', { selection: { claimIds: [chipsOnly.id] } });
    const j = b.judgments[0]!;
    expect(j.warnings.some((w) => w.startsWith('No independent corroboration'))).toBe(true);
    expect(b.summary.attributionOnly).toEqual([j.label]);
    expect(b.gaps.find((g) => g.label === j.label)!.reason).toMatch(/no independent corroboration/);
    expect(SECTION(markdown, 'Source summary')).toMatch(/No independent corroboration: the support for KJ1 only shows that the claim was made/);
  });

  it('states a not-assessed claim as its prior, keeps it out of the drafted BLUF, and lists it as a gap', () => {
    const idle = c.api.invoke('claims.create', { text: 'DeepSeek will open-source its next model.', kind: 'forecast' });
    const { briefing: b } = c.api.invoke('briefings.compose', { selection: { claimIds: [idle.id, chipsOnly.id] } });
    const j = b.judgments.find((x) => x.claimId === idle.id)!;
    expect(j.assessment).toBe('not-assessed');
    expect(j.sentences.likelihood).toBe('This claim is not assessed: no evidence counts for or against it yet (its prior is 50%).');
    expect(b.bluf).not.toContain(`(${j.label})`);
    expect(b.summary.notAssessed).toContain(j.label);
    expect(b.gaps.find((g) => g.label === j.label)!.reason).toMatch(/no evidence recorded/);
  });
});
