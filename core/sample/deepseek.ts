// Sample case: the claims made in the seed analysis brief on DeepSeek
// (../shared/seed/000_0c726a60242b1682.txt). Plain data only, so core/ stays environment-neutral.
//
// Conventions used below:
// - Every `excerpt` is an exact substring of the brief (curly quotes and dashes kept).
// - `locator` "para N" = the N-th non-empty line of the brief.
// - Parties we only hear through the brief are sources with `derivedFrom: 'brief'`, so the
//   confidence model treats them and the brief as one origin (no circular reporting).
// - Attribution is not corroboration (docs/confidence.md): every source names whom it speaks for
//   (`speaksFor`, matched against each claim's claimant). A quote that only shows a party said
//   something counts 0 for that party's own claim: DeepSeek's statements for DeepSeek's claims, the
//   brief's own sentences (and what it reports) for the brief's claims, the unnamed researchers'
//   and critics' words for their own claims. So most claims here are "not assessed" with "no
//   independent corroboration": that is the honest state of a case built from one brief.
// - Kinds: forward-looking claims are forecasts; a normative statement is not checkable.
// - The brief is undated. Its latest internal date is "January 27"; the move from the Biden to the
//   Trump administration places it in 2025. Dates below that rely on this inference say so.

export type SampleStance = 'supports' | 'refutes' | 'context';

import type { Rating } from '../analysis/ach';

export interface SampleSource {
  key: string; title: string; publisher?: string; author?: string; url?: string;
  kind: 'report' | 'news' | 'official statement' | 'paper' | 'social post' | 'dataset' | 'interview' | 'other';
  reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  derivedFrom?: string /* key of another source this one repeats */;
  publishedAt?: string /* YYYY-MM-DD */; notes?: string;
  speaksFor?: string /* the party whose statements this source carries (a claimant name) */;
}

export interface SampleClaim {
  key: string; text: string; claimant?: string; claimedAt?: string /* YYYY-MM-DD */;
  tags: string[]; prior?: number; notes?: string;
  quantity?: { value: number; unit: string; scope?: string; asOf?: string };
  kind?: 'fact' | 'forecast' | 'not-checkable'; kindRationale?: string;
}

export interface SampleEvidence {
  claim: string; source: string; stance: SampleStance;
  excerpt: string /* EXACT substring of the brief */;
  locator: string /* e.g. "para 7" */; credibility: 1 | 2 | 3 | 4 | 5 | 6; weight?: number; note?: string;
}

export interface SampleDispute {
  claim: string; raisedBy: string; position: string; openedAt: string /* YYYY-MM-DD */;
  evidenceExcerpts?: string[] /* excerpts of evidence rows (same claim) linked to this dispute */;
  note?: string;
}

export interface SampleLink {
  from: string; to: string; kind: 'depends-on' | 'contradicts' | 'duplicate-of' | 'part-of';
  note?: string;
}

/** An ACH board (issue 18): its rows are evidence items already in the sample, named by claim and excerpt. */
export interface SampleBoard {
  title: string; question: string;
  hypotheses: string[] /* claim keys, H1, H2… */;
  analyst: string;
  rows: { claim: string; excerpt: string; ratings: Rating[] /* one per hypothesis, in order */; note: string }[];
}

export interface SampleCase {
  title: string; sources: SampleSource[]; claims: SampleClaim[]; evidence: SampleEvidence[];
  disputes: SampleDispute[]; links: SampleLink[]; boards?: SampleBoard[]; seedText?: never;
}

const BRIEF_AUTHORS = 'Analysis brief (authors)';
const RESEARCHERS_FINDINGS = 'Researchers (unnamed “recent findings”)';
const RESEARCHERS = 'Researchers (unnamed)';
const CRITICS = 'Critics (unnamed)';
const EXECS = 'Some tech executives (unnamed)';
const TRUMP = 'Trump administration';
const FORECAST = { kind: 'forecast' as const };

