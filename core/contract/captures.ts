/**
 * Captured documents (issue 13): the bytes the analyst read, kept in the case file, their text, and
 * every quote anchored in them. Bytes travel as base64 inside the one contract (IPC and HTTP alike).
 */
import { z } from 'zod';
import type { Capture, CaptureDetail, QuoteSelectors, Source } from '../types';
import { mutation, query, withLargeInput, withOwnUnits } from './define';
import { id, isoDate, optionalText, url } from './fields';

/** The largest document one capture may hold (stated in the README and in the refusal). */
export const MAX_CAPTURE_BYTES = 64 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_CAPTURE_BYTES / 3) * 4;

/** A document's bytes in base64, at most MAX_CAPTURE_BYTES of them (also used by the case export's captures). */
export const base64 = z
  .string()
  .max(MAX_BASE64 + 4, `is larger than the ${MAX_CAPTURE_BYTES / 1024 / 1024} MB a capture may hold`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

/** What an attach or a URL capture did besides storing the bytes. */
export interface CaptureOutcome {
  capture: Capture;
  source: Source;
  /** False when these exact bytes were already a capture of this source (nothing new was stored). */
  created: boolean;
  /** Source fields filled from the document's metadata because the analyst had left them empty. */
  filled: string[];
  /** Quotes of the source re-anchored in the new capture, by outcome. */
  anchors: { exact: number; close: number; notFound: number; lost: number };
}

export const captureMethods = {
  /** Attach a document (PDF, HTML, text, Markdown, DOCX, image) to a source. */
  'captures.attach': withLargeInput(
    mutation<CaptureOutcome>()(
      z.object({
        sourceId: id,
        bytes: base64,
        fileName: optionalText(500),
        /** A hint only: the type is sniffed from the bytes. */
        mediaType: optionalText(200),
        accessedAt: isoDate.nullish(),
      }),
    ),
    // The base64 of the largest document, and room for the other fields.
    MAX_BASE64 + 1024 * 1024,
    `a document of more than ${MAX_CAPTURE_BYTES / 1024 / 1024} MB`,
  ),
  /** Fetch a page (http/https, no cookies or credentials, limits on redirects, time and size) and capture it. */
  'captures.fetch': withOwnUnits(
    mutation<CaptureOutcome>()(
      z.object({
        url,
        /** Capture into this source; without it a new source is made from the page's metadata. */
        sourceId: id.nullish(),
        accessedAt: isoDate.nullish(),
      }),
    ),
    'the page is fetched and read before any transaction opens; the capture is stored in its own unit',
  ),
  'captures.list': query<Capture[]>()(z.object({ sourceId: id })),
  'captures.get': query<CaptureDetail>()(z.object({ id })),
  /** The exact stored bytes. */
  'captures.bytes': query<{ capture: Capture; bytes: string }>()(z.object({ id })),
  /** Selectors for a span of a capture's text (the viewer's selection becomes evidence with these). */
  'captures.locate': query<{ selectors: QuoteSelectors; locator: string }>()(
    z.object({ id, start: z.number().int().min(0), end: z.number().int().min(0) }),
  ),
};
