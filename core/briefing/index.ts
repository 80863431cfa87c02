/** Briefing notes (DESIGN §5): compose from pre-read data, lay out, check, render. */
export * from './types';
export { composeBriefing, DEFAULT_TITLE } from './compose';
export { layoutBriefing, footnoteText } from './layout';
export { plain, safeHref, type Block, type Inline } from './blocks';
export { toMarkdown, blocksToMarkdown, escapeMarkdown } from './markdown';
export { toHtml, blocksToHtml } from './html';
export { escapeHtml } from './escape';
export { toDocx } from './docx/document';
export { toBase64, fromBase64 } from './base64';
export { renderBriefing, briefingFileName, BRIEFING_FORMATS, type BriefingFormat, type RenderedBriefing } from './render';
export { checkBriefing, checkBluf, checkJudgment, judgmentSentences } from './check-briefing';
export { checkText, likelihoodWords, mentionsConfidenceLevel, vagueWords, splitSentences, type EstimativeWarning } from './estimative-check';
export { normalizeSelection, selectionKey, describeSelection, isEmptySelection } from './selection';
export { diffSnapshots, snapshotOf } from './changes';
export { pageFrame, pdfTemplates, PDF_MARGIN, type PageFrame } from './page-frame';
export { parseStoredBriefing, StoredBriefingError } from './schema';
export { DRAFT_BLUF_LABEL, provenanceText } from './layout';
export { cleanText, count, agree, sentence } from './wording';