export const deepseekSample: SampleCase = {
  title: 'DeepSeek: cost, chips, market shock and security concerns',
  sources: [
    { key: 'brief', kind: 'report', reliability: 'B', publisher: 'Analysis brief (seed)', speaksFor: BRIEF_AUTHORS,
      title: 'DeepSeek’s emergence has introduced fresh challenges to US and Chinese AI firms and policymakers alike',
      notes: 'Established analytic format that cites its own earlier briefs; publisher and date not given in the text, and most figures carry no primary source.' },
    { key: 'deepseek', kind: 'official statement', reliability: 'C', publisher: 'DeepSeek', derivedFrom: 'brief', speaksFor: 'DeepSeek',
      title: 'DeepSeek statements on V3 training cost and training chips (as reported in the brief)',
      notes: 'Interested party describing its own costs and hardware; self-reported and unaudited, and known here only through the brief.' },
    { key: 'tech-execs', kind: 'other', reliability: 'F', derivedFrom: 'brief', speaksFor: EXECS,
      title: 'Tech executives voicing disbelief about DeepSeek’s chips (unnamed, as reported in the brief)',
      notes: 'Neither named nor counted ("some"), possibly rivals with a stake; reliability cannot be judged.' },
    { key: 'researchers-market', kind: 'other', reliability: 'F', derivedFrom: 'brief', speaksFor: RESEARCHERS,
      title: 'Researchers on Nvidia demand and Jevons’ paradox (unnamed, as reported in the brief)',
      notes: 'Unnamed researchers, no publication cited; reliability cannot be judged.' },
    { key: 'safety-findings', kind: 'other', reliability: 'F', derivedFrom: 'brief', speaksFor: RESEARCHERS_FINDINGS,
      title: '“Recent findings” on DeepSeek-R1 harmful output (unnamed study, as reported in the brief)',
      notes: 'The study, its authors, method and test set are not named; reliability cannot be judged.' },
    { key: 'security-researchers', kind: 'other', reliability: 'F', derivedFrom: 'brief',
      title: 'Researchers raising safety and security alarms over DeepSeek (unnamed, as reported in the brief)',
      notes: 'Unnamed researchers; the brief gives their concerns but no publication; reliability cannot be judged.' },
    { key: 'critics', kind: 'other', reliability: 'F', derivedFrom: 'brief', speaksFor: CRITICS,
      title: 'Accusers of propaganda and critics of DeepSeek’s privacy policy (unnamed, as reported in the brief)',
      notes: 'Accusers are not named; reliability cannot be judged.' },
    { key: 'trump-admin', kind: 'official statement', reliability: 'B', derivedFrom: 'brief', speaksFor: TRUMP,
      publisher: 'US government (Trump administration)',
      title: 'Trump administration statement on US leadership in AI (paraphrased in the brief)',
      notes: 'A government’s own stated position is usually reliable as to what it said; here known only by paraphrase.' },
    { key: 'brief-smuggling-2024', kind: 'report', reliability: 'B', publishedAt: '2024-09-10',
      title: 'CHINA: Semiconductor smuggling presents new challenges',
      notes: 'Earlier brief cross-referenced in para 25, apparently from the same series; not read yet, so no evidence is drawn from it.' },
    { key: 'brief-export-controls-2024', kind: 'report', reliability: 'B', publishedAt: '2024-05-29',
      title: 'US/CHINA: US AI export controls on China have limits',
      notes: 'Earlier brief cross-referenced in para 27, apparently from the same series; not read yet, so no evidence is drawn from it.' },
  ],
  claims: [
    { key: 'v3-cost-6mn', claimant: 'DeepSeek', prior: 0.5, tags: ['cost', 'compute', 'deepseek-v3'],
      text: 'Training DeepSeek-V3 cost about USD6mn in compute, using Nvidia H800 chips.',
      quantity: { value: 6, unit: 'USD mn', scope: 'final training run compute' },
      notes: 'The brief says only "compute cost"/"compute outlays"; "final training run" is the case’s scope label, not the brief’s words. Excludes salaries and other operating costs.' },
    { key: 'h800-h20-only', claimant: 'DeepSeek', prior: 0.5, tags: ['chips', 'sanctions', 'export-controls'],
      text: 'DeepSeek trained its latest models only on less powerful, sanctions-compliant Nvidia H800 and H20 chips.',
      notes: 'Central to whether US export controls worked. The brief leaves it open ("alleged use", "if the company’s claims are proven to be false").' },
    { key: 'v3-matches-gpt4o', claimant: 'DeepSeek', tags: ['capability', 'deepseek-v3', 'benchmarks'],
      text: 'DeepSeek-V3 matches leading Western models, including OpenAI’s GPT-4o, in coding, maths and reasoning.',
      notes: 'The clause sits inside an "According to DeepSeek" sentence, so it may be DeepSeek’s claim or the brief’s own view. No benchmark is named.' },
    { key: 'usd1tn-erased', claimant: BRIEF_AUTHORS, tags: ['markets', 'us-tech'],
      text: 'The launch of DeepSeek’s latest open-source model on 20 January erased USD1tn from the US tech market.',
      quantity: { value: 1, unit: 'USD tn', scope: 'US tech market value lost' },
      notes: 'The causal link (launch → sell-off) is the brief’s reading; it also cites fears of overheated AI investment.' },
    { key: 'nvidia-500bn', claimant: BRIEF_AUTHORS, tags: ['markets', 'nvidia'],
      text: 'On 27 January Nvidia lost more than USD500bn of market capitalisation.',
      quantity: { value: 500, unit: 'USD bn', scope: 'Nvidia market capitalisation lost in one day (lower bound)', asOf: '2025-01-27' },
      notes: 'The year (2025) is inferred from the brief’s context.' },
    { key: 'r1-harmful-11x', claimant: RESEARCHERS_FINDINGS, tags: ['safety', 'deepseek-r1'],
      text: 'DeepSeek-R1 is eleven times more likely than OpenAI’s o1 to generate harmful content.',
      quantity: { value: 11, unit: 'times as likely as OpenAI o1', scope: 'generating harmful content' },
      notes: 'Study not named; what counts as "harmful" and the test set are unknown.' },
    { key: 'data-to-china', claimant: BRIEF_AUTHORS, tags: ['privacy', 'data-transfer', 'security'],
      text: 'DeepSeek’s data privacy policies require all user data to be sent to China.',
      notes: 'The brief states this while reporting criticism; the policy text itself is not quoted.' },
    { key: 'propaganda', claimant: CRITICS, tags: ['security', 'propaganda', 'censorship'],
      text: 'DeepSeek spreads Chinese propaganda.',
      notes: 'Reported as an accusation; no examples are given.' },
    { key: 'founded-2023', claimant: BRIEF_AUTHORS, tags: ['company', 'history'],
      text: 'DeepSeek was established in 2023.' },
    { key: 'a100-stockpile', claimant: BRIEF_AUTHORS, tags: ['chips', 'compute', 'highflyer'],
      text: 'DeepSeek could draw on thousands of high-end Nvidia A100 chips that its founder’s hedge fund HighFlyer had bought in advance.',
      notes: 'The brief says HighFlyer bought them "in advance" without a date or count beyond "thousands".' },
    { key: 'exec-pre-sanction-chips', claimant: EXECS, tags: ['chips', 'sanctions', 'smuggling'],
      text: 'DeepSeek trained on chips acquired before sanctions took effect or in violation of them.',
      notes: 'A suspicion voiced publicly, with no evidence given in the brief.' },
    { key: 'open-source-transparent', claimant: BRIEF_AUTHORS, tags: ['open-source', 'transparency'],
      text: 'By releasing its models as open source, DeepSeek is transparent about both its model code and the process that produced it.',
      notes: 'The brief hedges ("seemingly"). Open weights and code do not by themselves disclose training hardware or data.' },
    { key: 'pressure-rivals', claimant: BRIEF_AUTHORS, ...FORECAST, tags: ['forecast', 'china-ai', 'competition'],
      text: 'DeepSeek’s success will push its Chinese rivals to release new models on tighter deadlines.' },
    { key: 'beijing-guardrails', claimant: BRIEF_AUTHORS, ...FORECAST, tags: ['forecast', 'regulation', 'open-source'],
      text: 'In the long run Beijing may put guardrails around open-source AI because of safety concerns.' },
    { key: 'semis-recover', claimant: BRIEF_AUTHORS, ...FORECAST, tags: ['forecast', 'markets', 'semiconductors'],
      text: 'Semiconductor share prices will recover, because cheaper AI will make it more widely available.' },
    { key: 'jevons-overstated', claimant: RESEARCHERS, ...FORECAST, tags: ['markets', 'nvidia', 'compute-demand'],
      text: 'Fears that efficient AI will cut chip demand are overstated: cheaper compute will speed AI adoption (Jevons’ paradox).' },
    { key: 'openai-pricing-pressure', claimant: BRIEF_AUTHORS, ...FORECAST, tags: ['competition', 'openai', 'pricing'],
      text: 'DeepSeek’s efficiency-focused approach could seriously challenge OpenAI and other earlier LLM developers, which may struggle to justify premium prices.' },
    { key: 'deters-foreign-investment', claimant: BRIEF_AUTHORS, ...FORECAST, tags: ['forecast', 'investment', 'security'],
      text: 'Safety, propaganda and privacy worries about DeepSeek will further deter foreign investment in Chinese AI and strengthen US competitors.' },
    { key: 'us-must-lead', claimant: TRUMP, tags: ['policy', 'us-government'],
      text: 'Washington must remain the global leader in AI.', kind: 'not-checkable',
      kindRationale: 'A normative statement of policy (what Washington should do), not a fact that evidence can make more or less likely.',
      notes: 'A statement of policy, recorded so that the sanctions forecast can depend on it; the claim that it was said is what the evidence supports.' },
    { key: 'further-sanctions-likely', claimant: BRIEF_AUTHORS, ...FORECAST, tags: ['forecast', 'sanctions', 'export-controls'],
      text: 'Further US sanctions on Chinese AI, including strict implementation of the last Biden package, are highly likely.' },
    { key: 'sanctions-spur-innovation', claimant: BRIEF_AUTHORS, ...FORECAST, tags: ['sanctions', 'self-sufficiency', 'china-ai'],
      text: 'In the long run US AI sanctions may push Chinese firms to innovate faster, the opposite of what Washington intends.' },
    { key: 'state-support-unclear', claimant: BRIEF_AUTHORS, tags: ['company', 'state-support'],
      text: 'It is unclear whether DeepSeek received specific state support beyond general investment in infrastructure and education.' },
    { key: 'liang-roundtable', claimant: BRIEF_AUTHORS, tags: ['company', 'people', 'beijing'],
      text: 'Liang Wenfeng, DeepSeek’s 39-year-old founder, was one of nine tech figures invited to speak at Premier Li Qiang’s closed-door roundtable in late January.' },
  ],
  evidence: [
    // USD6mn training cost
    { claim: 'v3-cost-6mn', source: 'deepseek', stance: 'supports', locator: 'para 9', credibility: 3,
      excerpt: 'According to DeepSeek, training its latest DeepSeek-v3 model — which matches the coding, mathematical and reasoning capabilities of the most prominent Western rivals, including OpenAI’s latest ChatGPT-4o — only cost about USD6mn in compute cost, using Nvidia H800 chips.',
      note: 'The company’s own figure, unaudited.' },
    { claim: 'v3-cost-6mn', source: 'brief', stance: 'refutes', locator: 'para 10', credibility: 3,
      excerpt: 'the USD6mn is widely disputed',
      note: 'The brief reports the dispute but names no disputant and offers no other figure.' },
    { claim: 'v3-cost-6mn', source: 'brief', stance: 'context', locator: 'para 10', credibility: 2,
      excerpt: 'only covers compute outlays — and not, for instance, staff salaries and other operational costs',
      note: 'Narrows the scope rather than contradicting it: the figure cannot be read as total cost.' },
    { claim: 'v3-cost-6mn', source: 'brief', stance: 'supports', locator: 'para 10', credibility: 3, weight: 0.5,
      excerpt: 'DeepSeek still showcases unmatched efficiency',
      note: 'The brief accepts the order of magnitude of the efficiency gain, not the exact figure.' },
    // H800/H20-only chips
    { claim: 'h800-h20-only', source: 'deepseek', stance: 'supports', locator: 'para 25', credibility: 3,
      excerpt: 'DeepSeek has stated that they have only used less performant — and sanctions-compliant — H800 and H20 chips to train their latest models.',
      note: 'Self-report by the party with most at stake.' },
    { claim: 'h800-h20-only', source: 'deepseek', stance: 'supports', locator: 'para 9', credibility: 3,
      excerpt: 'using Nvidia H800 chips',
      note: 'Same party repeating the hardware claim for V3; counts only as a share.' },
    { claim: 'h800-h20-only', source: 'tech-execs', stance: 'refutes', locator: 'para 25', credibility: 6,
      excerpt: 'some tech executives have publicly voiced disbelief about this claim, suspecting that DeepSeek did use chips that were either acquired before sanctions or in violation of sanctions',
      note: 'Suspicion only; no evidence is cited.' },
    { claim: 'h800-h20-only', source: 'brief', stance: 'refutes', locator: 'para 22', credibility: 2, weight: 0.5,
      excerpt: 'HighFlyer had made significant investments in computing power, purchasing thousands of high-end Nvidia A100 chips in advance',
      note: 'Circumstantial: shows access to A100s, not that they trained V3 or R1 (hence weight 0.5).' },
    { claim: 'h800-h20-only', source: 'brief', stance: 'context', locator: 'para 12', credibility: 3,
      excerpt: 'despite widespread semiconductor smuggling',
      note: 'Smuggling is common in China generally; nothing here ties it to DeepSeek.' },
    { claim: 'h800-h20-only', source: 'brief', stance: 'context', locator: 'para 24', credibility: 2,
      excerpt: 'The alleged use of advanced Nvidia chips will be scrutinised',
      note: 'The brief treats the question as open.' },
    { claim: 'h800-h20-only', source: 'brief', stance: 'context', locator: 'para 26', credibility: 4,
      excerpt: 'if the company’s claims are proven to be false, it will be vastly self-defeating, as DeepSeek has drawn considerable attention to itself',
      note: 'An argument about incentives, not evidence about which chips were used.' },
    // Capability
    { claim: 'v3-matches-gpt4o', source: 'deepseek', stance: 'supports', locator: 'para 9', credibility: 3,
      excerpt: 'which matches the coding, mathematical and reasoning capabilities of the most prominent Western rivals, including OpenAI’s latest ChatGPT-4o',
      note: 'Attribution is ambiguous (DeepSeek or the brief); no benchmark given.' },
    // Markets
    { claim: 'usd1tn-erased', source: 'brief', stance: 'supports', locator: 'para 2', credibility: 2,
      excerpt: 'The launch of DeepSeek’s latest open-source AI model on 20 January — which erased USD1tn from the US tech market amid fears of overheated AI investment',
      note: 'No market data source is given.' },
    { claim: 'usd1tn-erased', source: 'brief', stance: 'context', locator: 'para 13', credibility: 2,
      excerpt: 'This, on January 27, led to the loss of more than USD500bn from Nvidia’s market capitalisation.',
      note: 'The sell-off the brief dates is a week after the 20 January launch.' },
    { claim: 'nvidia-500bn', source: 'brief', stance: 'supports', locator: 'para 13', credibility: 2,
      excerpt: 'This, on January 27, led to the loss of more than USD500bn from Nvidia’s market capitalisation.' },
    { claim: 'nvidia-500bn', source: 'brief', stance: 'context', locator: 'para 14', credibility: 2,
      excerpt: 'Nvidia’s stock, however, soon started recovering',
      note: 'The loss was partly reversed; the figure is a one-day loss, not a lasting one.' },
    { claim: 'semis-recover', source: 'brief', stance: 'supports', locator: 'para 5', credibility: 3,
      excerpt: 'The share price of semiconductor firms will recover, as lower costs would lead to a wider availability of AI.' },
    { claim: 'semis-recover', source: 'brief', stance: 'supports', locator: 'para 14', credibility: 2,
      excerpt: 'Nvidia’s stock, however, soon started recovering',
      note: 'Early sign for one firm only.' },
    { claim: 'jevons-overstated', source: 'researchers-market', stance: 'supports', locator: 'para 14', credibility: 3,
      excerpt: 'researchers pointed out that such concerns are likely overstated' },
    { claim: 'jevons-overstated', source: 'brief', stance: 'supports', locator: 'para 14', credibility: 3,
      excerpt: 'making AI more compute-efficient will not slow development; rather, it will likely accelerate AI adoption across a broader range of applications',
      note: 'The brief endorses the argument; it is a forecast, not an observation.' },
    { claim: 'jevons-overstated', source: 'brief', stance: 'context', locator: 'para 14', credibility: 2,
      excerpt: 'Jevons’ paradox suggests that, as the cost of a resource decreases, its consumption increases.' },
    { claim: 'openai-pricing-pressure', source: 'brief', stance: 'supports', locator: 'para 15', credibility: 3,
      excerpt: 'DeepSeek’s efficiency-focused approach could pose a serious challenge to OpenAI and other earlier-generation LLM developers' },
    { claim: 'openai-pricing-pressure', source: 'brief', stance: 'supports', locator: 'para 15', credibility: 3,
      excerpt: 'these firms may struggle to justify the premium pricing that their more compute-intensive models demand' },
    { claim: 'openai-pricing-pressure', source: 'brief', stance: 'refutes', locator: 'para 16', credibility: 3,
      excerpt: 'However, they may still retain a reputational edge that helps sustain investment.',
      note: 'The brief qualifies its own judgment.' },
    // Safety, privacy, propaganda
    { claim: 'r1-harmful-11x', source: 'safety-findings', stance: 'supports', locator: 'para 17', credibility: 6,
      excerpt: 'Recent findings suggest that DeepSeek-R1 is eleven times more likely to generate harmful content than OpenAI’s o1 model.',
      note: 'Unnamed study; the brief itself hedges ("suggest").' },
    { claim: 'r1-harmful-11x', source: 'security-researchers', stance: 'context', locator: 'para 16', credibility: 3,
      excerpt: 'DeepSeek has already come under heavy scrutiny, with researchers raising serious safety and security concerns.' },
    { claim: 'data-to-china', source: 'brief', stance: 'supports', locator: 'para 17', credibility: 2,
      excerpt: 'has been heavily criticised for its data privacy policies, which require all user data to be sent to China',
      note: 'Stated by the brief; checking the policy text itself would close this gap.' },
    { claim: 'data-to-china', source: 'security-researchers', stance: 'supports', locator: 'para 2', credibility: 3,
      excerpt: 'researchers are raising alarms over DeepSeek’s security risks — from cross-border data transfers',
      note: 'Concern about transfers, not a reading of the policy.' },
    { claim: 'propaganda', source: 'critics', stance: 'supports', locator: 'para 17', credibility: 6,
      excerpt: 'the company has also faced accusations of spreading Chinese propaganda',
      note: 'An accusation is reported, not shown.' },
    { claim: 'propaganda', source: 'security-researchers', stance: 'supports', locator: 'para 2', credibility: 6,
      excerpt: 'to the spread of Chinese propaganda' },
    { claim: 'deters-foreign-investment', source: 'brief', stance: 'supports', locator: 'para 17', credibility: 3,
      excerpt: 'These worries are likely to further deter foreign investment in Chinese AI, ultimately strengthening US competitors.' },
    // Company facts
    { claim: 'founded-2023', source: 'brief', stance: 'supports', locator: 'para 20', credibility: 2,
      excerpt: 'In fact, it was only established as recently as 2023.' },
    { claim: 'founded-2023', source: 'brief', stance: 'context', locator: 'para 21', credibility: 2,
      excerpt: 'only started working on advanced AI development in 2023',
      note: 'Said of the founder; consistent with a 2023 founding.' },
    { claim: 'a100-stockpile', source: 'brief', stance: 'supports', locator: 'para 22', credibility: 2,
      excerpt: 'HighFlyer had made significant investments in computing power, purchasing thousands of high-end Nvidia A100 chips in advance' },
    { claim: 'a100-stockpile', source: 'tech-execs', stance: 'context', locator: 'para 25', credibility: 6,
      excerpt: 'some tech executives have publicly voiced disbelief about this claim, suspecting that DeepSeek did use chips that were either acquired before sanctions or in violation of sanctions',
      note: 'Consistent with a pre-sanctions stockpile, but the executives do not mention A100s.' },
    { claim: 'exec-pre-sanction-chips', source: 'tech-execs', stance: 'supports', locator: 'para 25', credibility: 6,
      excerpt: 'some tech executives have publicly voiced disbelief about this claim, suspecting that DeepSeek did use chips that were either acquired before sanctions or in violation of sanctions' },
    { claim: 'exec-pre-sanction-chips', source: 'brief', stance: 'supports', locator: 'para 22', credibility: 2, weight: 0.5,
      excerpt: 'HighFlyer had made significant investments in computing power, purchasing thousands of high-end Nvidia A100 chips in advance',
      note: 'Means, not proof of use (weight 0.5).' },
    { claim: 'exec-pre-sanction-chips', source: 'deepseek', stance: 'refutes', locator: 'para 25', credibility: 3,
      excerpt: 'DeepSeek has stated that they have only used less performant — and sanctions-compliant — H800 and H20 chips to train their latest models.' },
    { claim: 'state-support-unclear', source: 'brief', stance: 'supports', locator: 'para 21', credibility: 2,
      excerpt: 'it is unclear whether it actually benefited from specific state support beyond general investments in infrastructure and education' },
    { claim: 'state-support-unclear', source: 'brief', stance: 'context', locator: 'para 21', credibility: 3,
      excerpt: 'It could be said that DeepSeek is one of the “little giant” start-up companies envisaged in Chinese technology development policy' },
    { claim: 'state-support-unclear', source: 'brief', stance: 'context', locator: 'para 20', credibility: 2,
      excerpt: 'DeepSeek is not affiliated with the large tech giants that have hitherto dominated the Chinese AI landscape, such as Baidu and Alibaba.' },
    { claim: 'liang-roundtable', source: 'brief', stance: 'supports', locator: 'para 20', credibility: 2,
      excerpt: 'Liang Wenfeng, the company’s 39-year-old founder, had not gained much of a public profile until mere weeks ago, when he was one of nine tech luminaries invited to deliver a speech at a closed-door roundtable organised by Premier Li Qiang in late January.' },
    // Open source
    { claim: 'open-source-transparent', source: 'brief', stance: 'supports', locator: 'para 31', credibility: 3,
      excerpt: 'DeepSeek is seemingly transparent both in the actual code of its models, as well as in the developmental process leading to them.',
      note: 'Hedged ("seemingly").' },
    { claim: 'open-source-transparent', source: 'brief', stance: 'refutes', locator: 'para 26', credibility: 4, weight: 0.5,
      excerpt: 'a lot of US corporate and state intelligence efforts will be directed towards auditing DeepSeek’s actual technological capabilities',
      note: 'Audits would hardly be needed if the development process were open to inspection; an inference, hence weight 0.5.' },
    { claim: 'beijing-guardrails', source: 'brief', stance: 'supports', locator: 'para 7', credibility: 3,
      excerpt: 'In the long run, Beijing may put guardrails around open-source AI over safety concerns.' },
    { claim: 'beijing-guardrails', source: 'brief', stance: 'context', locator: 'para 31', credibility: 3,
      excerpt: 'A major component of that innovative approach would likely lie in the embrace of open-source.',
      note: 'In tension with guardrails: the brief also expects China to lean on open source.' },
    // Competition and policy
    { claim: 'pressure-rivals', source: 'brief', stance: 'supports', locator: 'para 6', credibility: 3,
      excerpt: 'DeepSeek’s achievement will ramp up pressure on domestic rivals to roll out new models under tighter deadlines.' },
    { claim: 'pressure-rivals', source: 'brief', stance: 'context', locator: 'para 29', credibility: 3,
      excerpt: 'amid intensifying domestic rivalry' },
    { claim: 'us-must-lead', source: 'trump-admin', stance: 'supports', locator: 'para 28', credibility: 2,
      excerpt: 'The Trump administration has, in response to the DeepSeek story, stated that Washington must remain the global leader in AI.' },
    { claim: 'further-sanctions-likely', source: 'brief', stance: 'supports', locator: 'para 28', credibility: 3,
      excerpt: 'Further sanctions, including a strict implementation of the last Biden sanctions package, are therefore highly likely.' },
    { claim: 'further-sanctions-likely', source: 'brief', stance: 'context', locator: 'para 24', credibility: 2,
      excerpt: 'which were further tightened in the final days of the Biden administration — although their enforcement now rests with the Trump administration' },
    { claim: 'sanctions-spur-innovation', source: 'brief', stance: 'supports', locator: 'para 29', credibility: 3,
      excerpt: 'In the long-term, however, they may continue having the opposite effect to Washington’s intentions: stimulating Chinese entities to innovate with greater urgency amid intensifying domestic rivalry.' },
    { claim: 'sanctions-spur-innovation', source: 'brief', stance: 'supports', locator: 'para 12', credibility: 3, weight: 0.5,
      excerpt: 'have to develop models that maximise relatively scarce computational resources',
      note: 'Constraint as a driver of efficiency; indirect.' },
    { claim: 'sanctions-spur-innovation', source: 'brief', stance: 'context', locator: 'para 29', credibility: 3,
      excerpt: 'Such sanctions would make Chinese AI ambitions more complicated in the short-term, limiting domestic firms’ access to critical AI components.',
      note: 'Short-term effect runs the other way.' },
  ],
  disputes: [
    { claim: 'v3-cost-6mn', raisedBy: 'Unnamed critics (per the brief, the figure is “widely disputed”)', openedAt: '2025-01-27',
      position: 'The USD6mn figure is widely disputed: it covers compute outlays only, not staff salaries or other operating costs, so it understates what V3 cost to build.',
      evidenceExcerpts: ['the USD6mn is widely disputed',
        'only covers compute outlays — and not, for instance, staff salaries and other operational costs'],
      note: 'openedAt is the earliest date the brief supports (its latest internal date, 27 January 2025); the brief does not say when the dispute began.' },
    { claim: 'h800-h20-only', raisedBy: 'Some tech executives (unnamed)', openedAt: '2025-01-27',
      position: 'They publicly disbelieve that DeepSeek used only H800/H20 chips and suspect chips bought before sanctions or in breach of them; the brief notes that HighFlyer had bought thousands of A100s in advance.',
      evidenceExcerpts: [
        'some tech executives have publicly voiced disbelief about this claim, suspecting that DeepSeek did use chips that were either acquired before sanctions or in violation of sanctions',
        'HighFlyer had made significant investments in computing power, purchasing thousands of high-end Nvidia A100 chips in advance'],
      note: 'The executives do not name A100s; the A100 link is the brief’s own fact set beside their suspicion. openedAt dated as for the cost dispute.' },
  ],
  links: [
    { from: 'v3-cost-6mn', to: 'h800-h20-only', kind: 'depends-on',
      note: 'The figure is priced on H800 compute; other or additional hardware would change it.' },
    { from: 'a100-stockpile', to: 'h800-h20-only', kind: 'contradicts',
      note: 'In tension rather than a strict contradiction: owning A100s gives the means, not proof of use.' },
    { from: 'exec-pre-sanction-chips', to: 'h800-h20-only', kind: 'contradicts' },
    { from: 'nvidia-500bn', to: 'usd1tn-erased', kind: 'part-of',
      note: 'The brief dates the Nvidia loss to 27 January, a week after the launch it ties the USD1tn to.' },
    { from: 'semis-recover', to: 'jevons-overstated', kind: 'depends-on' },
    { from: 'openai-pricing-pressure', to: 'v3-cost-6mn', kind: 'depends-on',
      note: 'The pricing pressure rests on DeepSeek’s claimed efficiency.' },
    { from: 'deters-foreign-investment', to: 'r1-harmful-11x', kind: 'depends-on' },
    { from: 'deters-foreign-investment', to: 'data-to-china', kind: 'depends-on' },
    { from: 'deters-foreign-investment', to: 'propaganda', kind: 'depends-on' },
    { from: 'further-sanctions-likely', to: 'us-must-lead', kind: 'depends-on' },
  ],
  // The chips question as competing hypotheses, over the brief's evidence on the H800/H20 claim only.
  boards: [
    { title: 'Which chips trained DeepSeek’s models?', analyst: 'Sample analyst',
      question: 'Only the sanctions-compliant H800 and H20, or also chips bought before the sanctions or smuggled?',
      hypotheses: ['h800-h20-only', 'exec-pre-sanction-chips'],
      rows: [
        { claim: 'h800-h20-only', excerpt: 'DeepSeek has stated that they have only used less performant — and sanctions-compliant — H800 and H20 chips to train their latest models.',
          ratings: ['C', 'C'], note: 'DeepSeek would say the same if it had used other chips: a self-report does not tell the two apart.' },
        { claim: 'h800-h20-only', excerpt: 'using Nvidia H800 chips', ratings: ['C', 'C'], note: 'Using H800s does not exclude using other chips as well.' },
        { claim: 'h800-h20-only', excerpt: 'some tech executives have publicly voiced disbelief about this claim, suspecting that DeepSeek did use chips that were either acquired before sanctions or in violation of sanctions',
          ratings: ['I', 'C'], note: 'A suspicion, graded F6: it weighs little.' },
        { claim: 'h800-h20-only', excerpt: 'HighFlyer had made significant investments in computing power, purchasing thousands of high-end Nvidia A100 chips in advance',
          ratings: ['I', 'C'], note: 'Owning A100s bought in advance sits badly with H800/H20 only; it is the means, not proof of use.' },
        { claim: 'h800-h20-only', excerpt: 'despite widespread semiconductor smuggling', ratings: ['N', 'C'], note: 'Smuggling is common; nothing ties it to DeepSeek.' },
        { claim: 'h800-h20-only', excerpt: 'The alleged use of advanced Nvidia chips will be scrutinised', ratings: ['N', 'N'], note: 'The brief leaves the question open.' },
        { claim: 'h800-h20-only', excerpt: 'if the company’s claims are proven to be false, it will be vastly self-defeating, as DeepSeek has drawn considerable attention to itself',
          ratings: ['C', 'N'], note: 'An argument about incentives, not evidence about which chips were used.' },
      ] },
  ],
};
