/** `claimtrail brief`: compose a briefing note from a selection and write it as md, html, pdf or docx. */
import { writeFileSync } from 'node:fs';
import { fromBase64 } from '../../core/briefing/base64';
import { toHtml } from '../../core/briefing/html';
import { pdfTemplates } from '../../core/briefing/page-frame';
import { count } from '../../core/briefing/wording';
import { renderBriefing } from '../../core/briefing/render';
import type { BriefingSelection } from '../../core/briefing/types';
import { htmlToPdf } from '../briefing/pdf';
import { str, strs, UsageError, type Command, type Values } from '../command';

const FORMATS = ['md', 'html', 'pdf', 'docx'] as const;
type Format = (typeof FORMATS)[number];

function selectionOf(v: Values): BriefingSelection {
  const selection: BriefingSelection = {};
  const query = str(v, 'query');
  const tag = str(v, 'tag');
  const ids = strs(v, 'claim');
  if (query) selection.query = query;
  if (tag) selection.tag = tag;
  if (ids.length) selection.claimIds = ids;
  const boards = strs(v, 'board');
  if (boards.length) selection.boardIds = boards;
  if (!query && !tag && !ids.length && !boards.length) throw new UsageError('choose claims with --query Q, --tag T or --claim ID (repeatable), or an ACH board with --board ID');
  return selection;
}

function formatOf(values: Values): Format {
  const f = str(values, 'format');
  if (!f) throw new UsageError(`--format is required: ${FORMATS.join(', ')}`);
  if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${f}"`);
  return f as Format;
}

const brief: Command = {
  name: 'brief',
  usage: 'brief [--query Q] [--tag T] [--claim ID]... [--board ID]... [--title T] [--bluf TEXT] --format md|html|pdf|docx --out FILE [--save]',
  summary: 'Write a briefing note on a selection of claims (with --save: keep it as a version in the case).',
  options: {
    query: { type: 'string' },
    tag: { type: 'string' },
    claim: { type: 'string', multiple: true },
    board: { type: 'string', multiple: true },
    title: { type: 'string' },
    bluf: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    save: { type: 'boolean' },
  },
  async run(ctx) {
    const selection = selectionOf(ctx.values);
    const format = formatOf(ctx.values);
    const out = str(ctx.values, 'out');
    if (!out) throw new UsageError('--out FILE is required');
    const input = { selection, title: str(ctx.values, 'title'), bluf: str(ctx.values, 'bluf'), signed: true };
    const result = await ctx.withCase(async (api) => {
      const composed = ctx.values.save ? api.invoke('briefings.save', input) : api.invoke('briefings.compose', input);
      const id = 'id' in composed ? (composed.id as string) : null;
      let bytes: Uint8Array | string;
      if (format === 'pdf') bytes = await htmlToPdf(toHtml(composed.briefing), pdfTemplates(composed.briefing));
      else if (format === 'md') bytes = composed.markdown;
      else {
        const r = renderBriefing(composed.briefing, format);
        bytes = r.encoding === 'base64' ? fromBase64(r.content) : r.content;
      }
      writeFileSync(out, bytes);
      // Markdown and HTML carry the signed head as a comment; PDF and DOCX get it beside them (as CSV exports do).
      const statement = composed.briefing.provenance?.statement ?? null;
      const sidecar = statement && (format === 'pdf' || format === 'docx') ? `${out}.sig.json` : null;
      if (sidecar) writeFileSync(sidecar, `${statement}\n`);
      return { out, format, savedId: id, sidecar, judgments: composed.briefing.judgments.length, warnings: composed.warnings };
    });
    for (const w of result.warnings) ctx.io.err(`warning (${w.where}): ${w.message} — “${w.sentence}”`);
    ctx.print(result, () =>
      `Wrote ${result.out} (${result.format}, ${count(result.judgments, 'key judgment')})${result.savedId ? `; saved as briefing ${result.savedId}` : ''}${result.sidecar ? `; signed head in ${result.sidecar}` : ''}.`,
    );
  },
};

export const briefCommands: Command[] = [brief];
