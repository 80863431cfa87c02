/** source attach|captures|open-capture: a source's captured documents (issue 13); bytes travel through the contract. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CaptureOutcome } from '../../core/contract/captures';
import type { Capture } from '../../core/types';
import { CaseError } from '../../db/errors';
import { sha256Hex } from '../../db/repos/captures';
import { checkCaptureSize } from '../../db/service/captures';
import { str, UsageError, type Command } from '../command';
import { safe } from '../format';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function captureLine(c: Capture): string {
  const where = c.origin === 'url' ? (c.finalUrl ?? c.requestedUrl ?? '') : (c.fileName ?? '');
  const text = c.extraction === 'none' ? 'no text (image)' : `${plural(c.pageCount, 'page')}, ${plural(c.textLength, 'character')}`;
  return `${c.id}  ${c.capturedAt}  ${c.mediaType}  ${plural(c.byteSize, 'byte')}  ${text}  sha256 ${c.sha256}  ${safe(where)}`;
}

function outcomeText(o: CaptureOutcome): string {
  const c = o.capture;
  if (!o.created) return `Already captured: source ${c.sourceId} holds these exact bytes as capture ${c.id} (nothing new was stored).`;
  const a = o.anchors;
  return [
    `Captured into source ${c.sourceId} as ${c.id}`,
    `  sha256 ${c.sha256} (${plural(c.byteSize, 'byte')}, ${c.mediaType})`,
    c.extraction === 'none' ? '  no text taken (images are kept and shown, not read)' : `  ${plural(c.pageCount, 'page')}, ${plural(c.textLength, 'character')} of text`,
    o.filled.length ? `  filled from the document: ${o.filled.join(', ')}` : '  no source fields filled (none empty, or none in the document)',
    `  quotes: ${a.exact} exact, ${a.close} close, ${a.notFound} not found${a.lost ? `, ${a.lost} no longer in the source` : ''}`,
  ].join('\n');
}

const sourceAttach: Command = {
  name: 'source attach',
  usage: 'source attach SOURCE_ID FILE [--accessed YYYY-MM-DD]',
  summary: 'Keep a document (PDF, HTML, text, Markdown, DOCX, image) in the case as a capture of the source: hashed, deduplicated, its text extracted.',
  options: { accessed: { type: 'string' } },
  minArgs: 2,
  async run(ctx) {
    const [sourceId, file] = ctx.args as [string, string];
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no file at ${file}`);
    const fileName = basename(file);
    // Refused before the file is read, with the same message the store gives.
    checkCaptureSize(statSync(file).size, `"${fileName}"`);
    const bytes = readFileSync(file).toString('base64');
    const input = { sourceId, bytes, fileName, accessedAt: str(ctx.values, 'accessed') };
    const outcome = await ctx.withCase((api) => api.invoke('captures.attach', input), { progress: true });
    ctx.print(outcome, () => outcomeText(outcome));
  },
};

const sourceCaptures: Command = {
  name: 'source captures',
  usage: 'source captures SOURCE_ID',
  summary: "A source's captures, oldest first: id, time, type, size, pages, SHA-256 and where each came from.",
  minArgs: 1,
  async run(ctx) {
    const list = await ctx.withCase((api) => api.invoke('captures.list', { sourceId: ctx.args[0]! }));
    ctx.print(list, () => (list.length ? list.map(captureLine).join('\n') : `Source ${ctx.args[0]} has no captures yet.`));
  },
};

const openCapture: Command = {
  name: 'source open-capture',
  usage: 'source open-capture CAPTURE_ID --out FILE [--force]',
  summary: 'Write the exact stored bytes of a capture to FILE (checked against its SHA-256; --force replaces an existing FILE).',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  minArgs: 1,
  async run(ctx) {
    const out = str(ctx.values, 'out');
    if (!out) throw new UsageError('--out FILE is required');
    if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`${out} is a folder; give the file to write`);
    if (existsSync(out) && !ctx.values.force) throw new UsageError(`${out} already exists; pass --force to replace it`);
    const r = await ctx.withCase((api) => api.invoke('captures.bytes', { id: ctx.args[0]! }));
    const bytes = Buffer.from(r.bytes, 'base64');
    const sha256 = sha256Hex(bytes);
    if (sha256 !== r.capture.sha256)
      throw new CaseError('invalid', `capture ${r.capture.id}'s stored bytes no longer match its SHA-256 (run \`claimtrail verify\`); nothing was written`);
    writeFileSync(out, bytes, { flag: ctx.values.force ? 'w' : 'wx' });
    ctx.print({ out, captureId: r.capture.id, bytes: bytes.length, sha256 }, () => `Wrote ${out} (${plural(bytes.length, 'byte')}, sha256 ${sha256}).`);
  },
};

export const documentCommands: Command[] = [sourceAttach, sourceCaptures, openCapture];
