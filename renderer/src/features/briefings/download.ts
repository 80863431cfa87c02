/** Saves a rendered briefing through the browser's download mechanism. */
import { fromBase64 } from '../../../../core/briefing/base64';
import type { RenderedBriefing } from '../../../../core/briefing/render';
import { saveDownload } from '../../components/download';

export function download(r: RenderedBriefing): void {
  saveDownload(r.fileName, r.mime, (r.encoding === 'base64' ? fromBase64(r.content) : r.content) as BlobPart);
}
