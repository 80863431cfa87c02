/** source capture URL: fetch a web page and keep it as a capture (issue 13). */
import type { CaptureOutcome } from '../../core/contract/captures';
import { str, type Command } from '../command';
import { sourceText } from '../format';

export function captureOutcomeText(o: CaptureOutcome): string {
  const c = o.capture;
  const redirected = c.finalUrl !== c.requestedUrl ? ` (asked for ${c.requestedUrl})` : '';
  return [
    o.created ? `Captured ${c.finalUrl}${redirected}` : `Already captured: these exact bytes are capture ${c.id} of this source; nothing new was stored.`,
    `  source: ${sourceText(o.source)}`,
    `  capture: ${c.id}  HTTP ${c.httpStatus}  ${c.mediaType}  ${c.byteSize} bytes  captured ${c.capturedAt}`,
    `  final URL: ${c.finalUrl}`,
    `  sha256: ${c.sha256}`,
    `  filled from the page: ${o.filled.length ? o.filled.join(', ') : 'nothing'}`,
    ...(o.created ? [`  quotes re-anchored: ${o.anchors.exact} exact, ${o.anchors.close} close, ${o.anchors.notFound} not found, ${o.anchors.lost} lost`] : []),
  ].join('\n');
}

const sourceCapture: Command = {
  name: 'source capture',
  usage: 'source capture URL [--source ID] [--accessed YYYY-MM-DD] [--json]',
  summary:
    'Fetch a web page (http/https; no cookies or credentials sent; at most 5 redirects, 20 s, 64 MB) and keep its exact bytes as a capture: into --source, or into a new web source made from the page metadata.',
  options: { source: { type: 'string' }, accessed: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const outcome = await ctx.withCase(
      (api) =>
        api.invoke('captures.fetch', {
          url: ctx.args[0]!,
          sourceId: str(ctx.values, 'source') ?? null,
          accessedAt: str(ctx.values, 'accessed') ?? null,
        }),
      { progress: true },
    );
    ctx.print(outcome, () => captureOutcomeText(outcome));
  },
};

export const captureCommands: Command[] = [sourceCapture];
