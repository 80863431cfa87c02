/** Saves a rendered briefing through the browser's download mechanism (no file system access needed). */
import { fromBase64 } from '../../../../core/briefing/base64';
import type { RenderedBriefing } from '../../../../core/briefing/render';

export function download(r: RenderedBriefing): void {
  const body = r.encoding === 'base64' ? fromBase64(r.content) : r.content;
  const url = URL.createObjectURL(new Blob([body as BlobPart], { type: r.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = r.fileName;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
